"""Where one paragraph ends and the next begins, for the rules that must not cross one.

A blank line, or a line break followed by an indent (wire copy starts its paragraphs with
"⏎    "); a single line break inside a hard-wrapped paragraph ("Bank of⏎England") is not
a break. The match takes the white space around the break with it.
"""

from __future__ import annotations

import re

PARAGRAPH_BREAK = re.compile(r"\s*\n[ \t\r\f\v\u00a0]*\n\s*|\s*\n[ \t\u00a0]{2,}(?=\S)")
