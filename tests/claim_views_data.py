"""A small library for the claims-and-speakers tests: briefs written for these tests, each
with a hand-made analysis (no model), dated, undated and revised."""

from __future__ import annotations

from pathlib import Path

from monitor_desk.core.analysis_store import store_analysis
from monitor_desk.core.library import Library
from monitor_desk.core.models import Analysis, Citation, CitationItem, Claim, EntityMention, Span


def brief(
    lib: Library,
    folder: Path,
    name: str,
    text: str,
    date: str | None,
    claims: list[tuple[str, str, str, str]],
    extra: list[tuple[str, str, str]] = (),  # type: ignore[assignment]
    outlet: str | None = None,
) -> int:
    """Import ``text`` dated ``date`` with claims (speaker words, speaker name, cue,
    content words); each speaker is a PERSON mention clustered under its name; ``extra``
    mentions (words, label, cluster); ``outlet``: one citation "(OUTLET, ...)" at the end
    of the text, supporting every claim."""
    path = folder / name
    header = f"Date: {date}\n\n" if date else ""
    path.write_text(header + text, encoding="utf-8")
    (outcome,) = lib.import_paths([path], analyze=False).files
    assert outcome.article_id is not None
    art = lib.articles.get(outcome.article_id)
    t = art.text
    ents: list[EntityMention] = []
    found: list[Claim] = []
    citations: list[Citation] = []
    if outlet is not None:
        cs = t.index(f"({outlet}")
        ce = t.index(")", cs) + 1
        item = CitationItem(outlet, None, None, None, outlet)
        citations.append(Citation(cs, ce, t[cs:ce], (item,), ((0, cs),)))
    for words, speaker_name, cue, content in claims:
        s = t.index(words)
        c = t.index(cue, s)
        k = t.index(content, c)
        ents.append(EntityMention(s, s + len(words), "PERSON", words, speaker_name))
        found.append(
            Claim(
                speaker=Span(s, s + len(words), words),
                speaker_name=speaker_name,
                cue=Span(c, c + len(cue), cue),
                content=Span(k, k + len(content), content),
                kind="indirect",
                citation=0 if citations else None,
            )
        )
    for words, label, cluster in extra:
        s = t.index(words)
        ents.append(EntityMention(s, s + len(words), label, words, cluster))
    with lib.db.atomic():
        store_analysis(lib.db, art.revision_id, Analysis("test", "1", ents, found, citations))
    return art.id


def build(lib: Library, folder: Path) -> dict[str, int]:
    """Four briefs: Igor Ivanov twice (dated), "I. Ivanov" in an undated one (merged into
    Igor Ivanov by the tests that need it), and Olga Petrova in a dated one."""
    ids = {}
    ids["sep"] = brief(
        lib, folder, "sep.txt",
        "Igor Ivanov said the treaty must stand. Olga Petrova warned of new missiles. "
        "(Interfax, September 25)\n",
        "1999-09-25",
        [("Igor Ivanov", "Igor Ivanov", "said", "the treaty must stand"),
         ("Olga Petrova", "Olga Petrova", "warned", "of new missiles")],
        extra=[("Interfax", "ORG", "Interfax")],
        outlet="Interfax",
    )  # fmt: skip
    ids["oct"] = brief(
        lib, folder, "oct.txt",
        "Igor Ivanov says talks on the ABM Treaty will go on. (Izvestia, October 2)\n",
        "1999-10-02",
        [("Igor Ivanov", "Igor Ivanov", "says", "talks on the ABM Treaty will go on")],
        extra=[("ABM Treaty", "LAW", "ABM Treaty")],
        outlet="Izvestia",
    )  # fmt: skip
    ids["undated"] = brief(
        lib, folder, "undated.txt",
        "I. Ivanov told reporters that the visit was over.\n",
        None,
        [("I. Ivanov", "I. Ivanov", "told", "the visit was over")],
    )  # fmt: skip
    ids["aug"] = brief(
        lib, folder, "aug.txt",
        "Olga Petrova said that prices would rise in the autumn.\n",
        "1999-08-30",
        [("Olga Petrova", "Olga Petrova", "said", "prices would rise")],
    )  # fmt: skip
    return ids
