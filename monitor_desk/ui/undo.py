"""The window's one undo history: its Undo and Redo actions and keys, and the guard that
every undo command (highlights, tags, claims) shares.

The window makes the ``QUndoStack`` and hands it to whoever makes changes; a change is a
``GuardedCommand`` pushed with ``push``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from ..core.changes import NO_CHANGES, Changes
from ..core.errors import MonitorDeskError

_CTRL = Qt.KeyboardModifier.ControlModifier
_SHIFT = Qt.KeyboardModifier.ShiftModifier


def is_undo_key(event: QKeyEvent) -> bool:
    return event.matches(QKeySequence.StandardKey.Undo) or (
        event.key() == Qt.Key.Key_Z and event.modifiers() == _CTRL
    )


def is_redo_key(event: QKeyEvent) -> bool:
    """Ctrl+Shift+Z and Ctrl+Y on every platform, plus the platform's own."""
    mods = event.modifiers()
    return (
        event.matches(QKeySequence.StandardKey.Redo)
        or (event.key() == Qt.Key.Key_Y and mods == _CTRL)
        or (event.key() == Qt.Key.Key_Z and mods == _CTRL | _SHIFT)
    )


class UndoActions(QObject):
    """Undo and Redo for a window's stack, as actions and as keys.

    Attributes:
        stack: the window's ``QUndoStack``.
        act_undo, act_redo: the Edit menu's actions (their text names the step).
    """

    def __init__(self, stack: QUndoStack, window: QWidget) -> None:
        super().__init__(window)
        self.stack = stack
        self.window = window
        self.act_undo = stack.createUndoAction(window, "&Undo")
        self.act_undo.setShortcuts([QKeySequence("Ctrl+Z")])
        self.act_redo = stack.createRedoAction(window, "&Redo")
        self.act_redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        window.addActions([self.act_undo, self.act_redo])
        # Ctrl+Z that no shortcut took (the window not active, e.g. under test drivers)
        # and no child used (line edits keep their own undo) reaches the window: undo here.
        window.installEventFilter(self)

    @property
    def actions(self) -> list[QAction]:
        return [self.act_undo, self.act_redo]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (
            watched is self.window
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
        ):
            if is_redo_key(event):
                self.stack.redo()
                return True
            if is_undo_key(event):
                self.stack.undo()
                return True
        return super().eventFilter(watched, event)


class GuardedCommand(QUndoCommand):
    """An undo command whose steps the library may refuse.

    Subclasses write ``_redo`` (the first run is the change itself; later runs replay it)
    and ``_undo``, each returning the ``Changes`` the library reported, and ``_settled`` to
    tell the GUI what changed. A refused step (``MonitorDeskError``) is reported through
    ``failed`` and makes the command obsolete, so the stack drops it: an error never
    escapes into Qt's ``push``, ``undo`` or ``redo``.

    Attributes:
        ok: False once a step was refused.
        ran: the first ``redo`` has run; every later redo, and every undo, is a replay.
        changes: what the last step wrote (as the library said; none when refused).
        refused: the last step was refused.
    """

    def __init__(self, text: str, failed: Callable[[str], object]) -> None:
        super().__init__(text)
        self.ok = True
        self.ran = False
        self.changes = NO_CHANGES
        self.refused = False
        self._failed = failed

    def redo(self) -> None:
        replay, self.ran = self.ran, True
        self._guard(self._redo, replay)

    def undo(self) -> None:
        self._guard(self._undo, True)

    def _guard(self, step: Callable[[], Changes], replay: bool) -> None:
        self.changes, self.refused = NO_CHANGES, False
        try:
            self.changes = step()
        except MonitorDeskError as exc:
            self.ok, self.refused = False, True
            self.setObsolete(True)  # the stack drops a command that cannot run
            self._failed(str(exc))
            replay = False  # nothing changed: nothing to show
        self._settled(replay)

    def _redo(self) -> Changes:
        raise NotImplementedError

    def _undo(self) -> Changes:
        raise NotImplementedError

    def _settled(self, replay: bool) -> None:
        """After each step, refused or not; ``replay``: an undo or redo changed something
        that the window may want to show (it may be in an article that is not open)."""


def push(stack: QUndoStack, command: GuardedCommand) -> bool:
    """Run ``command`` and keep it for undo; False if the library refused it."""
    stack.push(command)
    return command.ok
