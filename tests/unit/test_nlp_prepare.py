"""What the model sees: the header and citations hidden, offsets mapped back exactly."""

from __future__ import annotations

from monitor_desk.core.nlp.prepare import mask_body, restore_case


def test_cut_citations_map_back_to_full_text_offsets() -> None:
    text = "Заголовок 😀\n\nМосква 🙂 NATO met (Reuters, May 2). Then OSCE spoke."
    body_start = text.index("Москва")
    cit_start = text.index("(Reuters")
    cit_end = text.index(")") + 1
    masked, omap = mask_body(text, body_start, [(cit_start, cit_end)])
    assert "Reuters" not in masked
    assert "Заголовок" not in masked
    assert masked.endswith("NATO met. Then OSCE spoke.")
    for word in ("NATO", "OSCE", "Москва", "met"):
        m_start = masked.index(word)
        start, end = omap.start(m_start), omap.end(m_start + len(word))
        assert text[start:end] == word


def test_span_ending_at_a_cut_ends_before_the_citation() -> None:
    text = "Kyiv agreed (Interfax, March 3)."
    masked, omap = mask_body(text, 0, [(text.index("("), text.index(")") + 1)])
    assert masked == "Kyiv agreed."
    end = omap.end(masked.index("."))
    assert text[:end] == "Kyiv agreed"
    assert text[omap.start(masked.index(".")) :] == "."


def test_citation_opening_a_paragraph_keeps_the_paragraph_break() -> None:
    text = "First.\n\n(Reuters, May 2) Second."
    masked, _ = mask_body(text, 0, [(8, 24)])
    assert masked == "First.\n\n Second."


def test_all_caps_headline_is_restored_without_changing_length() -> None:
    text = "MOSCOW TALKS WITH KYIV STALL\n\nThe talks between Moscow and Kyiv stalled."
    restored = restore_case(text, {"nato": "NATO"})
    assert len(restored) == len(text)
    assert restored.startswith("Moscow talks with Kyiv stall")
    assert restored.endswith("The talks between Moscow and Kyiv stalled.")


def test_known_names_keep_their_form() -> None:
    restored = restore_case(
        "NATO TROOPS LEAVE KOSOVO\n\nText.", {"nato": "NATO", "kosovo": "Kosovo"}
    )
    assert restored.startswith("NATO troops leave Kosovo")
