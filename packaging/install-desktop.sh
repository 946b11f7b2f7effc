#!/usr/bin/env bash
# Add (or remove) Monitor Desk to the desktop menu for this user, for the unpacked app.
#
#   ./install-desktop.sh             from the unpacked MonitorDesk/ folder (it ships there)
#   ./install-desktop.sh --uninstall
#   packaging/install-desktop.sh APP_DIR   from a checkout, for dist/MonitorDesk or elsewhere
#
# Writes ~/.local/share/applications/monitor-desk.desktop (Exec = this folder's MonitorDesk)
# and the icons into ~/.local/share/icons/hicolor/<size>/apps/. Nothing needs root.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
apps=$data/applications
icons=$data/icons/hicolor
sizes=(16 24 32 48 64 128 256 512)

if [ "${1:-}" = --uninstall ]; then
  rm -f "$apps/monitor-desk.desktop"
  for s in "${sizes[@]}"; do rm -f "$icons/${s}x$s/apps/monitor-desk.png"; done
  rm -f "$icons/scalable/apps/monitor-desk.svg"
  echo "Monitor Desk removed from the menu."
  exit 0
fi

app_dir=${1:-$here}
if [ ! -x "$app_dir/MonitorDesk" ] && [ -x "$here/../dist/MonitorDesk/MonitorDesk" ] && [ -z "${1:-}" ]; then
  app_dir=$here/../dist/MonitorDesk  # run from a checkout after `make package`
fi
app_dir=$(cd "$app_dir" && pwd)
exe=$app_dir/MonitorDesk
[ -x "$exe" ] || { echo "install-desktop.sh: no MonitorDesk program in $app_dir" >&2; exit 1; }
res=$app_dir/_internal/resources
[ -d "$res/icons" ] || res=$here/../resources  # a checkout
[ -f "$res/monitor-desk.desktop" ] || { echo "install-desktop.sh: no resources in $res" >&2; exit 1; }

mkdir -p "$apps"
for s in "${sizes[@]}"; do
  install -D -m 644 "$res/icons/hicolor/${s}x$s/apps/monitor-desk.png" \
    "$icons/${s}x$s/apps/monitor-desk.png"
done
install -D -m 644 "$res/icons/monitor-desk.svg" "$icons/scalable/apps/monitor-desk.svg"

# Quote the path for the Exec key (spaces, and the characters the spec reserves).
quoted=$(printf '%s' "$exe" | sed -e 's/\\/\\\\\\\\/g' -e 's/"/\\"/g' -e 's/`/\\`/g' -e 's/\$/\\$/g')
sed -e "s|^Exec=.*|Exec=\"$quoted\"|" -e "s|^TryExec=.*|TryExec=$exe|" \
  -e '/^#/d' \
  "$res/monitor-desk.desktop" >"$apps/monitor-desk.desktop"
chmod 644 "$apps/monitor-desk.desktop"

command -v update-desktop-database >/dev/null && update-desktop-database -q "$apps" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$data/icons/hicolor" || true
echo "Monitor Desk added to the menu: $apps/monitor-desk.desktop -> $exe"
