"""The analysis of one article: pipeline loading, entities from the body only, clusters,
citations and claims wired together, on fixture text written for these tests."""

from __future__ import annotations

import pytest

from monitor_desk.core.models import Analysis
from monitor_desk.core.nlp import LoadedPipeline, analyze_many, analyze_text, load_pipeline

HEADER = "Publication: Test Brief Volume: 2 Issue: 14 Date: March 10, 2001 NATO Reuters\n\n"
BODY = (
    "Russian Foreign Minister Pavel Sorokin met U.S. Secretary of State Helen Marsh in "
    "Geneva on Monday. Sorokin said that Moscow still regards the ABM Treaty as vital "
    "(Interfax, March 3; NTV, March 4). Sorokin’s aides added that the Kremlin wants the "
    "Duma to ratify START II soon.\n\n"
    "Marsh told reporters that the talks in Geneva had been useful (Reuters, March 5). "
    "The Federal Security Service (FSB) declined to comment (see below)."
)
TEXT = HEADER + BODY
META = {"date": "March 10, 2001"}


@pytest.fixture(scope="module")
def model() -> LoadedPipeline:
    loaded = load_pipeline()
    if loaded.is_fallback:
        pytest.skip("no spaCy model installed")
    return loaded


@pytest.fixture(scope="module")
def analysis(model: LoadedPipeline) -> Analysis:
    return analyze_text(TEXT, len(HEADER), META, model)


@pytest.fixture
def fallback(monkeypatch: pytest.MonkeyPatch) -> LoadedPipeline:
    monkeypatch.setenv("MONITOR_DESK_FORCE_FALLBACK", "1")
    return load_pipeline()


def test_pipeline_records_name_and_version(model: LoadedPipeline) -> None:
    assert model.name.startswith("en_core_web_sm")
    assert model.version[:1].isdigit()
    assert model.name in model.message
    assert "gazetteer" in model.nlp.pipe_names
    assert load_pipeline() is model


def test_fallback_still_finds_gazetteer_entities_and_citations(fallback: LoadedPipeline) -> None:
    assert fallback.is_fallback
    assert fallback.name == "rule-fallback"
    assert "fallback" in fallback.message
    result = analyze_text(TEXT, len(HEADER), META, fallback)
    found = {(e.text, e.label) for e in result.entities}
    assert {
        ("Kremlin", "ORG"),
        ("ABM Treaty", "LAW"),
        ("START II", "LAW"),
        ("Geneva", "GPE"),
    } <= found
    assert [i.outlet for c in result.citations for i in c.items] == ["Interfax", "NTV", "Reuters"]
    assert result.pipeline_name == "rule-fallback"


def test_offsets_survive_cyrillic_and_emoji_before_an_entity(fallback: LoadedPipeline) -> None:
    header = "Заголовок: 😀 Москва\n\n"
    text = header + "В 🙂 Москве NATO and the OSCE met (Interfax, 3 March). Kyiv agreed."
    result = analyze_text(text, len(header), {}, fallback)
    assert {e.text for e in result.entities} >= {"NATO", "OSCE", "Kyiv"}
    for e in result.entities:
        assert text[e.start : e.end] == e.text
        assert e.start >= len(header)


def test_no_entity_in_header_or_citation(analysis: Analysis) -> None:
    body_start = len(HEADER)
    assert analysis.entities
    for e in analysis.entities:
        assert e.start >= body_start
        assert TEXT[e.start : e.end] == e.text
        for c in analysis.citations:
            assert not (c.start < e.end and e.start < c.end), e


def test_gazetteer_and_model_entities(analysis: Analysis) -> None:
    found = {(e.text, e.label) for e in analysis.entities}
    assert {
        ("ABM Treaty", "LAW"),
        ("START II", "LAW"),
        ("Kremlin", "ORG"),
        ("Duma", "ORG"),
    } <= found
    assert ("Moscow", "GPE") in found


def test_no_title_fragments_or_possessives(analysis: Analysis) -> None:
    texts = {e.text for e in analysis.entities}
    assert "State" not in texts
    assert not any(t.endswith(("’s", "'s")) or t.startswith("the ") for t in texts)


def test_surname_mentions_cluster_on_the_full_name(analysis: Analysis) -> None:
    sorokin = [e for e in analysis.entities if "Sorokin" in e.text and e.label == "PERSON"]
    assert len(sorokin) >= 3
    assert {e.cluster for e in sorokin} == {"Pavel Sorokin"}


