#!/usr/bin/env bash
# Debian/Ubuntu packages the tests need: Qt's runtime libraries, LibreOffice + poppler as the
# test renderer, CJK fonts it substitutes for the GB faces, NSIS and Xvfb for the build and
# screenshots. Idempotent; uses sudo when not root.
# `--run` installs only what the program itself needs on a Linux desktop (Qt's libraries, a
# CJK font); without it, everything the tests and the build need as well.
set -euo pipefail
packages=(
  fonts-noto-cjk libegl1 libgl1 libfontconfig1 libdbus-1-3 libglib2.0-0 libxkbcommon0 libxkbcommon-x11-0
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0
  libxcb-shape0 libxcb-xinerama0 libxcb-xkb1
)
if [ "${1:-}" != "--run" ]; then
  packages+=(libreoffice-writer-nogui poppler-utils fonts-arphic-ukai xvfb nsis)
fi
if ! command -v dpkg-query >/dev/null; then
  echo "system packages: not a Debian/Ubuntu system; install Qt's runtime libraries yourself if missing"
  exit 0
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages: all present"
  exit 0
fi
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
echo "system packages: installing ${missing[*]}"
"${sudo_cmd[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
