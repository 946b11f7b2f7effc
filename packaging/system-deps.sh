#!/usr/bin/env bash
# Make sure the system libraries Qt needs are present.
#   system-deps.sh base     what the tests need (offscreen Qt: EGL/GL, fontconfig, fonts, ...)
#   system-deps.sh desktop  base + the xcb libraries a real window on X11 needs
# Installs the missing ones with apt-get when run as root (or with password-less sudo);
# otherwise prints the exact command to run and fails.
set -euo pipefail

what=${1:-base}
# library file -> Debian package
declare -A base=(
  [libEGL.so.1]=libegl1 [libGL.so.1]=libgl1 [libfontconfig.so.1]=libfontconfig1
  [libglib-2.0.so.0]=libglib2.0-0 [libxkbcommon.so.0]=libxkbcommon0 [libdbus-1.so.3]=libdbus-1-3
)
declare -A desktop=(
  [libxcb-cursor.so.0]=libxcb-cursor0 [libxcb-icccm.so.4]=libxcb-icccm4
  [libxcb-image.so.0]=libxcb-image0 [libxcb-keysyms.so.1]=libxcb-keysyms1
  [libxcb-render-util.so.0]=libxcb-render-util0 [libxcb-shape.so.0]=libxcb-shape0
  [libxcb-xkb.so.1]=libxcb-xkb1 [libxkbcommon-x11.so.0]=libxkbcommon-x11-0
)

[ "$(uname -s)" = Linux ] || exit 0
have_lib() { ldconfig -p 2>/dev/null | grep -q "$1" || [ -e "/usr/lib/x86_64-linux-gnu/$1" ] || [ -e "/usr/lib/aarch64-linux-gnu/$1" ]; }

missing=()
for lib in "${!base[@]}"; do have_lib "$lib" || missing+=("${base[$lib]}"); done
if [ "$what" = desktop ]; then
  for lib in "${!desktop[@]}"; do have_lib "$lib" || missing+=("${desktop[$lib]}"); done
fi
# Without a font the offscreen renderer draws nothing readable and Qt warns; fc-list (from
# fontconfig) is how fonts are found, so it is asked for with them.
command -v fc-list >/dev/null || missing+=(fontconfig)
if ! { command -v fc-list >/dev/null && [ -n "$(fc-list 2>/dev/null | head -1)" ]; }; then
  missing+=(fonts-dejavu-core)
fi
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Qt needs these system packages: ${missing[*]}" >&2
if command -v apt-get >/dev/null; then
  if [ "$(id -u)" = 0 ]; then sudo=""; elif sudo -n true 2>/dev/null; then sudo="sudo"; else sudo=none; fi
  if [ "$sudo" != none ]; then
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    exit 0
  fi
  line="apt-get update && apt-get install -y --no-install-recommends ${missing[*]}"
  if command -v sudo >/dev/null; then
    echo "Install them with:  sudo sh -c '$line'" >&2
  else
    echo "Install them as root (e.g. su -c \"$line\"), then run this again." >&2
  fi
else
  echo "Install the equivalents of these Debian packages with your system's package manager." >&2
fi
exit 1
