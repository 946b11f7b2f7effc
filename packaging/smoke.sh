#!/usr/bin/env bash
# Smoke test of the packaged app, as a user gets it: unpack the archive into an empty
# folder and run it with a clean environment (no venv, no PYTHON*, offscreen Qt).
#
#   packaging/smoke.sh                 build with packaging/build.sh (unless the archive is
#                                      newer than the code), then test (`make smoke`)
#   packaging/smoke.sh --no-build      test the archive already in dist/
#   packaging/smoke.sh ARCHIVE.tar.gz  test that archive
#
# Checks: --version; --self-test (samples, bundled model, highlight, CSV, window PNG);
# a CLI round trip (import the samples, list, export notes/claims CSV); the desktop
# install script; a real X11 window when Xvfb is installed; the size budgets. Prints one JSON line of measurements last.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
started=$(date +%s.%N)
version=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' monitor_desk/__init__.py)
archive=dist/MonitorDesk-$version-$(uname -s | tr '[:upper:]' '[:lower:]')-$(uname -m).tar.gz
MAX_UNPACKED_MB=${MAX_UNPACKED_MB:-400}
MAX_ARCHIVE_MB=${MAX_ARCHIVE_MB:-185}
STARTUP_RUNS=${STARTUP_RUNS:-5}

case "${1:-}" in
  --no-build) ;;
  "")  # rebuild only when something the package is made of is newer than the archive
    if [ -f "$archive" ] && [ -z "$(find monitor_desk resources packaging pyproject.toml \
        requirements.lock -newer "$archive" -type f -print -quit)" ]; then
      echo "smoke: $archive is newer than the code; reusing it" >&2
    else
      packaging/build.sh
    fi ;;
  *) archive=$1 ;;
esac
[ -f "$archive" ] || { echo "smoke: no archive $archive (run packaging/build.sh)" >&2; exit 1; }
archive=$(cd "$(dirname "$archive")" && pwd)/$(basename "$archive")

