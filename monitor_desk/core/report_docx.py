"""A briefing report as a Word document (``python-docx``), for Word and LibreOffice.

The structure is Word's own, so the navigation pane and a table of contents work: the
title in the built-in "Title" style, one "Heading N" per tag (sub-tags a level down),
each quotation in the built-in "Quote" style, a highlight whose words left the article
in "Intense Quote" with a line saying so. Text goes in as text (python-docx escapes it for
the XML); control characters were made visible by ``report_model.printable``.

Paragraphs are added before the body's section properties with ``addprevious`` instead of
``Document.add_paragraph``, which looks for that element among all the body's children at
every call: 5,000 highlights took 45-80 s that way.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from .report_model import Report, ReportItem, ReportSection
from .report_text import written_text

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.text.paragraph import Paragraph

STYLES = ("Title", *(f"Heading {n}" for n in range(1, 10)), "Quote", "Intense Quote",
          "List Bullet")  # fmt: skip


class _Body:
    """Appends paragraphs to a document's body in constant time each."""

    def __init__(self, doc: DocxDocument) -> None:
        from docx.oxml import OxmlElement
        from docx.text.paragraph import Paragraph

        self._doc = doc
        self._new_p = lambda: OxmlElement("w:p")
        self._paragraph = Paragraph
        body = doc.element.body
        self._end = body.sectPr
        self.style_ids = {name: doc.styles[name].style_id for name in STYLES}

    def para(self, text: str = "", style: str | None = None) -> Paragraph:
        p = self._new_p()
        if self._end is not None:
            self._end.addprevious(p)
        else:
            self._doc.element.body.append(p)
        if style is not None:
            p.style = self.style_ids[style]
        paragraph = self._paragraph(p, self._doc)
        if text:
            paragraph.add_run(text)
        return paragraph

    def heading(self, text: str, level: int) -> None:
        style = "Title" if level == 0 else f"Heading {min(level, 9)}"
        self.para(text, style)


def _add_item(body: _Body, item: ReportItem, with_claims: bool) -> None:
    from docx.shared import Pt

    cite = body.para()
    cite.paragraph_format.keep_with_next = True
    cite.add_run(f"[{item.number}] ").bold = True
    cite.add_run(item.citation.text())
    quote = body.para(item.quote, "Intense Quote" if item.orphan else "Quote")
    quote.paragraph_format.keep_together = True
    if item.orphan:
        body.para().add_run(
            "Orphan: the words of this highlight are no longer in the article."
        ).italic = True
    if item.note:
        note = body.para()
        note.add_run("Note: ").bold = True
        note.add_run(item.note)
    if len(item.tags) > 1:
        body.para().add_run("Tags: " + ", ".join(item.tags)).font.size = Pt(9)
    if with_claims:
        for c in item.claims:
            p = body.para(style="List Bullet")
            p.add_run("Claim: ").bold = True
            p.add_run(f"{c.speaker} {c.cue}: {c.content} ")
            p.add_run(f"({c.grade_text()})").italic = True
        for o in item.outlets:
            p = body.para(style="List Bullet")
            p.add_run("Source: ").bold = True
            p.add_run(o.name + (f", {o.date_text}" if o.date_text else "") + " ")
            p.add_run(f"({o.grade_text()})").italic = True


def _see_also(body: _Body, section: ReportSection) -> None:
    refs = ", ".join(f"[{i.number}]" for i in section.see_also)
    body.para().add_run(f"Also tagged {section.title}, quoted above: {refs}").italic = True


def to_docx(report: Report) -> bytes:
    """The report as the bytes of a ``.docx`` file."""
    from docx import Document  # imported here: only a report needs it

    doc = Document()
    props = doc.core_properties
    props.title = report.title[:255]
    props.author = "Monitor Desk"
    props.comments = "; ".join(report.scope_lines)[:255]
    try:
        props.created = datetime.strptime(report.written, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    except ValueError:
        props.created = datetime.now(UTC)
    body = _Body(doc)
    body.heading(report.title, 0)
    body.para(f"Written {written_text(report.written)}")
    for line in report.scope_lines:
        body.para(line)
    body.para(report.counts_text())
    if note := report.dates_note():
        body.para().add_run(note).italic = True
    for section in report.sections:
        body.heading(section.title, 1 + section.depth)
        for item in section.items:
            _add_item(body, item, report.with_claims)
        if section.see_also:
            _see_also(body, section)
    if not report.sections:
        body.para().add_run("No highlights in this scope.").italic = True
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
