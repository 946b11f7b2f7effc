"""``monitor-desk``: read the command, run it, and turn what went wrong into an exit status.

Exit status: 0 success; 1 something the user asked for failed (a file rejected, an id not
found, an unusable library file); 2 usage errors (argparse's own convention).
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from collections.abc import Callable, Sequence

from ..core.errors import MonitorDeskError
from .cues import cmd_cues
from .deleting import COMMANDS as DELETE_COMMANDS
from .editing import cmd_edit
from .entities import cmd_entities, cmd_entity
from .exporting import cmd_export
from .importing import cmd_analyze, cmd_import, cmd_import_json, cmd_reanalyze
from .library_file import cmd_restore_backup
from .near_duplicates import cmd_near_duplicates
from .outlets import COMMANDS as OUTLET_COMMANDS
from .parser import build_parser
from .reading import cmd_list, cmd_search, cmd_show
from .reporting import COMMANDS as REPORT_COMMANDS
from .rules import cmd_publication_rule
from .timeline import cmd_timeline
from .views import cmd_claims, cmd_speakers
from .window import cmd_gui, cmd_screenshot

COMMANDS: dict[str | None, Callable[[argparse.Namespace], int]] = {
    "import": cmd_import,
    "list": cmd_list,
    "show": cmd_show,
    "search": cmd_search,
    "analyze": cmd_analyze,
    "reanalyze": cmd_reanalyze,
    "export": cmd_export,
    "import-json": cmd_import_json,
    "screenshot": cmd_screenshot,
    "restore-backup": cmd_restore_backup,
    "gui": cmd_gui,
    "entities": cmd_entities,
    "entity": cmd_entity,
    **DELETE_COMMANDS,
    **REPORT_COMMANDS,
    **OUTLET_COMMANDS,
    "edit": cmd_edit,
    "publication-rule": cmd_publication_rule,
    "cues": cmd_cues,
    "near-duplicates": cmd_near_duplicates,
    "claims": cmd_claims,
    "speakers": cmd_speakers,
    "timeline": cmd_timeline,
    None: cmd_gui,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.self_test:
        from ..selftest import run_self_test

        return run_self_test()
    if args.command not in (None, "gui", "screenshot"):
        from ..stop_signals import exit_cleanly_on_sigterm

        exit_cleanly_on_sigterm()
    try:
        return COMMANDS[args.command](args)
    except MonitorDeskError as exc:
        print(f"monitor-desk: {exc}", file=sys.stderr)
        return 1
    except sqlite3.DatabaseError as exc:  # damage found while reading a library
        print(
            f"monitor-desk: the library file is damaged ({exc}); "
            "`monitor-desk restore-backup` puts the newest intact automatic copy back",
            file=sys.stderr,
        )
        return 1
    except BrokenPipeError:  # `monitor-desk list | head`
        return 0
    except KeyboardInterrupt:
        print("monitor-desk: interrupted", file=sys.stderr)
        return 130
