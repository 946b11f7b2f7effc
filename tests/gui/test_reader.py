"""The reader shows the article's marks at the right characters, and reacts to them."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QTextCursor
from PySide6.QtWidgets import QTabWidget, QTextBrowser

from monitor_desk.core.library import Library
from monitor_desk.ui.reader.reader_marks import tooltip
from monitor_desk.ui.widgets.palette import entity_tint


def _format_at(view: QTextBrowser, u16: int):  # type: ignore[no-untyped-def]
    cursor = QTextCursor(view.document())
    cursor.setPosition(u16 + 1)  # the format of the character before the cursor
    return cursor.charFormat()


def test_entities_are_coloured_at_their_characters_after_emoji_and_cyrillic(
    make_window, gui_library: Library
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(gui_library)
    window.open_article(2)
    view = window.findChild(QTextBrowser, "readerView")
    text = gui_library.articles.get(2).text
    analysis = gui_library.articles.analysis(2)
    assert analysis is not None
    astral = text.index("😀")
    shown = [e for e in analysis.entities if e.label not in view.hidden and e.start > astral]
    assert shown, "the fixture needs entities after the emoji"
    offsets = view.offsets
    for e in shown:
        a, b = offsets.span_to_utf16(e.start, e.end)
        cursor = QTextCursor(view.document())
        cursor.setPosition(a)
        cursor.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
        assert cursor.selectedText() == e.text
        fmt = _format_at(view, a)
        assert fmt.background().color() == entity_tint(e.label, view.palette()), e
    # The character just before an entity is not painted as it (unless another mark is).
    first = shown[0]
    before = _format_at(view, offsets.to_utf16(first.start) - 1)
    assert before.background().color() != entity_tint(first.label, view.palette())


def test_markup_is_shown_literally_and_links_are_not_followed(
    make_window, gui_library: Library
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(gui_library)
    window.open_article(2)
    view = window.findChild(QTextBrowser, "readerView")
    assert "<b>opposition</b>" in view.toPlainText()
    assert not view.openLinks()


def test_hiding_an_entity_type_removes_its_colour(make_window, gui_library: Library) -> None:  # type: ignore[no-untyped-def]
    window = make_window(gui_library)
    window.open_article(1)
    view = window.reader.view
    person = next(e for e in view.marks.entities if e.label == "PERSON")
    a = view.offsets.to_utf16(person.start)
    tint = entity_tint("PERSON", view.palette())
    assert _format_at(view, a).background().color() == tint
    window.reader.legend.buttons["PERSON"].click()
    assert _format_at(view, a).background().color() != tint
    assert not window.type_actions["PERSON"].isChecked()


def test_tooltips_say_what_a_mark_is(make_window, gui_library: Library) -> None:  # type: ignore[no-untyped-def]
    text = gui_library.articles.get(1).text
    start = text.index("border regime")
    gui_library.highlights.add(1, start, start + 13, tags=["borders"], note="key point")
    window = make_window(gui_library)
    window.open_article(1)
    view = window.reader.view
    person = next(e for e in view.marks.entities if e.label == "PERSON")
    assert "Person" in tooltip(view._mark_list, person.start, view.hidden)
    tip = tooltip(view._mark_list, start + 2, view.hidden)
    assert "borders" in tip
    assert "key point" in tip
    claim = window.claims.model.claims[0]
    assert claim.cue.text in tooltip(view._mark_list, claim.cue.start, view.hidden)
    citation = view.marks.citations[0]
    assert "Interfax" in tooltip(view._mark_list, citation.start + 1, view.hidden)


def test_clicking_an_entity_lists_its_mentions_across_articles(
    qtbot, make_window, gui_library: Library
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(gui_library)
    window.open_article(1)
    view = window.reader.view
    moscow = next(e for e in view.marks.entities if e.text == "Moscow")
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.offsets.to_utf16(moscow.start) + 1)
    rect = view.cursorRect(cursor)
    with qtbot.waitSignal(view.entityClicked, timeout=2000) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [moscow.cluster, moscow.label]
    side = window.findChild(QTabWidget, "sidePanel")
    assert side.currentWidget().objectName() == "entitiesPanel"
    mentions = window.entities.mentions.rows
    assert len({m.article_id for m in mentions}) == 1 or all(m.text for m in mentions)
    assert any(m.article_id == 1 and m.start == moscow.start for m in mentions)


def test_choosing_a_mention_in_another_article_goes_there(
    make_window, gui_library: Library
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(gui_library)
    window.open_article(1)
    interfax_like = [m for m in gui_library.entities.mentions("Interfax") if m.article_id == 2] or [
        m for m in gui_library.entities.mentions("Kyiv") if m.article_id == 2
    ]
    assert interfax_like
    target = interfax_like[0]
    window.show_entity(target.cluster, target.label)
    row = next(r for r, m in enumerate(window.entities.mentions.rows) if m.article_id == 2)
    window.entities._mention_clicked(window.entities.mentions.index(row, 0))
    assert window.article_id == 2
    assert window.reader.view.flashed_span() == (target.start, target.end)


def test_zoom_changes_the_text_size(make_window, gui_library: Library) -> None:  # type: ignore[no-untyped-def]
    window = make_window(gui_library)
    view = window.reader.view
    before = view.document().defaultFont().pointSizeF()
    window.act_zoom_in.trigger()
    assert view.document().defaultFont().pointSizeF() == before + 1
    window.act_zoom_out.trigger()
    window.act_zoom_out.trigger()
    assert view.document().defaultFont().pointSizeF() == before - 1
    assert QColor(view.palette().base().color()).isValid()
    assert view.viewport().mapToGlobal(QPoint(0, 0)) is not None


def test_a_text_in_another_script_says_why_it_has_no_entities(qtbot) -> None:  # type: ignore[no-untyped-def]
    from monitor_desk.core.models import Analysis, Article
    from monitor_desk.ui.reader.reader_pane import ReaderPane

    pane = ReaderPane()
    qtbot.addWidget(pane)
    pane.show()
    body = "Министр иностранных дел встретился в Женеве с коллегами и обсудил договор."
    russian = Article(1, "Новости", None, None, None, None, None, None, text=body)
    pane.show_article(russian, Analysis("en_core_web_sm", "3.8.0"), [], [])
    assert pane.status.isVisible()  # analysed before Russian was: say so
    assert "analyse this article again" in pane.status.text()
    body = "Міністр закордонних справ зустрівся в Женеві з колегами і обговорив договір."
    ukrainian = Article(3, "Новини", None, None, None, None, None, None, text=body)
    pane.show_article(ukrainian, Analysis("en_core_web_sm", "3.8.0", language="uk"), [], [])
    assert pane.status.isVisible()
    assert pane.status.text().startswith("No analysis for Ukrainian yet.")
    english = Article(2, "News", None, None, None, None, None, None, text="Quiet day in Kyiv.")
    pane.show_article(english, Analysis("en_core_web_sm", "3.8.0"), [], [])
    assert not pane.status.isVisible()
