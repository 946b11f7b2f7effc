"""``python -m monitor_desk.cli``, as the ``monitor-desk`` entry point."""

import sys

from .main import main

sys.exit(main())
