"""The layout of a PDF's lines (core/ingest/pdf_layout.py), on lines placed by hand."""

from __future__ import annotations

from monitor_desk.core.ingest.pdf_layout import Line, Page, clean, drop_furniture, lay_out

H = 842.0


def col(
    x: float, top: float, texts: list[str], size: float = 10.0, lead: float = 14.0
) -> list[Line]:
    """Lines of one column from ``top`` down (y upwards, as in a PDF); "" leaves a gap."""
    out, y = [], top
    for text in texts:
        if text:
            width = len(text) * size * 0.5
            out.append(Line(x, y, x + width, y + size, text))
        y -= lead
    return out


def page(*columns: list[Line], number: int | None = None, header: str = "") -> Page:
    lines = [ln for c in columns for ln in c]
    if header:
        lines.append(Line(60, 800, 300, 808, header))
    if number is not None:
        lines.append(Line(290, 40, 300, 48, str(number)))
    return Page(595, H, tuple(lines))


def test_hyphenated_line_ends_join_and_lines_become_one_paragraph() -> None:
    p = page(
        col(60, 700, ["The minister said the nego-", "tiations would resume in", "Baku soon."])
    )
    assert lay_out([p]).text == "The minister said the negotiations would resume in Baku soon.\n"


def test_a_hyphen_before_a_capital_stays() -> None:
    p = page(col(60, 700, ["It was the Russian-", "Georgian border talks."]))
    assert lay_out([p]).text == "It was the Russian- Georgian border talks.\n"


def test_a_gap_an_indent_or_a_heading_starts_a_paragraph() -> None:
    lines = col(60, 700, ["First paragraph line one", "and line two.", "", "Second after a gap."])
    lines += col(80, 630, ["Third, indented."])
    lines += col(60, 616, ["runs on here."])
    heading = [Line(60, 580, 200, 596, "ENERGY")]  # 16 pt over 10 pt text, no gap
    lines += heading + col(60, 566, ["Body under the heading."])
    text = lay_out([page(lines)]).text
    assert text.split("\n\n") == [
        "First paragraph line one and line two.",
        "Second after a gap.",
        "Third, indented. runs on here.",
        "ENERGY",
        "Body under the heading.\n",
    ]


def test_two_columns_are_read_left_then_right_and_a_title_across_them_first() -> None:
    left = col(60, 700, [f"left line {i} of the first column" for i in range(8)])
    right = col(320, 700, [f"right line {i} of the second column" for i in range(8)])
    title = [Line(60, 740, 540, 756, "A TITLE ACROSS BOTH COLUMNS OF THE PAGE IN LARGE TYPE")]
    text = lay_out([page(title, right, left)]).text
    paragraphs = text.strip().split("\n\n")
    assert paragraphs[0].startswith("A TITLE")
    assert paragraphs[1].startswith("left line 0")
    assert "left line 7" in paragraphs[1]
    assert "right line 0" in paragraphs[1]  # the text runs on from column to column
    assert paragraphs[1].index("left line 7") < paragraphs[1].index("right line 0")


def test_running_headers_and_page_numbers_go_but_a_number_in_the_text_stays() -> None:
    pages = [
        page(col(60, 700, [f"Page {n} text.", "1999"]), number=n, header=f"MONITOR Vol. 5 No. {n}")
        for n in range(1, 5)
    ]
    laid = lay_out(pages)
    assert "MONITOR" not in laid.text
    assert laid.text.count("1999") == 4  # a number in the body is the body's
    assert [laid.text[s:].split()[1] for s in laid.page_starts] == ["1", "2", "3", "4"]


def test_one_page_keeps_its_header_but_drops_a_lone_page_number() -> None:
    kept = drop_furniture([page(col(60, 700, ["Body."]), number=7, header="ONLY ONCE")])
    assert [ln.text for ln in kept[0]] == ["Body.", "ONLY ONCE"]


def test_a_paragraph_running_over_a_page_keeps_the_page_start_inside_it() -> None:
    one = page(col(60, 700, ["The talks began on Monday and the delegation said it"]))
    two = page(col(60, 700, ["would stay until Friday."]))
    laid = lay_out([one, two])
    assert laid.text == (
        "The talks began on Monday and the delegation said it would stay until Friday.\n"
    )
    assert laid.text[laid.page_starts[1] :].startswith("would stay")


def test_clean_spells_out_ligatures_and_plain_spaces() -> None:
    assert clean("de\ufb01cit\tof\u00a0o\ufb00icials\u00ad") == "deficit of officials"
