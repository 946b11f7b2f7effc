"""Main text out of HTML pages and RSS/Atom/XML feeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from monitor_desk.core.ingest import extract_html_text, parse_document
from monitor_desk.core.ingest.feeds import extract_xml_text

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"


@pytest.fixture(scope="module")
def article() -> tuple[str, dict[str, str]]:
    return extract_html_text((FIXTURES / "article.html").read_text(encoding="utf-8"))


def test_article_text_kept_and_furniture_dropped(article: tuple[str, dict[str, str]]) -> None:
    text, _ = article
    assert "The envoy came back on Sunday & said the talks were “useful”." in text
    for furniture in (
        "hiddenScriptText",
        "color: red",
        "masthead",
        "menu link",
        "Enable scripts",
        "Template text",
        "Subscribe form",
        "sidebar",
        "Copyright",
    ):
        assert furniture not in text


def test_paragraphs_and_line_breaks(article: tuple[str, dict[str, str]]) -> None:
    text, _ = article
    paragraphs = text.split("\n\n")
    assert paragraphs[0] == "Envoy returns from Washington"
    assert "Officials listed three issues:\narms control\nlending" in paragraphs


def test_escaped_markup_stays_literal_text(article: tuple[str, dict[str, str]]) -> None:
    text, _ = article
    assert "A reader wrote <b>bold</b> in a comment, which stays as text." in text


def test_page_metadata(article: tuple[str, dict[str, str]]) -> None:
    _, metadata = article
    assert metadata == {
        "title": "Envoy returns from Washington",
        "author": "Anna Writer",
        "date": "1999-09-27T09:00:00Z",
    }


def test_main_preferred_when_no_article() -> None:
    text, _ = extract_html_text("<body><div>Outside</div><main><p>Inside main</p></main></body>")
    assert text == "Inside main"


def test_page_without_landmarks_keeps_all_body_text() -> None:
    text, metadata = extract_html_text(
        "<html><head><title>Plain page</title></head><body><p>One</p>Two<div>Three</div>"
    )
    assert text == "One\n\nTwo\n\nThree"
    assert metadata == {"title": "Plain page"}


def test_whitespace_collapsed_but_nbsp_and_pre_kept() -> None:
    text, _ = extract_html_text("<p>  a \n\t b&nbsp;c  </p><pre>x  = 1\n  y</pre>")
    assert text == "a b\u00a0c\n\nx  = 1\n  y"


def test_unclosed_head_does_not_hide_the_body() -> None:
    text, metadata = extract_html_text("<head><title>T</title><p>Body text</p>")
    assert (text, metadata) == ("Body text", {"title": "T"})


def test_deeply_nested_markup_does_not_crash() -> None:
    depth = 100_000
    text, _ = extract_html_text("<div>" * depth + "deep &amp; fine" + "</div>" * depth)
    assert text == "deep & fine"


def test_unclosed_deep_nesting_does_not_crash() -> None:
    text, _ = extract_html_text("<span><b>" * 50_000 + "still text")
    assert text == "still text"


def test_html_document_with_header_block_in_text() -> None:
    markup = b"<body><p>Publication: Monitor Volume: 5 Issue: 9</p><p>Body of the brief.</p></body>"
    doc = parse_document(markup, "brief.html")
    assert doc.kind == "html"
    assert doc.metadata["publication"] == "Monitor"
    assert doc.metadata["issue"] == "9"
    assert doc.text[doc.body_start :] == "Body of the brief."


def test_html_meta_charset_is_used() -> None:
    text = "Переговоры продолжатся в Москве"
    markup = f'<html><head><meta charset="windows-1251"></head><body><p>{text}</p></body></html>'
    doc = parse_document(markup.encode("cp1251"), "page.htm")
    assert (doc.text, doc.encoding) == (text, "cp1251")


def test_html_without_text_is_rejected() -> None:
    from monitor_desk.core.ingest import RejectedFile

    with pytest.raises(RejectedFile, match="no text"):
        parse_document(b"<html><script>x()</script></html>", "empty.html")


def test_rss_feed_text_and_metadata() -> None:
    doc = parse_document((FIXTURES / "feed_rss.xml").read_bytes(), "feed.rss")
    assert doc.kind == "xml"
    assert doc.text.split("\n\n") == [
        "Desk Test Feed\nBriefs written for the Monitor Desk tests",
        "Talks stall over arms control\nThe ministers met twice but agreed on nothing.",
        "Budget passes & markets calm\nDeputies voted 250 to 100.",
        "Traders shrugged.",
    ]
    assert doc.title == "Desk Test Feed"
    assert doc.date == "1999-09-27"
    assert "expanded-entity-text" not in doc.text


def test_atom_feed_text() -> None:
    text, metadata = extract_xml_text((FIXTURES / "feed_atom.xml").read_text(encoding="utf-8"))
    assert text.split("\n\n") == [
        "Atom Desk Feed\nShort notes",
        "First entry\nA plain summary of the first entry.",
        "Second entry\nPara one.",
        "Para two.",
    ]
    assert metadata == {"title": "Atom Desk Feed", "date": "1999-09-28T12:00:00Z"}


def test_entity_expansion_attack_is_not_expanded() -> None:
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + "".join(
            f'<!ENTITY lol{i} "{"&lol{};".format(i - 1 if i else "") * 10}">' for i in range(9)
        )
        + "]><doc><p>&lol8;</p><p>Real text</p></doc>"
    )
    text, _ = extract_xml_text(bomb)
    assert "Real text" in text
    assert len(text) < 1000


def test_generic_xml_paragraphs() -> None:
    text, metadata = extract_xml_text(
        "<doc><head>Heading</head><para>One <b>bold</b> word</para><para>Two</para></doc>"
    )
    assert text == "Heading\n\nOne bold word\n\nTwo"
    assert metadata == {}


def test_xml_declared_encoding_is_used() -> None:
    body = "<?xml version='1.0' encoding='koi8-r'?><rss><channel><title>Новости дня</title>"
    doc = parse_document((body + "</channel></rss>").encode("koi8-r"), "news.xml")
    assert (doc.text, doc.encoding) == ("Новости дня", "koi8-r")