tmp=$(mktemp -d -t monitor-desk-smoke.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/home" "$tmp/work"
failures=0
pass() { printf 'ok   %s\n' "$*"; }
fail() { printf 'FAIL %s\n' "$*"; failures=$((failures + 1)); }
now() { date +%s.%N; }
ms_since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%d", (b - a) * 1000 }'; }

t=$(now)
tar -C "$tmp" -xzf "$archive"
unpack_ms=$(ms_since "$t")
app=$tmp/MonitorDesk/MonitorDesk
[ -x "$app" ] && pass "unpacked into an empty folder in ${unpack_ms} ms" || { fail "no $app"; exit 1; }

# The user's environment, minus anything Python- or venv-shaped.
run() {
  (cd "$tmp/work" && env -i HOME="$tmp/home" PATH=/usr/bin:/bin QT_QPA_PLATFORM=offscreen "$@")
}

# -- --version ----------------------------------------------------------------------------
t=$(now)
out=$(run "$app" --version 2>&1) || true
version_ms=$(ms_since "$t")
[ "$out" = "monitor-desk $version" ] && pass "--version: $out (${version_ms} ms)" ||
  fail "--version printed: $out"

# -- --self-test --------------------------------------------------------------------------
t=$(now)
if out=$(run "$app" --self-test 2>"$tmp/selftest.err"); then
  pass "--self-test in $(ms_since "$t") ms"
else
  fail "--self-test exited $?"
fi
selftest_ms=$(ms_since "$t")
sed 's/^/     | /' <<<"$out"
grep -q "^self-test passed" <<<"$out" || fail "--self-test did not report success"
grep -q "^ok   model      en_core_web_sm" <<<"$out" || fail "--self-test did not use the bundled model"

# -- CLI round trip -----------------------------------------------------------------------
db=$tmp/work/library.sqlite
samples=$tmp/MonitorDesk/_internal/resources/samples
n_samples=$(find "$samples" -name '*.txt' | wc -l)
t=$(now)
out=$(run "$app" --db "$db" import "$samples" 2>&1) || fail "import exited non-zero: $out"
import_ms=$(ms_since "$t")
grep -q "^$n_samples imported" <<<"$out" && pass "import: $out (${import_ms} ms)" ||
  fail "import printed: $out"
out=$(run "$app" --db "$db" import "$samples" 2>&1) || true
grep -q "^0 imported, 0 revised, $n_samples unchanged" <<<"$out" && pass "re-import: $out" ||
  fail "re-import printed: $out"
listed=$(run "$app" --db "$db" list --json 2>/dev/null | grep -c '"title"' || true)
[ "$listed" = "$n_samples" ] && pass "list: $listed articles" || fail "list shows $listed articles"
run "$app" --db "$db" export notes -o notes.csv 2>/dev/null || fail "export notes exited non-zero"
run "$app" --db "$db" export claims -o claims.csv 2>/dev/null || fail "export claims exited non-zero"
if [ -f "$tmp/work/notes.csv" ] && head -c3 "$tmp/work/notes.csv" | od -An -tx1 | grep -q "ef bb bf"; then
  pass "notes.csv: UTF-8 with BOM, header: $(head -1 "$tmp/work/notes.csv" | tr -d '\r\357\273\277' | cut -c1-60)..."
else
  fail "notes.csv missing or without a BOM"
fi
claims=$(($(wc -l <"$tmp/work/claims.csv" 2>/dev/null || echo 1) - 1))
[ "$claims" -gt 0 ] && pass "claims.csv: $claims claims (the model ran in the CLI)" ||
  fail "claims.csv has no claims"

# -- the readers and charts loaded on demand (hidden imports a build can miss) --------------
# A PDF, an encrypted PDF and a .docx of our own words, made with the test fixtures and the
# build's own python-docx; then a chart drawn headless by `timeline -o`.
py=build/pkg-venv/bin/python
[ -x "$py" ] || py=python3
docs=$tmp/work/docs
mkdir -p "$docs"
if "$py" - "$docs" <<'PY'
import sys
from pathlib import Path
sys.path.insert(0, "tests/unit")
from pdf_bytes import simple_pdf
out = Path(sys.argv[1])
page = ["", "", "", "Officials in Riga said on Tuesday that the border talks would resume."]
(out / "talks.pdf").write_bytes(simple_pdf([page, page[::-1]], "Border talks"))
(out / "locked.pdf").write_bytes(simple_pdf([page], "Locked", user_password="secret"))
import docx
d = docx.Document()
d.add_heading("Harbour dispute", 1)
d.add_paragraph("Port officials in Odessa said the new tariff would stand.")
d.save(str(out / "harbour.docx"))
PY
then
  out=$(run "$app" --db "$db" import "$docs" 2>&1) || true
  pdfs=$(run "$app" --db "$db" list --json 2>/dev/null | grep -c '"pages": 2' || true)
  if echo "$out" | grep -q "2 imported" && [ "$pdfs" = 1 ] && echo "$out" | grep -q "locked.pdf: encrypted"; then
    pass "PDF (2 pages), .docx and an encrypted PDF's refusal: $(echo "$out" | tail -1)"
  else
    fail "PDF/.docx import: $out"
  fi
else
  fail "could not make the PDF and .docx to import"
fi
if run "$app" --db "$db" timeline articles --by year -o chart.png >/dev/null 2>&1 &&
  [ "$(wc -c <"$tmp/work/chart.png")" -gt 5000 ]; then
  pass "timeline -o chart.png: $(wc -c <"$tmp/work/chart.png") bytes"
else
  fail "timeline -o chart.png did not draw a chart"
fi

# -- desktop integration ------------------------------------------------------------------
if run "$tmp/MonitorDesk/install-desktop.sh" >/dev/null 2>&1 &&
  grep -qx "Exec=\"$app\"" "$tmp/home/.local/share/applications/monitor-desk.desktop" &&
  [ -f "$tmp/home/.local/share/icons/hicolor/48x48/apps/monitor-desk.png" ]; then
  pass "install-desktop.sh: menu entry and icons under \$HOME/.local/share"
else
  fail "install-desktop.sh did not install the menu entry and icons"
fi
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$tmp/home/.local/share/applications/monitor-desk.desktop" &&
    pass "desktop-file-validate" || fail "desktop-file-validate"
fi

# -- start-up time ------------------------------------------------------------------------
paint=()
cpu=()
for _ in $(seq "$STARTUP_RUNS"); do
  line=$(run "$app" --startup-probe 2>/dev/null | tail -1) || true
  value=$(sed -n 's/.*"first_paint_since_exec_s": \([0-9.]*\).*/\1/p' <<<"$line")
  [ -n "$value" ] && paint+=("$value") || fail "--startup-probe printed: $line"
  cpu+=("$(sed -n 's/.*"cpu_s": \([0-9.]*\).*/\1/p' <<<"$line")")
done
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] + 0 }'; }
paint_median=$(median "${paint[@]:-0}")
cpu_median=$(median "${cpu[@]:-0}")
pass "start to first painted window: median ${paint_median} s of ${paint[*]:-none} (CPU ${cpu_median} s)"

