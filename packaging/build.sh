#!/usr/bin/env bash
# Build the packaged app: dist/MonitorDesk/ and dist/MonitorDesk-<version>-<os>-<arch>.tar.gz.
#
#   packaging/build.sh            (what `make package` runs)
#
# 1. checks the build machine's system packages (binutils for strip/objdump, the Qt xcb
#    libraries so the bundle can open a real window): installs them with apt-get as root,
#    else names them and stops;
# 2. makes a clean virtualenv for the build, build/pkg-venv, from requirements.lock and
#    packaging/build-requirements.lock, both with --require-hashes (re-made when a lock
#    changes; PKG_VENV_FRESH=1 forces it);
# 3. runs PyInstaller on packaging/monitor_desk.spec and packs the folder.
# Environment: PYTHON (default python3.11, else python3), SKIP_SYSTEM_DEPS=1.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
started=$(date +%s)

PYTHON=${PYTHON:-$(command -v python3.11 || command -v python3)}
venv=build/pkg-venv
stamp=$venv/.locks.sha256
locks=(requirements.lock packaging/build-requirements.lock)
version=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' monitor_desk/__init__.py)
os_name=$(uname -s | tr '[:upper:]' '[:lower:]')
arch=$(uname -m)
archive=dist/MonitorDesk-$version-$os_name-$arch.tar.gz

say() { printf '== %s\n' "$*" >&2; }

# -- 1. system packages -------------------------------------------------------------------
system_deps() {
  [ "$os_name" = linux ] || return 0
  local missing=()
  command -v objdump >/dev/null && command -v strip >/dev/null || missing+=(binutils)
  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      say "installing ${missing[*]}"
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        "${missing[@]}" >/dev/null || {
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
          "${missing[@]}" >/dev/null
      }
    else
      echo "The build needs: ${missing[*]} (sudo apt-get install -y ${missing[*]})" >&2
      exit 1
    fi
  fi
  # The xcb libraries (a real window) plus what offscreen Qt needs: the lead's script.
  packaging/system-deps.sh desktop
}
[ "${SKIP_SYSTEM_DEPS:-0}" = 1 ] || system_deps

# -- 2. the build's own virtualenv --------------------------------------------------------
want=$(cat "${locks[@]}" | sha256sum | cut -d' ' -f1)
if [ "${PKG_VENV_FRESH:-0}" = 1 ] || [ ! -x $venv/bin/pyinstaller ] || [ "$(cat $stamp 2>/dev/null)" != "$want" ]; then
  say "making $venv from ${locks[*]} (hash-checked)"
  rm -rf $venv
  "$PYTHON" -m venv $venv
  # A current pip, as the Makefile's venv gets: an old one (23.x, what a distribution's
  # venv brings) refuses an extra's requirement (weasel's smart-open[http]) in
  # --require-hashes mode once the index has a newer release than the lock's pin.
  $venv/bin/python -m pip install --quiet --upgrade pip
  $venv/bin/python -m pip install --quiet --require-hashes -r requirements.lock
  $venv/bin/python -m pip install --quiet --require-hashes -r packaging/build-requirements.lock
  echo "$want" >$stamp
fi

# -- 3. PyInstaller -----------------------------------------------------------------------
say "PyInstaller ($($venv/bin/pyinstaller --version)) -> dist/MonitorDesk"
rm -rf dist/MonitorDesk "$archive"
# Byte-code is compiled from this checkout (pathex), not from an installed copy.
PYTHONNOUSERSITE=1 $venv/bin/pyinstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/monitor_desk.spec

# What the unpacked folder carries besides the program: desktop integration and notes.
[ -f packaging/install-desktop.sh ] && cp packaging/install-desktop.sh dist/MonitorDesk/
cp docs/PACKAGING.md dist/MonitorDesk/README-PACKAGE.md 2>/dev/null || true

say "packing $archive"
mtime=$(git log -1 --format=%cI 2>/dev/null || date -u +%FT%TZ)
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="$mtime" \
  -C dist -cf - MonitorDesk | gzip -9n >"$archive"

unpacked=$(du -sb dist/MonitorDesk | cut -f1)
packed=$(stat -c %s "$archive")
elapsed=$(($(date +%s) - started))
awk -v v="$version" -v u="$unpacked" -v p="$packed" -v s="$elapsed" -v a="$archive" 'BEGIN {
  printf "{\"version\": \"%s\", \"unpacked_mb\": %.1f, \"archive_mb\": %.1f, \"build_s\": %d, \"archive\": \"%s\"}\n",
    v, u / 1048576, p / 1048576, s, a }'
