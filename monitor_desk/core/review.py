"""The analyst's review of an analysis: claims (edit, grade), outlets (reliability), entities
across the library. Mixed into ``Library``; methods use ``self.db`` under ``self._lock``.
"""

from __future__ import annotations

import threading
from typing import Any


class ReviewMixin:
    db: Any
    _lock: threading.RLock