# -- a real X11 window (when Xvfb is installed) ------------------------------------------
xcb_ok=null
if command -v Xvfb >/dev/null; then
  display=:$((90 + RANDOM % 500))
  Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb_pid=$!
  sleep 1
  if line=$(cd "$tmp/work" && env -i HOME="$tmp/home" PATH=/usr/bin:/bin DISPLAY="$display" \
    QT_QPA_PLATFORM=xcb "$app" --startup-probe 2>"$tmp/xcb.err" | tail -1) &&
    grep -q first_paint <<<"$line"; then
    pass "xcb: a window painted on X11 (Xvfb $display)"
    xcb_ok=true
  else
    fail "xcb: no window on X11: $(tail -3 "$tmp/xcb.err")"
    xcb_ok=false
  fi
  kill "$xvfb_pid" 2>/dev/null || true
fi

# -- budgets ------------------------------------------------------------------------------
unpacked_mb=$(du -sb "$tmp/MonitorDesk" | awk '{ printf "%.1f", $1 / 1048576 }')
archive_mb=$(stat -c %s "$archive" | awk '{ printf "%.1f", $1 / 1048576 }')
awk -v u="$unpacked_mb" -v m="$MAX_UNPACKED_MB" 'BEGIN { exit !(u <= m) }' &&
  pass "unpacked ${unpacked_mb} MB <= ${MAX_UNPACKED_MB} MB" ||
  fail "unpacked ${unpacked_mb} MB > ${MAX_UNPACKED_MB} MB"
awk -v a="$archive_mb" -v m="$MAX_ARCHIVE_MB" 'BEGIN { exit !(a <= m) }' &&
  pass "archive ${archive_mb} MB <= ${MAX_ARCHIVE_MB} MB" ||
  fail "archive ${archive_mb} MB > ${MAX_ARCHIVE_MB} MB"

total_s=$(awk -v a="$started" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }')
printf '{"unpacked_mb": %s, "archive_mb": %s, "version_ms": %s, "selftest_ms": %s, ' \
  "$unpacked_mb" "$archive_mb" "$version_ms" "$selftest_ms"
printf '"import_ms": %s, "first_paint_median_s": %s, "first_paint_cpu_s": %s, "xcb": %s, ' \
  "$import_ms" "$paint_median" "$cpu_median" "$xcb_ok"
printf '"smoke_total_s": %s, "failures": %d}\n' "$total_s" "$failures"
[ "$failures" -eq 0 ] && echo "smoke: all checks passed" || echo "smoke: $failures check(s) failed"
[ "$failures" -eq 0 ]
