; A stand-in nianbao.exe for tests/test_installer_wine.py: a Windows program that keeps
; running (so its file is locked, as the real one's is) until the test deletes the marker it
; leaves in %TEMP%, or for a minute at most.
Unicode true
Name "nianbao stand-in"
OutFile "${OUTFILE}"
SilentInstall silent
RequestExecutionLevel user

Section
  FileOpen $0 "$TEMP\nianbao-stand-in-running" w
  FileClose $0
  StrCpy $1 0
  wait:
    Sleep 100
    IntOp $1 $1 + 1
    IntCmp $1 600 done
    IfFileExists "$TEMP\nianbao-stand-in-running" wait
  done:
SectionEnd
