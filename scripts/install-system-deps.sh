#!/usr/bin/env bash
# Debian/Ubuntu packages the tests need: Qt's runtime libraries, LibreOffice + poppler as the
# test renderer, CJK fonts it substitutes for the GB faces, NSIS and Xvfb for the build and
# screenshots, and Wine (wine, wine32, wine64; i386 added) to exercise the Windows installer.
# Idempotent; uses sudo when not root.
# `--run` installs only what the program itself needs on a Linux desktop (Qt's libraries, a
# CJK font); without it, everything the tests and the build need as well.
# Wine is optional: if it cannot be installed, this says why and tests/test_installer_wine.py
# is skipped with that reason; everything else still has to install.
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
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
apt_install() { DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "$@"; }
missing_of() {
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || echo "$p"
  done
}

# Wine runs the 32-bit NSIS installer only with wine32, hence the i386 architecture.
install_wine() {
  local wine_packages=(wine wine32 wine64) missing log added_i386=0
  mapfile -t missing < <(missing_of "${wine_packages[@]}")
  [ ${#missing[@]} -gt 0 ] || return 0
  if [ "$(dpkg --print-architecture)" != amd64 ]; then
    echo "system packages: Wine not installed: needs an amd64 machine (this is $(dpkg --print-architecture))"
    return 0
  fi
  log=$(mktemp)
  echo "system packages: installing ${missing[*]} (for the installer test)"
  if ! dpkg --print-foreign-architectures | grep -qx i386; then
    "${sudo_cmd[@]}" dpkg --add-architecture i386 && added_i386=1
  fi
  if "${sudo_cmd[@]}" apt-get update -qq >"$log" 2>&1 && apt_install "${missing[@]}" >>"$log" 2>&1; then
    rm -f "$log"
    return 0
  fi
  echo "system packages: Wine could not be installed; the installer test will be skipped. apt said:"
  tail -n 5 "$log" | sed 's/^/  /'
  rm -f "$log"
  # Leave apt as it was: an i386 architecture whose lists cannot be fetched breaks later updates.
  if [ "$added_i386" = 1 ]; then "${sudo_cmd[@]}" dpkg --remove-architecture i386 2>/dev/null || true; fi
}

mapfile -t missing < <(missing_of "${packages[@]}")
if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages: all present"
else
  echo "system packages: installing ${missing[*]}"
  "${sudo_cmd[@]}" apt-get update -qq
  apt_install "${missing[@]}"
fi
if [ "${1:-}" != "--run" ]; then
  install_wine
fi
