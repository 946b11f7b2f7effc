"""Hard-wrapped wire copy reads as paragraphs: the display joins wrapped lines, keeping
every character where it was (same length), and leaves other text alone."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from monitor_desk.core.unwrap import ZERO_WIDTH_SPACE, unwrap

WIRE = (
    "Title: Border talks\n"
    "\n"
    "RIGA, Oct 3 - Officials from the three Baltic states agreed\n"
    "on Tuesday to resume talks on the joint border regime after 20\n"
    "days of silence, a spokesman for the foreign ministry said.\n"
    "    The talks will open in Vilnius next week and are expected\n"
    "to cover customs posts, fishing rights and the rail link to\n"
    "the port, the spokesman told reporters.\n"
    "    Items on the agenda:\n"
    "- customs posts\n"
    "- fishing rights\n"
)


def test_wrapped_lines_join_into_paragraphs_of_the_same_length() -> None:
    shown = unwrap(WIRE)
    assert len(shown) == len(WIRE)
    assert "after 20 days of silence" in shown  # not "after 20 / days"
    paragraphs = shown.split("\n")
    assert paragraphs[2].startswith("RIGA, Oct 3")
    assert paragraphs[2].endswith("ministry said.")
    assert paragraphs[3].startswith("    The talks")
    assert paragraphs[3].endswith("reporters.")
    # Every character but the joining newlines is where it was.
    assert [i for i, (a, b) in enumerate(zip(WIRE, shown, strict=True)) if a != b] == [
        i for i, c in enumerate(WIRE) if c == "\n" and shown[i] == " "
    ]


def test_headers_indented_paragraphs_and_list_items_keep_their_lines() -> None:
    shown = unwrap(WIRE).split("\n")
    assert shown[0] == "Title: Border talks"
    assert shown[-3:] == ["- customs posts", "- fishing rights", ""]
    assert "    Items on the agenda:" in shown


def test_text_that_is_not_hard_wrapped_is_left_as_it_is() -> None:
    paragraphs = (
        "The minister said on Tuesday that the talks on the border regime would resume "
        "after a pause of twenty days, and that customs posts were first on the list.\n"
    ) * 6
    assert unwrap(paragraphs) == paragraphs
    short = "Kyiv\nWarsaw\nMinsk\nRiga\nBaku\n"
    assert unwrap(short) == short


def test_a_hyphenated_wrap_joins_without_a_visible_space() -> None:
    text = (
        "The delegation from the ministry of foreign affairs met its counter-\n"
        "parts in the capital on Monday to discuss the railway and the new\n"
        "customs posts on the border, officials said after the meeting ended\n"
        "late in the evening without a joint statement from either side.\n"
    )
    shown = unwrap(text)
    assert f"counter-{ZERO_WIDTH_SPACE}parts" in shown
    assert len(shown) == len(text)


def test_crlf_wraps_keep_their_length() -> None:
    text = WIRE.replace("\n", "\r\n")
    shown = unwrap(text)
    assert len(shown) == len(text)
    assert "after 20  days of silence" in shown  # \r and \n: two spaces, no line break


@given(st.text(alphabet=st.sampled_from(list("ab -\n\r     xyzé1."))))
def test_any_text_keeps_its_length_and_non_newlines(text: str) -> None:
    shown = unwrap(text)
    assert len(shown) == len(text)
    for a, b in zip(text, shown, strict=True):
        assert a == b or a in "\r\n"
