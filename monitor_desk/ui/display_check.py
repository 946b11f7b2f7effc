"""Is there a display Qt can open? Asked before Qt is loaded.

Qt's xcb platform aborts the process (SIGABRT, with a misleading hint about ``xcb-cursor0``)
when ``DISPLAY`` names an X server that does not answer or refuses us. So the GUI first asks
the X server itself, through ``libxcb`` (which Qt's xcb plugin needs anyway), and explains in
one line when it cannot be reached.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import socket
import sys


def display_problem() -> str | None:
    """Why the GUI cannot open a window here, or None when it can (or Qt chooses itself)."""
    if sys.platform != "linux" or os.environ.get("QT_QPA_PLATFORM"):
        return None
    display = os.environ.get("DISPLAY", "")
    if os.environ.get("WAYLAND_DISPLAY"):
        return None
    if not display:
        return (
            "no display found (neither DISPLAY nor WAYLAND_DISPLAY is set). Run it in a "
            "desktop session, or render the window to an image with "
            "`monitor-desk screenshot OUT.png`."
        )
    if _x_server_answers(display):
        return None
    return (
        f"cannot connect to the display {display!r} (DISPLAY): no X server answers there or "
        "it refused the connection. Check DISPLAY (and XAUTHORITY), or render the window "
        "to an image with `monitor-desk screenshot OUT.png`."
    )


def _x_server_answers(display: str) -> bool:
    """Connect to the X server as Qt would (libxcb); without libxcb, try its socket."""
    name = ctypes.util.find_library("xcb")
    if name:
        try:
            xcb = ctypes.CDLL(name)
        except OSError:
            xcb = None
        if xcb is not None:
            xcb.xcb_connect.restype = ctypes.c_void_p
            xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
            xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
            xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
            conn = xcb.xcb_connect(display.encode(), None)
            try:
                return conn is not None and xcb.xcb_connection_has_error(conn) == 0
            finally:
                if conn is not None:
                    xcb.xcb_disconnect(conn)
    return _socket_answers(display)


def _socket_answers(display: str) -> bool:
    """``[host]:N[.S]``: the local socket of display N, or TCP port 6000 + N on host."""
    host, _, rest = display.rpartition(":")
    number = rest.split(".")[0]
    if not number.isdigit():
        return False
    try:
        if host in ("", "unix") or host.startswith("/"):
            path = host if host.startswith("/") else f"/tmp/.X11-unix/X{number}"
            for address in (path, "\0" + path):  # the file, then Linux's abstract socket
                with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
                    sock.settimeout(2)
                    try:
                        sock.connect(address)
                        return True
                    except OSError:
                        continue
            return False
        with socket.create_connection((host, 6000 + int(number)), timeout=2):
            return True
    except OSError:
        return False
