#!/usr/bin/env bash
# Build the distribution: PyInstaller bundle, portable zip, NSIS installer.
#
#   scripts/build.sh [--smoke] [--no-installer]
#
# On Windows (Git Bash, .github/workflows/windows.yml) this makes the real thing; on Linux the
# bundle is a Linux build and the installer wraps it as a stand-in payload, which proves the
# spec, the installer script and its file list (PyInstaller cannot cross-compile).
#   dist/nianbao/                               the program folder (nianbao or nianbao.exe)
#   dist/nianbao-VERSION-portable-PLATFORM.zip  the folder + portable.txt (data kept beside it)
#   dist/nianbao-VERSION-setup.exe              the installer (…-setup-linux-payload.exe on Linux)
# --smoke runs scripts/smoke_frozen.sh on the bundle before packaging it.
set -euo pipefail
cd "$(dirname "$0")/.."

smoke=0 installer=1
for arg in "$@"; do
  case $arg in
    --smoke) smoke=1 ;;
    --no-installer) installer=0 ;;
    *) echo "usage: scripts/build.sh [--smoke] [--no-installer]" >&2; exit 2 ;;
  esac
done

if [ -z "${PYTHON:-}" ]; then
  for candidate in .venv/bin/python .venv/Scripts/python.exe python3 python; do
    if command -v "$candidate" >/dev/null 2>&1; then PYTHON=$candidate; break; fi
  done
fi
export PYTHON
case "$(uname -s)" in
  MINGW* | MSYS* | CYGWIN*) platform=win64 exe_name=nianbao.exe installer_suffix="" ;;
  *) platform=linux exe_name=nianbao installer_suffix="-linux-payload" ;;
esac
native_path() { if command -v cygpath >/dev/null 2>&1; then cygpath -w "$1"; else echo "$1"; fi; }
seconds() { date +%s; }

version=$("$PYTHON" scripts/make_version_info.py --print version | tr -d '\r')
version4=$("$PYTHON" scripts/make_version_info.py --print version4 | tr -d '\r')
bundle=dist/nianbao
portable_zip=dist/nianbao-$version-portable-$platform.zip
setup_exe=dist/nianbao-$version-setup$installer_suffix.exe
echo "build: 年报助手 $version for $platform with $("$PYTHON" -m PyInstaller --version | tr -d '\r')"

t0=$(seconds)
"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN --workpath build/pyinstaller --distpath dist build.spec
t_bundle=$(( $(seconds) - t0 ))
[ -f "$bundle/$exe_name" ] || { echo "build: no $bundle/$exe_name" >&2; exit 1; }
# The installed program must keep its data in the app-data folder: no portable marker in the payload.
[ ! -e "$bundle/portable.txt" ] || { echo "build: $bundle/portable.txt must not exist" >&2; exit 1; }
echo "build: bundle in ${t_bundle}s: $(du -sm "$bundle" | cut -f1) MB in $(find "$bundle" -type f | wc -l) files; largest:"
"$PYTHON" - "$bundle" <<'PY'
import sys
from pathlib import Path
files = [p for p in Path(sys.argv[1]).rglob("*") if p.is_file() and not p.is_symlink()]
files.sort(key=lambda p: p.stat().st_size, reverse=True)
for path in files[:12]:
    print(f"  {path.stat().st_size / 2**20:6.1f} MB  {path.relative_to(sys.argv[1]).as_posix()}")
PY

if [ "$smoke" = 1 ]; then
  t0=$(seconds)
  bash scripts/smoke_frozen.sh "$bundle/$exe_name"
  echo "build: smoke test in $(( $(seconds) - t0 ))s"
fi

t0=$(seconds)
"$PYTHON" - "$bundle" "$portable_zip" <<'PY'
"""The portable zip: nianbao/ plus the marker that keeps the library in nianbao/data/."""
import os
import sys
import zipfile
from pathlib import Path

bundle, target = Path(sys.argv[1]), Path(sys.argv[2])
marker = ("年报助手便携版标记文件：有此文件时，资料库、备份和设置保存在本文件夹的 data 子文件夹中，"
          "可随 U 盘携带。删除此文件，则改为保存在当前用户的数据文件夹（%LOCALAPPDATA%\\Nianbao）。\r\n")
target.unlink(missing_ok=True)
with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
    for path in sorted(bundle.rglob("*")):
        name = Path("nianbao", path.relative_to(bundle)).as_posix()
        if path.is_symlink():  # Linux bundles link libraries; keep links, not copies
            link = zipfile.ZipInfo(name)
            link.external_attr = 0o120777 << 16
            archive.writestr(link, os.readlink(path))
        else:
            archive.write(path, name)
    archive.writestr("nianbao/portable.txt", marker.encode("utf-8"))
PY
echo "build: portable zip in $(( $(seconds) - t0 ))s: $portable_zip $(du -m "$portable_zip" | cut -f1) MB"

if [ "$installer" = 1 ]; then
  command -v makensis >/dev/null 2>&1 || { echo "build: makensis not found (Debian: apt-get install nsis; Windows: choco install nsis)" >&2; exit 1; }
  t0=$(seconds)
  rm -f "$setup_exe"
  makensis -V2 -DVERSION="$version" -DVERSION4="$version4" \
    -DPAYLOAD="$(native_path "$PWD/$bundle")" -DOUTFILE="$(native_path "$PWD/$setup_exe")" \
    -DICON="$(native_path "$PWD/resources/icons/app.ico")" \
    "$(native_path "$PWD/installer/nianbao.nsi")"
  echo "build: installer in $(( $(seconds) - t0 ))s: $setup_exe $(du -m "$setup_exe" | cut -f1) MB ($(stat -c %s "$setup_exe") bytes)"
fi
