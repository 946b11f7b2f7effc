"""A briefing report as Markdown or as one self-contained HTML page.

Every text from the library (quotes, notes, titles, tags) is escaped: Markdown
metacharacters get a backslash, HTML gets entities, so ``<script>`` or ``**`` in a note
shows as written. The HTML has no scripts and loads nothing (a Content-Security-Policy
forbids it); its stylesheet is inline and prints well. The preview in the GUI shows the
same HTML.
"""

from __future__ import annotations

import html
import re

from .report_model import Report, ReportItem, ReportSection

# Characters that mean something anywhere in a Markdown line, and at its start.
_MD_INLINE = re.compile(r"([\\`*_\[\]{}<>&|~!])")
_MD_LINE_START = re.compile(r"^([ \t]*)(#|>|=|\+|-|\d+(?=[.)]))", re.MULTILINE)


def md_escape(text: str) -> str:
    """``text`` as literal Markdown (CommonMark backslash escapes); lines stay lines."""
    text = _MD_INLINE.sub(r"\\\1", text)

    def line_start(m: re.Match[str]) -> str:
        lead, mark = m.group(1), m.group(2)
        if mark[0].isdigit():  # "1." opens a list: escape the dot after the digits
            return f"{lead}{mark}\\"
        return f"{lead}\\{mark}"

    text = _MD_LINE_START.sub(line_start, text)
    # Leading blanks would make an indented code block; a hard break keeps each line, and
    # a blank line still parts two paragraphs.
    paragraphs = re.split(r"\n(?:[ \t]*\n)+", text.strip("\n"))
    return "\n\n".join(
        "\\\n".join(line.strip() for line in para.split("\n")) for para in paragraphs
    )


def _md_item(item: ReportItem, with_claims: bool) -> list[str]:
    lines = [f"**\\[{item.number}\\]** " + md_escape(item.citation.text())]
    lines += [""] + ["> " + line for line in md_escape(item.quote).split("\n")]
    if item.orphan:
        lines += ["", "*Orphan: the words of this highlight are no longer in the article.*"]
    if item.note:
        lines += ["", "Note: " + md_escape(item.note)]
    if len(item.tags) > 1:
        lines += ["", "Tags: " + md_escape(", ".join(item.tags))]
    if with_claims:
        for c in item.claims:
            said = md_escape(f"{c.speaker} {c.cue}: {c.content}")
            lines.append(f"- Claim: {said} ({md_escape(c.grade_text())})")
        for o in item.outlets:
            when = f", {o.date_text}" if o.date_text else ""
            lines.append(f"- Source: {md_escape(o.name + when)} ({md_escape(o.grade_text())})")
    return lines + [""]


def _see_also(section: ReportSection) -> str:
    refs = ", ".join(f"[{i.number}]" for i in section.see_also)
    return f"Also tagged {section.title}, quoted above: {refs}"


def to_markdown(report: Report) -> str:
    out = [f"# {md_escape(report.title)}", ""]
    out += [f"Written {md_escape(written_text(report.written))}  "]
    out += [md_escape(line) + "  " for line in report.scope_lines]
    out += [md_escape(report.counts_text()), ""]
    if note := report.dates_note():
        out += [f"*{md_escape(note)}*", ""]
    for section in report.sections:
        level = "#" * min(2 + section.depth, 6)
        out += [f"{level} {md_escape(section.title)}", ""]
        for item in section.items:
            out += _md_item(item, report.with_claims)
        if section.see_also:
            out += [md_escape(_see_also(section)), ""]
    return "\n".join(out).rstrip("\n") + "\n"


def written_text(stamp: str) -> str:
    """``2026-12-02T09:20:00Z`` → ``2026-12-02 09:20 UTC``."""
    if len(stamp) >= 16 and stamp[10] == "T":
        return f"{stamp[:10]} {stamp[11:16]} UTC"
    return stamp


_STYLE = """
body { font-family: Georgia, 'Times New Roman', serif; max-width: 46em; margin: 2em auto;
       padding: 0 1em; color: #202124; line-height: 1.45; }
h1 { font-size: 1.7em; margin-bottom: 0.2em; }
h2, h3, h4, h5, h6 { font-family: 'Helvetica Neue', Arial, sans-serif; margin-top: 1.6em;
       border-bottom: 1px solid #dadce0; }
.header p { margin: 0.1em 0; color: #5f6368; }
.item { margin: 1em 0 1.4em 0; page-break-inside: avoid; }
.cite { font-family: 'Helvetica Neue', Arial, sans-serif; font-size: 0.9em; color: #3c4043; }
.num { font-weight: bold; }
blockquote { margin: 0.4em 0 0.4em 1.2em; padding-left: 0.8em; border-left: 3px solid #9aa0a6;
       font-style: italic; white-space: pre-wrap; }
.note { white-space: pre-wrap; margin: 0.3em 0 0.3em 1.2em; }
.tags, .also, .orphan { color: #5f6368; font-size: 0.9em; margin-left: 1.2em; }
ul.claims { margin: 0.3em 0 0 1.2em; font-size: 0.92em; }
@media print { body { margin: 0; max-width: none; } a { color: inherit; } }
"""


def _h(text: str) -> str:
    return html.escape(text, quote=True)


def _html_item(item: ReportItem, with_claims: bool) -> list[str]:
    out = [
        f'<div class="item" id="h{item.number}">',
        f'<p class="cite"><span class="num">[{item.number}]</span> {_h(item.citation.text())}</p>',
        f"<blockquote>{_h(item.quote)}</blockquote>",
    ]
    if item.orphan:
        out.append('<p class="orphan">Orphan: the words of this highlight are no longer in '
                   "the article.</p>")  # fmt: skip
    if item.note:
        out.append(f'<p class="note"><b>Note:</b> {_h(item.note)}</p>')
    if len(item.tags) > 1:
        out.append(f'<p class="tags">Tags: {_h(", ".join(item.tags))}</p>')
    if with_claims and (item.claims or item.outlets):
        out.append('<ul class="claims">')
        for c in item.claims:
            said = _h(f"{c.speaker} {c.cue}: {c.content}")
            out.append(f"<li>Claim: {said} <i>({_h(c.grade_text())})</i></li>")
        for o in item.outlets:
            when = f", {o.date_text}" if o.date_text else ""
            out.append(f"<li>Source: {_h(o.name + when)} <i>({_h(o.grade_text())})</i></li>")
        out.append("</ul>")
    return [*out, "</div>"]


def to_html(report: Report) -> str:
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta http-equiv="Content-Security-Policy" '
        "content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        f"<title>{_h(report.title)}</title>",
        f"<style>{_STYLE}</style></head><body>",
        f"<h1>{_h(report.title)}</h1>",
        '<div class="header">',
        f"<p>Written {_h(written_text(report.written))}</p>",
        *(f"<p>{_h(line)}</p>" for line in report.scope_lines),
        f"<p>{_h(report.counts_text())}</p>",
    ]
    if note := report.dates_note():
        out.append(f"<p><i>{_h(note)}</i></p>")
    out.append("</div>")
    for section in report.sections:
        level = min(2 + section.depth, 6)
        out.append(f"<h{level}>{_h(section.title)}</h{level}>")
        for item in section.items:
            out += _html_item(item, report.with_claims)
        if section.see_also:
            out.append(f'<p class="also">{_h(_see_also(section))}</p>')
    if not report.sections:
        out.append("<p><i>No highlights in this scope.</i></p>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"