def test_citations_resolved_and_cover_their_sentences(analysis: Analysis) -> None:
    first, second = analysis.citations
    assert [(i.outlet, i.date_start) for i in first.items] == [
        ("Interfax", "2001-03-03"),
        ("NTV", "2001-03-04"),
    ]
    covered = [TEXT[s:e] for s, e in first.covers]
    assert covered[0].startswith("Russian Foreign Minister")
    assert covered[-1].endswith("(Interfax, March 3; NTV, March 4).")
    assert TEXT[second.covers[0][0] :].startswith("Marsh told reporters")


def test_claims_point_into_the_full_text(analysis: Analysis) -> None:
    for claim in analysis.claims:
        assert TEXT[claim.cue.start : claim.cue.end] == claim.cue.text
        assert claim.cue.start >= len(HEADER)
        if claim.citation is not None:
            spans = analysis.citations[claim.citation].covers
            assert any(s <= claim.cue.start < e for s, e in spans)


def test_analyze_many_matches_analyze_text_in_order(model: LoadedPipeline) -> None:
    other = "Publication: X\n\nKyiv and Minsk signed a deal (Itar-Tass, May 2)."
    items = [(TEXT, len(HEADER), META), (other, 16, {}), (TEXT, len(HEADER), META)]
    many = list(analyze_many(items, model, batch_size=2))
    singles = [analyze_text(t, b, m, model) for t, b, m in items]
    assert many == singles


def test_two_processes_give_the_same_results(model: LoadedPipeline) -> None:
    items = [(TEXT, len(HEADER), META)] * 4
    assert (
        list(analyze_many(items, model, batch_size=1, n_process=2))
        == [analyze_text(TEXT, len(HEADER), META, model)] * 4
    )


def test_title_words_are_not_entities(model: LoadedPipeline) -> None:
    text = (
        "U.S. Secretary of Defense Walter Hume and the Minister of Foreign Affairs of "
        "Moldova met the Secretary of State in Chisinau on Tuesday."
    )
    texts = {e.text for e in analyze_text(text, 0, {}, model).entities}
    assert not texts & {"Defense", "State", "Foreign Affairs"}
    assert {"Moldova", "Chisinau"} <= texts


def test_unknown_model_name_is_skipped() -> None:
    from monitor_desk.core.nlp.pipeline import _load_model

    assert _load_model("no_such_model_package_xyz") is None


RUSSIAN = (
    "Публикация: Тестовый выпуск\n\n"
    "Министр иностранных дел Павел Сорокин встретился в Женеве с коллегами. Всё меньше "
    "остаётся нерешённых вопросов, заявил он журналистам после переговоров во вторник."
)


def test_russian_goes_to_the_russian_pipeline_not_the_english_model(
    model: LoadedPipeline,
) -> None:
    # the English model tagged ordinary Russian words as people and organisations ("Всё")
    analysis = analyze_text(RUSSIAN, RUSSIAN.index("\n\n") + 2, {}, model)
    assert analysis.language == "ru"
    assert {(m.text, m.label) for m in analysis.entities} == {
        ("Павел Сорокин", "PERSON"),
        ("Женеве", "GPE"),
    }
    items = [(RUSSIAN, RUSSIAN.index("\n\n") + 2, {}), (TEXT, len(HEADER), META)]
    many = list(analyze_many(items, model, batch_size=2))
    assert many[0] == analysis
    assert many[1] == analyze_text(TEXT, len(HEADER), META, model)


UKRAINIAN = (
    "Міністр закордонних справ Павло Сорокін зустрівся в Женеві з колегами. Все менше "
    "залишається невирішених питань, заявив він журналістам після переговорів у вівторок."
)


def test_a_language_without_a_pipeline_gets_no_invented_entities(model: LoadedPipeline) -> None:
    analysis = analyze_text(UKRAINIAN, 0, {}, model)
    assert analysis.language == "uk"
    assert analysis.entities == []
    assert analysis.claims == []


def test_english_with_a_few_cyrillic_names_is_still_analysed(model: LoadedPipeline) -> None:
    text = "Foreign Minister Pavel Sorokin (Павел Сорокин) told reporters in Geneva that talks went well."
    analysis = analyze_text(text, 0, {}, model)
    assert any(e.text == "Geneva" for e in analysis.entities)
    assert any(c.cue.text == "told" for c in analysis.claims)


def test_a_date_ends_at_a_spaced_dash(model: LoadedPipeline) -> None:
    text = (
        "It is not known whether the other two men released from the detention camp in "
        "January - Karl Henning and Oleg Panov - have also received letters."
    )
    dates = [e.text for e in analyze_text(text, 0, {}, model).entities if e.label == "DATE"]
    assert dates == ["January"]
