"""Briefing reports from tagged notes, read back as an analyst's reader would: the .docx
with python-docx, the HTML with html.parser, the Markdown as text. Every highlight of the
scope appears once, under its tag, with its citation; hostile notes appear literally."""

from __future__ import annotations

import html.parser
import io
from pathlib import Path

import pytest

from monitor_desk.cli import main
from monitor_desk.core import analysis_store
from monitor_desk.core.errors import InvalidInputError, NotFoundError
from monitor_desk.core.library import Library
from monitor_desk.core.models import Analysis, Citation, CitationItem, Claim, Span
from monitor_desk.core.report_model import ReportScope
from monitor_desk.core.report_text import md_escape

BRIEF_A = """Publication: Monitor Volume: 5 Issue: 177 Date: September 27, 1999

MOSCOW TALKS STALL

Minister Pavel Kurov told the Duma that the budget was balanced at last (Interfax, September 25). The deputies did not agree.

Grain exports fell again in August.
"""

BRIEF_B = """Publication: Monitor Volume: 5 Issue: 180 Date: October 2, 1999

PIPELINE DEAL SIGNED

The Caspian pipeline deal was signed on Friday. Officials in Baku welcomed it.
"""

BRIEF_C = """Publication: Monitor Volume: 4 Issue: 12 Date: January 14, 1998

AN OLDER BRIEF

Nothing of note happened in the old days at all.
"""

HOSTILE_NOTE = "<script>alert(1)</script> **bold** =cmd|' /C calc'!A0 # not a heading"


def _analysis(text: str) -> Analysis:
    s = text.index("Pavel Kurov")
    cue = text.index("told")
    content = text.index("the budget")
    cit = text.index("(Interfax")
    para = text.index("Minister")
    return Analysis(
        "test-pipeline",
        "1.0",
        claims=[
            Claim(
                speaker=Span(s, s + 11, "Pavel Kurov"),
                speaker_name="Pavel Kurov",
                cue=Span(cue, cue + 4, "told"),
                content=Span(content, cit - 1, text[content : cit - 1]),
                kind="indirect",
                citation=0,
            )
        ],
        citations=[
            Citation(
                cit,
                text.index(")", cit) + 1,
                text[cit : text.index(")", cit) + 1],
                (CitationItem("Interfax", "September 25", "1999-09-25", "1999-09-25", "Interfax"),),
                ((para, text.index(")", cit) + 2),),
            )
        ],
    )


def _at(lib: Library, article_id: int, words: str) -> tuple[int, int]:
    text = lib.articles.get(article_id).text
    start = text.index(words)
    return start, start + len(words)


