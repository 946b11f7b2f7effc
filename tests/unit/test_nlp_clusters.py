"""Person clustering: surnames and possessives join the full name in the article."""

from __future__ import annotations

from monitor_desk.core.nlp.clusters import cluster_mentions


def spans_for(text: str, names: list[tuple[str, str]]) -> list[tuple[int, int, str]]:
    out = []
    pos = 0
    for name, label in names:
        start = text.index(name, pos)
        out.append((start, start + len(name), label))
        pos = start + len(name)
    return sorted(out)


def test_surname_and_possessive_join_the_full_name() -> None:
    text = "Pavel Sorokin arrived. Sorokin’s aides spoke. Later Sorokin left."
    mentions = cluster_mentions(
        text,
        spans_for(
            text, [("Pavel Sorokin", "PERSON"), ("Sorokin’s", "PERSON"), ("Sorokin", "PERSON")]
        ),
    )
    assert {m.cluster for m in mentions} == {"Pavel Sorokin"}


def test_longest_full_form_is_canonical() -> None:
    text = "Anna Maria Kovacs spoke. Anna Kovacs left. Kovacs returned."
    spans = spans_for(
        text, [("Anna Maria Kovacs", "PERSON"), ("Anna Kovacs", "PERSON"), ("Kovacs", "PERSON")]
    )
    assert [m.cluster for m in cluster_mentions(text, spans)] == ["Anna Maria Kovacs"] * 3


def test_surname_attaches_to_the_most_recent_full_name() -> None:
    text = "John Reed met Mary Reed. Reed said no. Then John Reed spoke and Reed left."
    spans = spans_for(
        text,
        [
            ("John Reed", "PERSON"),
            ("Mary Reed", "PERSON"),
            ("Reed", "PERSON"),
            ("John Reed", "PERSON"),
            ("Reed", "PERSON"),
        ],
    )
    clusters = [m.cluster for m in cluster_mentions(text, spans)]
    assert clusters == ["John Reed", "Mary Reed", "Mary Reed", "John Reed", "John Reed"]


def test_non_persons_cluster_on_normalised_text() -> None:
    text = "NATO’s plan. NATO agreed."
    spans = [(0, 6, "ORG"), (13, 17, "ORG")]
    assert [m.cluster for m in cluster_mentions(text, spans)] == ["NATO", "NATO"]
