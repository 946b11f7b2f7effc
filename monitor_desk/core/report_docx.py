"""A briefing report as a Word document (``python-docx``), for Word and LibreOffice.

The structure is Word's own, so the navigation pane and a table of contents work: the
title in the built-in "Title" style, one "Heading N" per tag (sub-tags a level down),
each quotation in the built-in "Quote" style, a highlight whose words left the article
in "Intense Quote" with a line saying so. Text goes in as text (python-docx escapes it for
the XML); control characters were made visible by ``report_model.printable``.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from .report_model import Report, ReportItem, ReportSection
from .report_text import written_text

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument


def _add_item(doc: DocxDocument, item: ReportItem, with_claims: bool) -> None:
    from docx.shared import Pt

    cite = doc.add_paragraph()
    cite.paragraph_format.keep_with_next = True
    number = cite.add_run(f"[{item.number}] ")
    number.bold = True
    cite.add_run(item.citation.text())
    quote = doc.add_paragraph(item.quote, style="Intense Quote" if item.orphan else "Quote")
    quote.paragraph_format.keep_together = True
    if item.orphan:
        doc.add_paragraph().add_run(
            "Orphan: the words of this highlight are no longer in the article."
        ).italic = True
    if item.note:
        note = doc.add_paragraph()
        note.add_run("Note: ").bold = True
        note.add_run(item.note)
    if len(item.tags) > 1:
        tags = doc.add_paragraph().add_run("Tags: " + ", ".join(item.tags))
        tags.font.size = Pt(9)
    if with_claims:
        for c in item.claims:
            p = doc.add_paragraph(style="List Bullet")
            p.add_run("Claim: ").bold = True
            p.add_run(f"{c.speaker} {c.cue}: {c.content} ")
            p.add_run(f"({c.grade_text()})").italic = True
        for o in item.outlets:
            p = doc.add_paragraph(style="List Bullet")
            p.add_run("Source: ").bold = True
            p.add_run(o.name + (f", {o.date_text}" if o.date_text else "") + " ")
            p.add_run(f"({o.grade_text()})").italic = True


def _see_also(doc: DocxDocument, section: ReportSection) -> None:
    refs = ", ".join(f"[{i.number}]" for i in section.see_also)
    run = doc.add_paragraph().add_run(f"Also tagged {section.tag}, quoted above: {refs}")
    run.italic = True


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
    doc.add_heading(report.title, level=0)
    doc.add_paragraph(f"Written {written_text(report.written)}")
    for line in report.scope_lines:
        doc.add_paragraph(line)
    doc.add_paragraph(report.counts_text())
    if note := report.dates_note():
        doc.add_paragraph().add_run(note).italic = True
    for section in report.sections:
        doc.add_heading(section.tag, level=min(1 + section.depth, 9))
        for item in section.items:
            _add_item(doc, item, report.with_claims)
        if section.see_also:
            _see_also(doc, section)
    if not report.sections:
        doc.add_paragraph().add_run("No highlights in this scope.").italic = True
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