@pytest.fixture
def briefed(library: Library, tmp_path: Path) -> Library:
    for name, text in (("a.txt", BRIEF_A), ("b.txt", BRIEF_B), ("c.txt", BRIEF_C)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    library.import_paths(sorted(tmp_path.glob("*.txt")), analyze=False)
    ids = {a.title: a.id for a in library.articles.list()}
    a, b, c = ids["MOSCOW TALKS STALL"], ids["PIPELINE DEAL SIGNED"], ids["AN OLDER BRIEF"]
    full = library.articles.get(a)
    with library.db.atomic():
        analysis_store.store_analysis(library.db, full.revision_id, _analysis(full.text))
    add = library.highlights.add
    add(a, *_at(library, a, "the budget was balanced at last"), tags=["economy"], note="Key.")
    add(a, *_at(library, a, "Grain exports fell"), tags=["economy/trade"], note=HOSTILE_NOTE)
    add(b, *_at(library, b, "Caspian pipeline deal"), tags=["energy", "economy/trade"])
    add(b, *_at(library, b, "welcomed it"), tags=["diplomacy"], note="line one\nline two")
    add(c, *_at(library, c, "Nothing of note"), tags=["economy"])
    add(b, *_at(library, b, "Officials in Baku"))  # untagged
    library.test_ids = (a, b, c)  # type: ignore[attr-defined]
    return library


class _Text(html.parser.HTMLParser):
    """The HTML's text in order, with each heading marked ``#N title``."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.tags: list[str] = []
        self._heading: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag in ("h1", "h2", "h3", "h4"):
            self._heading = tag
            self.parts.append(f"#{tag[1]} ")

    def handle_endtag(self, tag: str) -> None:
        if tag == self._heading:
            self._heading = None

    def handle_data(self, data: str) -> None:
        if self.tags and self.tags[-1] in ("style", "title"):
            return
        self.parts.append(data)

    def text(self) -> str:
        return "".join(self.parts)


def _html(lib: Library, scope: ReportScope, path: Path) -> _Text:
    lib.reports.write(scope, "html", path)
    parser = _Text()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def _docx_paragraphs(path: Path) -> list[tuple[str, str]]:
    import docx

    return [(p.style.name, p.text) for p in docx.Document(str(path)).paragraphs]


def _section_of(paragraphs: list[tuple[str, str]], text: str) -> list[str]:
    """The heading each paragraph containing ``text`` sits under."""
    found, heading = [], ""
    for style, para in paragraphs:
        if style.startswith("Heading"):
            heading = para
        elif text in para:
            found.append(heading)
    return found


def test_docx_has_every_highlight_once_under_its_tag_with_citation(
    briefed: Library, tmp_path: Path
) -> None:
    out = tmp_path / "brief.docx"
    assert briefed.reports.write(ReportScope(tags=["economy"]), "docx", out) == 4
    paras = _docx_paragraphs(out)
    styles = {s for s, _ in paras}
    assert {"Title", "Heading 1", "Heading 2", "Quote"} <= styles
    headings = [(s, t) for s, t in paras if s.startswith("Heading")]
    assert headings == [("Heading 1", "economy"), ("Heading 2", "economy/trade")]
    quotes = [t for s, t in paras if s == "Quote"]
    assert sorted(quotes) == sorted(
        [
            "the budget was balanced at last",
            "Grain exports fell",
            "Caspian pipeline deal",
            "Nothing of note",
        ]
    )
    assert _section_of(paras, "Caspian pipeline deal") == ["economy/trade"]
    assert _section_of(paras, "the budget was balanced") == ["economy"]
    # Article dates order the quotes in a section: the 1998 brief comes first.
    assert quotes.index("Nothing of note") < quotes.index("the budget was balanced at last")
    cites = [t for _, t in paras if t.startswith("[")]
    assert any(
        c.endswith("Monitor, vol. 5, no. 177, 1999-09-27, “MOSCOW TALKS STALL”") for c in cites
    )
    assert any(HOSTILE_NOTE in t for _, t in paras)  # literally, not run or dropped
    header = " ".join(t for _, t in paras[:6])
    assert "Tags: economy (with their sub-tags)" in header
    assert "4 highlights from 3 articles, under 2 tags" in header
    # Outside the scope: another tag and the untagged highlight.
    assert not any("welcomed it" in t or "Officials in Baku" in t for _, t in paras)


def test_highlight_with_several_tags_is_quoted_once_and_referred_to(
    briefed: Library, tmp_path: Path
) -> None:
    parser = _html(briefed, ReportScope(), tmp_path / "all.html")
    text = parser.text()
    assert text.count("Caspian pipeline deal") == 1
    # Quoted under economy/trade (first in tag-tree order), referred to under energy.
    trade, energy = text.index("#3 economy/trade"), text.index("#2 energy")
    assert trade < text.index("Caspian pipeline deal") < energy
    assert "Also tagged energy, quoted above: [" in text[energy:]
    # Every section in tag-tree order, untagged last.
    order = [line for line in text.split("\n") if line.startswith("#")]
    assert order == [
        "#1 Briefing",
        "#2 diplomacy",
        "#2 economy",
        "#3 economy/trade",
        "#2 energy",
        "#2 Untagged",
    ]
    assert text.count("Officials in Baku") == 1


def test_html_is_self_contained_escaped_and_without_scripts(
    briefed: Library, tmp_path: Path
) -> None:
    out = tmp_path / "r.html"
    parser = _html(briefed, ReportScope(tags=["economy/trade"]), out)
    raw = out.read_text(encoding="utf-8")
    assert "script" not in parser.tags
    assert not any(t in parser.tags for t in ("img", "link", "iframe", "object"))
    assert "&lt;script&gt;" in raw
    assert HOSTILE_NOTE in parser.text()
    assert "default-src 'none'" in raw
    assert "@media print" in raw


def test_markdown_escapes_metacharacters(briefed: Library, tmp_path: Path) -> None:
    out = tmp_path / "r.md"
    briefed.reports.write(ReportScope(tags=["economy"]), None, out)
    md = out.read_text(encoding="utf-8")
    assert md.startswith("# Briefing: economy\n")
    assert "## economy\n" in md
    assert "### economy/trade\n" in md
    assert "> Grain exports fell" in md
    assert r"\<script\>" in md
    assert "<script>" not in md
    assert r"\*\*bold\*\*" in md


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("# heading", r"\# heading"),
        ("1. item", r"1\. item"),
        ("- item", r"\- item"),
        ("=SUM(A1)", r"\=SUM(A1)"),
        ("a_b*c`d", r"a\_b\*c\`d"),
        ("[x](javascript:y)", r"\[x\](javascript:y)"),
        ("one\n  two", "one\\\ntwo"),
        ("one\n \n\ntwo\nthree", "one\n\ntwo\\\nthree"),
    ],
)
def test_md_escape(raw: str, escaped: str) -> None:
    assert md_escape(raw) == escaped


def test_date_range_and_articles_narrow_the_scope(briefed: Library) -> None:
    a, b, c = briefed.test_ids  # type: ignore[attr-defined]
    in_1999 = briefed.reports.build(ReportScope(since="1999-01-01", until="1999-12-31"))
    quotes = {i.quote for i in in_1999.items}
    assert "Nothing of note" not in quotes
    assert "the budget was balanced at last" in quotes
    assert "Articles dated: 1999-01-01 to 1999-12-31" in in_1999.scope_lines
    only_c = briefed.reports.build(ReportScope(until="1998"))
    assert [i.quote for i in only_c.items] == ["Nothing of note"]
    only_b = briefed.reports.build(ReportScope(article_ids=[b], tags=["diplomacy"]))
    assert [i.quote for i in only_b.items] == ["welcomed it"]
    # A search finds a highlight by its own words or by its article's.
    searched = briefed.reports.build(ReportScope(search="grain"))
    assert {i.quote for i in searched.items} == {
        "Grain exports fell",
        "the budget was balanced at last",
    }
    by_note = briefed.reports.build(ReportScope(search="Key"))
    assert [i.quote for i in by_note.items] == ["the budget was balanced at last"]


def test_claims_and_outlets_with_their_grades(briefed: Library) -> None:
    a, _, _ = briefed.test_ids  # type: ignore[attr-defined]
    (claim,) = briefed.claims.list(a)
    briefed.claims.set_credibility(claim.id, 2)
    briefed.sources.set_reliability("Interfax", "B")
    report = briefed.reports.build(ReportScope(tags=["economy"], with_claims=True))
    item = next(i for i in report.items if i.quote.startswith("the budget"))
    assert [(c.speaker, c.cue, c.credibility) for c in item.claims] == [("Pavel Kurov", "told", 2)]
    assert [(o.name, o.reliability) for o in item.outlets] == [("Interfax", "B")]
    assert "credibility 2 (Probably true)" in item.claims[0].grade_text()
    without = briefed.reports.build(ReportScope(tags=["economy"]))
    assert all(not i.claims and not i.outlets for i in without.items)


def test_inferred_date_is_marked(briefed: Library) -> None:
    _, b, _ = briefed.test_ids  # type: ignore[attr-defined]
    briefed.db.execute(
        "UPDATE articles SET date = '1999-10-01', date_source = 'citations', "
        "date_precision = 'after' WHERE id = ?",
        [b],
    )
    report = briefed.reports.build(ReportScope(tags=["energy"]))
    (cite,) = {i.citation.text() for i in report.items}
    assert "≥ 1999-10-01 (inferred)" in cite
    assert "inferred" in report.dates_note()


def test_bad_scopes_are_refused_and_nothing_is_written(briefed: Library, tmp_path: Path) -> None:
    out = tmp_path / "x.html"
    with pytest.raises(NotFoundError, match="no tag 'nope'"):
        briefed.reports.write(ReportScope(tags=["nope"]), "html", out)
    with pytest.raises(NotFoundError, match="no article 999"):
        briefed.reports.write(ReportScope(article_ids=[999]), "html", out)
    with pytest.raises(InvalidInputError, match="ends"):
        briefed.reports.write(ReportScope(since="2000-01-01", until="1999-01-01"), "md", out)
    with pytest.raises(InvalidInputError, match="No highlight"):
        briefed.reports.write(ReportScope(since="2020-01-01"), "html", out)
    with pytest.raises(InvalidInputError, match="not a report format"):
        briefed.reports.write(ReportScope(), "pdf", out)
    with pytest.raises(InvalidInputError, match="--format"):
        briefed.reports.write(ReportScope(), None, tmp_path / "x.txt")
    assert not out.exists()
    assert list(tmp_path.glob(".*partial")) == []


def test_cli_writes_each_format(
    briefed: Library, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(briefed.path)
    briefed.close()
    for fmt in ("docx", "md", "html"):
        out = tmp_path / f"r.{fmt}"
        args = ["--db", db, "report", "--tag", "economy", "--tag", "energy", "--format", fmt]
        assert main([*args, "-o", str(out)]) == 0
        assert out.stat().st_size > 0
    assert "wrote a report of 4 highlight(s)" in capsys.readouterr().err
    assert main(["--db", db, "report", "--with-claims", "-o", str(tmp_path / "s.md")]) == 0
    assert "Claim: Pavel Kurov told" in (tmp_path / "s.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--tag", "nope", "--format", "md"], "there is no tag 'nope'"),
        (["--article", "99", "--format", "md"], "there is no article 99"),
        (["--since", "2020-01-01", "--format", "html"], "no highlight is in this scope"),
        ([], "cannot tell the report's format"),
        (["--format", "md", "-o", "/nonexistent-folder/r.md"], "cannot write /nonexistent"),
    ],
)
def test_cli_errors_are_one_line(
    briefed: Library,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    message: str,
) -> None:
    db = str(briefed.path)
    briefed.close()
    out = tmp_path / "r.out"
    target = [] if "-o" in args else ["-o", str(out)]
    assert main(["--db", db, "report", *args, *target]) == 1
    err = capsys.readouterr().err
    assert message in err.lower()
    assert err.count("\n") == 1
    assert not out.exists()


def test_cli_refuses_to_write_over_the_library_and_bad_dates(
    briefed: Library, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(briefed.path)
    briefed.close()
    size = Path(db).stat().st_size
    assert main(["--db", db, "report", "--format", "html", "-o", db]) == 1
    assert "will not export" in capsys.readouterr().err.lower()
    assert Path(db).stat().st_size == size
    with pytest.raises(SystemExit, match="--since takes a date"):
        main(["--db", db, "report", "--since", "last week", "--format", "md", "-o", "x.md"])


def test_report_to_a_stream(briefed: Library) -> None:
    buf = io.BytesIO()
    assert briefed.reports.write(ReportScope(tags=["diplomacy"]), "md", buf) == 1
    assert "line one\\\nline two" in buf.getvalue().decode("utf-8")


def test_a_pdf_highlight_is_cited_with_its_page(library: Library, tmp_path: Path) -> None:
    from pdf_bytes import simple_pdf

    path = tmp_path / "brief.pdf"
    path.write_bytes(
        simple_pdf(
            [["The first page speaks of grain exports."], ["The second page names the envoy."]],
            title="Paged Brief",
        )
    )
    library.import_paths([path], analyze=False)
    (art,) = library.articles.list()
    add = library.highlights.add
    add(art.id, *_at(library, art.id, "grain exports"), tags=["pages"])
    add(art.id, *_at(library, art.id, "names the envoy"), tags=["pages"])
    out = tmp_path / "r.docx"
    library.reports.write(ReportScope(tags=["pages"]), "docx", out)
    cites = [t for _, t in _docx_paragraphs(out) if t.startswith("[")]
    assert [c.rsplit(", ", 1)[-1] for c in cites] == ["p. 1", "p. 2"]
    assert "“Paged Brief”" in cites[0]


def test_a_sub_tag_alone_heads_its_report_and_a_tag_called_untagged_is_a_tag(
    briefed: Library, tmp_path: Path
) -> None:
    _, b, _ = briefed.test_ids  # type: ignore[attr-defined]
    briefed.highlights.add(b, *_at(briefed, b, "signed on Friday"), tags=["Untagged"])
    out = tmp_path / "trade.docx"
    briefed.reports.write(ReportScope(tags=["economy/trade"]), "docx", out)
    headings = [(s, t) for s, t in _docx_paragraphs(out) if s.startswith("Heading")]
    assert headings == [("Heading 1", "economy/trade")]
    everything = briefed.reports.build(ReportScope())
    titles = [s.title for s in everything.sections]
    assert titles.count("Untagged") == 2  # the analyst's tag, and the untagged highlights
    assert titles[-1] == "Untagged"
    assert everything.sections[-1].tag is None
    assert [i.quote for i in everything.sections[-1].items] == ["Officials in Baku"]


@pytest.mark.slow
def test_libreoffice_opens_the_docx(briefed: Library, tmp_path: Path) -> None:
    """LibreOffice reads the report (converted to PDF, text read back); skipped without it."""
    import shutil
    import subprocess

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed")
    from pdfminer.high_level import extract_text

    out = tmp_path / "brief.docx"
    briefed.reports.write(ReportScope(with_claims=True), "docx", out)
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(out)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    text = " ".join(extract_text(str(tmp_path / "brief.pdf")).split())
    for quote in ("the budget was balanced at last", "Caspian pipeline deal", "Officials in Baku"):
        assert quote in text
    assert "<script>alert(1)</script>" in text
    assert "Claim: Pavel Kurov told" in text


def test_control_characters_are_shown_not_dropped_or_fatal(
    briefed: Library, tmp_path: Path
) -> None:
    _, b, _ = briefed.test_ids  # type: ignore[attr-defined]
    briefed.highlights.add(b, *_at(briefed, b, "on Friday"), tags=["odd"], note="bell\x07 tab\tend")
    out = tmp_path / "odd.docx"
    briefed.reports.write(
        ReportScope(tags=["odd"]), "docx", out
    )  # valid XML, or python-docx raises
    notes = [t for _, t in _docx_paragraphs(out) if t.startswith("Note: ")]
    assert notes == ["Note: bell\\x07 tab\tend"]


def test_a_tag_name_with_a_control_character_is_shown_not_fatal(
    briefed: Library, tmp_path: Path
) -> None:
    _, b, _ = briefed.test_ids  # type: ignore[attr-defined]
    briefed.highlights.add(b, *_at(briefed, b, "on Friday"), tags=["odd\x01tag"])
    out = tmp_path / "odd-tag.docx"
    briefed.reports.write(ReportScope(), "docx", out)  # python-docx raised ValueError here
    assert any("odd\\x01tag" in t for _, t in _docx_paragraphs(out))
