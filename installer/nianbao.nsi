; 年报助手 — per-user Windows installer (NSIS 3, MUI2, Simplified Chinese).
;
; Built by scripts/build.sh (Linux, stand-in payload) and .github/workflows/windows.yml:
;   makensis /DVERSION=0.1.0 /DVERSION4=0.1.0.0 /DPAYLOAD=dist\nianbao /DOUTFILE=dist\nianbao-0.1.0-setup.exe installer\nianbao.nsi
;
; The program goes to %LOCALAPPDATA%\Programs\Nianbao; the user's library, backups, logs and
; settings live in %LOCALAPPDATA%\Nianbao (models/paths.py), outside the program folder, so
; neither an upgrade nor the uninstaller can touch them. Both delete only what this installer
; puts there (nianbao.exe, _internal\, uninstall.exe), never the whole folder recursively.

Unicode true
ManifestDPIAware true
RequestExecutionLevel user
SetCompressor /SOLID lzma

!ifndef VERSION
  !error "pass the version: /DVERSION=x.y.z (scripts/make_version_info.py --print version)"
!endif
!ifndef VERSION4
  !define VERSION4 "${VERSION}.0"
!endif
!ifndef PAYLOAD
  !define PAYLOAD "${__FILEDIR__}\..\dist\nianbao"
!endif
!ifndef OUTFILE
  !define OUTFILE "${__FILEDIR__}\..\dist\nianbao-${VERSION}-setup.exe"
!endif
!ifndef ICON
  !define ICON "${__FILEDIR__}\..\resources\icons\app.ico"
!endif

!define PRODUCT "年报助手"
!define PUBLISHER "年报助手项目组"
!define APP_ID "Nianbao"
!define EXE "nianbao.exe"
!define UNINSTALLER "uninstall.exe"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_ID}"

Name "${PRODUCT}"
Caption "${PRODUCT} ${VERSION} 安装程序"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP_ID}"
; An upgrade goes where the previous version is.
InstallDirRegKey HKCU "${UNINST_KEY}" "InstallLocation"
ShowInstDetails show
ShowUninstDetails show
BrandingText "${PRODUCT} ${VERSION}"

!include "MUI2.nsh"
!include "FileFunc.nsh"

!if /FileExists "${ICON}"
  !define MUI_ICON "${ICON}"
  !define MUI_UNICON "${ICON}"
!endif
!define MUI_ABORTWARNING
!define MUI_WELCOMEPAGE_TEXT "本向导将把 ${PRODUCT} ${VERSION} 安装到您的用户文件夹中，无需管理员权限。$\r$\n$\r$\n如果已安装旧版本，将直接升级。您的报告资料库、备份和设置保存在 %LOCALAPPDATA%\${APP_ID}，安装、升级和卸载都不会改动它们。$\r$\n$\r$\n安装前请先关闭正在运行的${PRODUCT}。"
!define MUI_FINISHPAGE_RUN "$INSTDIR\${EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "立即运行${PRODUCT}"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "SimpChinese"

VIProductVersion "${VERSION4}"
VIFileVersion "${VERSION4}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "ProductName" "${PRODUCT}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "FileDescription" "${PRODUCT} 安装程序"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "LegalCopyright" "© 2026 ${PUBLISHER}"

; Removes the program files of an installed version (the same list for upgrade and uninstall).
; Waits for a running 年报助手 to be closed: its files are locked while it runs.
!macro REMOVE_PROGRAM_FILES un
  Function ${un}RemoveProgramFiles
    retry:
      ClearErrors
      IfFileExists "$INSTDIR\${EXE}" 0 +2
        Delete "$INSTDIR\${EXE}"
      IfErrors 0 removed
        MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "${PRODUCT}正在运行，无法替换或删除它的文件。$\r$\n请关闭${PRODUCT}后点“重试”。" /SD IDCANCEL IDRETRY retry
        Abort "${PRODUCT}仍在运行，已取消。"
    removed:
      RMDir /r "$INSTDIR\_internal"
      Delete "$INSTDIR\${UNINSTALLER}"
  FunctionEnd
!macroend
!insertmacro REMOVE_PROGRAM_FILES ""
!insertmacro REMOVE_PROGRAM_FILES "un."

; The program folder must not be the app-data folder (or it would hold the user's library).
Function .onVerifyInstDir
  StrCmp "$INSTDIR" "$LOCALAPPDATA\${APP_ID}" 0 +2
    Abort
FunctionEnd

Section "${PRODUCT}" SecMain
  SectionIn RO
  SetOutPath "$INSTDIR"
  Call RemoveProgramFiles
  File /r "${PAYLOAD}\*"
  WriteUninstaller "$INSTDIR\${UNINSTALLER}"

  CreateShortcut "$SMPROGRAMS\${PRODUCT}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0
  CreateShortcut "$DESKTOP\${PRODUCT}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0

  WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "${PRODUCT}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINST_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\${EXE}"
  WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" '"$INSTDIR\${UNINSTALLER}"'
  WriteRegStr HKCU "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\${UNINSTALLER}" /S'
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKCU "${UNINST_KEY}" "EstimatedSize" "$0"
SectionEnd

Section "Uninstall"
  Call un.RemoveProgramFiles
  ; Only an empty folder goes: anything the user put there stays.
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\${PRODUCT}.lnk"
  Delete "$DESKTOP\${PRODUCT}.lnk"
  DeleteRegKey HKCU "${UNINST_KEY}"
  DetailPrint "您的报告资料库、备份和设置仍保存在 $LOCALAPPDATA\${APP_ID}，未被删除。"
SectionEnd
