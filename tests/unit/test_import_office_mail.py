"""Word, OpenDocument, e-mail and mailbox import through the command line, read back with
``list --json``/``show --json``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from document_files import HEADING, PARAGRAPHS, make_docx, make_mbox, make_odt, message
from pdf_bytes import simple_pdf

from monitor_desk.cli import main


def cli(capsys: pytest.CaptureFixture[str], *argv: str, refused: bool = False) -> Any:
    code = main(list(argv))
    out = capsys.readouterr().out
    assert code == (1 if refused else 0), out
    return json.loads(out)


def import_files(
    capsys: pytest.CaptureFixture[str], db: Path, *paths: Path, refused: bool = False
) -> dict[str, Any]:
    args = ("--db", str(db), "import", "--no-analyze", "--json", *map(str, paths))
    report = cli(capsys, *args, refused=refused)
    return {Path(f["path"]).name: f for f in report["files"]}


def show(capsys: pytest.CaptureFixture[str], db: Path, article_id: int) -> dict[str, Any]:
    return cli(capsys, "--db", str(db), "show", "--json", str(article_id))  # type: ignore[no-any-return]


@pytest.mark.parametrize("make", [make_docx, make_odt], ids=["docx", "odt"])
def test_word_and_opendocument_keep_headings_paragraphs_table_rows_and_properties(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], make: Any
) -> None:
    path = make(tmp_path / f"brief.{make.__name__[5:]}")
    db = tmp_path / "lib.sqlite"
    (outcome,) = import_files(capsys, db, path).values()
    assert outcome["status"] == "imported", outcome
    shown = show(capsys, db, outcome["article_id"])
    blocks = shown["text"].strip().split("\n\n")
    assert blocks[0] == HEADING
    assert blocks[1] == PARAGRAPHS[0]
    assert "Country | Volume | Route" in blocks
    assert "Georgia | 12 bcm | South Caucasus" in blocks
    assert blocks[-1] == PARAGRAPHS[1]  # (the .odt's footnote is not in the sentence)
    assert shown["title"] == "Caucasus Energy Brief"
    assert shown["author"] == "Desk Analyst"
    assert shown["date"] == "2024-03-05"
    assert shown["date_source"] == "metadata"
    assert shown["page_starts"] == []
    assert import_files(capsys, db, path)[path.name]["status"] == "unchanged"


def test_broken_office_files_get_one_clear_line_each(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "zip.docx").write_bytes(b"PK\x03\x04 not really a zip")
    (tmp_path / "in" / "old.docx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    (tmp_path / "in" / "empty.odt").write_bytes(b"")
    outcomes = import_files(capsys, tmp_path / "lib.sqlite", tmp_path / "in", refused=True)
    assert outcomes["zip.docx"]["reason"].startswith("not a readable Word document")
    assert outcomes["old.docx"]["reason"].startswith("encrypted or old-format Word document")
    assert outcomes["empty.odt"]["reason"] == "empty file"
    assert {o["status"] for o in outcomes.values()} == {"rejected"}


PLAIN = "Minister Kovalenko said on Tuesday that the talks would resume in Baku.\n"
HTML = (
    "<html><body><p>HTML twin of the brief.</p>"
    '<img src="https://tracker.example.org/pixel.gif"></body></html>'
)


def test_an_email_is_its_text_part_with_its_headers_and_its_attachments_are_articles(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf = simple_pdf([["Attached report: the delegation travels to Baku on Monday."]], "Report")
    msg = message(
        "Talks to resume",
        PLAIN,
        HTML,
        attachments=(
            ("report.pdf", pdf, "application/pdf"),
            ("logo.png", b"\x89PNG\r\n", "image/png"),
        ),
    )
    path = tmp_path / "note.eml"
    path.write_bytes(msg.as_bytes())
    db = tmp_path / "lib.sqlite"
    outcomes = import_files(capsys, db, path)
    assert set(outcomes) == {"note.eml", "note.eml#report.pdf"}  # the picture is passed over
    mail = show(capsys, db, outcomes["note.eml"]["article_id"])
    assert mail["text"] == PLAIN  # the plain part preferred over the HTML one
    assert mail["title"] == "Talks to resume"
    assert mail["date"] == "2024-03-05"
    assert mail["date_source"] == "metadata"
    assert mail["publication"] == "Jamestown Monitor"
    attached = show(capsys, db, outcomes["note.eml#report.pdf"]["article_id"])
    assert "delegation travels to Baku" in attached["text"]
    assert attached["source_path"].endswith("note.eml#report.pdf")
    assert attached["pages"] == 1
    again = import_files(capsys, db, path)
    assert {o["status"] for o in again.values()} == {"unchanged"}


def test_a_message_attached_as_a_file_brings_its_own_attachments(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inner = message(
        "Forwarded brief",
        PLAIN,
        None,
        attachments=(("notes.txt", b"Notes from the Baku meeting.\n", "text/plain"),),
    )
    outer = message(
        "Fwd: brief",
        "See the attached message.\n",
        None,
        attachments=(("fwd.eml", inner.as_bytes(), "application/octet-stream"),),
    )
    path = tmp_path / "o.eml"
    path.write_bytes(outer.as_bytes())
    outcomes = import_files(capsys, tmp_path / "lib.sqlite", path)
    assert set(outcomes) == {"o.eml", "o.eml#fwd.eml", "o.eml#fwd.eml#notes.txt"}


def test_an_html_only_email_goes_through_the_html_reader_and_a_header_names_the_publication(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    msg = message("Digest", None, HTML, headers={"X-Publication": "Eurasia Daily Monitor"})
    path = tmp_path / "digest.eml"
    path.write_bytes(msg.as_bytes())
    db = tmp_path / "lib.sqlite"
    shown = show(capsys, db, import_files(capsys, db, path)["digest.eml"]["article_id"])
    assert shown["text"].strip() == "HTML twin of the brief."
    assert "<" not in shown["text"]
    assert "tracker" not in shown["text"]
    assert shown["publication"] == "Eurasia Daily Monitor"


def test_a_mailbox_is_one_article_per_message_and_reimport_adds_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    messages = [
        message(f"Brief {n}", f"Brief number {n}: the ministry said the talks continue.\n"
                "From the capital, officials confirmed it.\n",
                date=f"Tue, 0{n} Mar 2024 09:30:00 +0000")
        for n in (1, 2, 3)
    ]  # fmt: skip
    path = make_mbox(tmp_path / "monitor.mbox", messages)
    db = tmp_path / "lib.sqlite"
    outcomes = import_files(capsys, db, path)
    assert list(outcomes) == ["monitor.mbox#1", "monitor.mbox#2", "monitor.mbox#3"]
    assert {o["status"] for o in outcomes.values()} == {"imported"}
    listed = cli(capsys, "--db", str(db), "list", "--json", "--sort", "date")
    assert [a["title"] for a in listed] == ["Brief 1", "Brief 2", "Brief 3"]
    assert [a["date"] for a in listed] == ["2024-03-01", "2024-03-02", "2024-03-03"]
    second = show(capsys, db, outcomes["monitor.mbox#2"]["article_id"])
    assert "From the capital" in second["text"]  # the mbox's ">From " quoting undone
    again = import_files(capsys, db, path)
    assert {o["status"] for o in again.values()} == {"unchanged"}
    assert len(cli(capsys, "--db", str(db), "list", "--json")) == 3


def test_a_file_that_is_not_a_mailbox_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "notes.mbox"
    path.write_text("Just some notes, no messages.\n")
    outcomes = import_files(capsys, tmp_path / "lib.sqlite", path, refused=True)
    assert outcomes["notes.mbox"]["status"] == "rejected"
    assert outcomes["notes.mbox"]["reason"].startswith("not a mailbox")


def test_forwarded_messages_and_a_mime_digest_give_one_article_per_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from email.mime.message import MIMEMessage
    from email.mime.multipart import MIMEMultipart

    briefs = [
        message(f"Brief {n}", f"Brief {n}: the talks on the border regime go on.\n") for n in (1, 2)
    ]
    forward = message("Fwd: two briefs", "Two briefs for you, see below.\n")
    for brief in briefs:
        forward.add_attachment(brief)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "fwd.eml").write_bytes(forward.as_bytes())
    digest = MIMEMultipart("digest")
    digest["Subject"] = "Monitor digest"
    for brief in briefs:
        digest.attach(MIMEMessage(brief))
    (tmp_path / "in" / "digest.eml").write_bytes(digest.as_bytes())
    sent_whole = message(
        "Monitor, Vol. 5, No. 177",
        "TALKS RESUME\n\nThe talks resumed.\n\nPIPELINE DEAL\n\nThe deal was signed.\n",
    )
    (tmp_path / "in" / "issue.eml").write_bytes(sent_whole.as_bytes())
    db = tmp_path / "lib.sqlite"
    outcomes = import_files(capsys, db, tmp_path / "in")
    assert sorted(outcomes) == [
        "digest.eml#message-1",  # the digest's own (empty) body is no article
        "digest.eml#message-2",
        "fwd.eml",
        "fwd.eml#message-1",
        "fwd.eml#message-2",
        "issue.eml",  # several briefs in one body: one article, as it was sent
    ]
    statuses = {n: o["status"] for n, o in outcomes.items()}
    # The forward carries the same two briefs as the digest (read first): duplicates.
    assert statuses["digest.eml#message-1"] == "imported"
    assert statuses["fwd.eml#message-1"] == "duplicate"
    shown = show(capsys, db, outcomes["digest.eml#message-2"]["article_id"])
    assert shown["title"] == "Brief 2"
    issue = show(capsys, db, outcomes["issue.eml"]["article_id"])
    assert "PIPELINE DEAL" in issue["text"]
