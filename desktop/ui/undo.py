"""Undo and redo of any store operation, by replaying the change log backwards and forwards.

An operation (one insert, an edit, dissolving a team, merging people…) runs once inside a transaction;
the change-log rows it wrote say exactly what it did. Undo applies their inverse as new edits — so the
history shows the undo too, and sync sends it like any other edit — and redo applies them again.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand, QUndoStack

from desktop.store.store import Store
from desktop.ui.context import Hub, Job, Worker

# Fields an edit never sets by hand: they follow from others (see sync.records tidy functions).
DERIVED_FIELDS = {"family_name", "middle_name", "given_name"}


class StoreCommand(QUndoCommand):
    """An operation that already ran, as the change-log rows it wrote; undo and redo replay them."""

    def __init__(
        self, store: Store, hub: Hub, text: str, changes: list[dict[str, Any]], worker: Worker | None = None
    ) -> None:
        super().__init__(text)
        self.store = store
        self.hub = hub
        self.changes = changes
        self.worker = worker  # set for operations too long for the GUI thread: their replay runs there too
        self._just_pushed = True

    def redo(self) -> None:
        if self._just_pushed:  # QUndoStack.push() calls redo(); the operation has already run
            self._just_pushed = False
            return
        self._replay(self.changes, forward=True)

    def undo(self) -> None:
        self._replay(list(reversed(self.changes)), forward=False)

    def _replay(self, changes: list[dict[str, Any]], *, forward: bool) -> None:
        if self.worker is not None:
            # The worker runs jobs in order, so quick Ctrl+Z presses still replay in the right order.
            self.worker.submit(
                lambda store, _job: _replay_all(store, changes, forward=forward),
                failed=lambda error: self._failed(error, forward=forward),
                changes=_types(changes),
            )
            return
        _replay_all(self.store, changes, forward=forward)
        self.hub.changed(_types(changes))

    def _failed(self, error: BaseException, *, forward: bool) -> None:
        if forward:
            message = QCoreApplication.translate("StoreCommand", "Không làm lại được: {error}")
        else:
            message = QCoreApplication.translate("StoreCommand", "Không hoàn tác được: {error}")
        self.hub.status_message.emit(message.format(error=error))


def _replay_all(store: Store, changes: list[dict[str, Any]], *, forward: bool) -> None:
    with store.transaction():
        for change in changes:
            _apply(store, change, forward=forward)


def run_undoable(stack: QUndoStack, store: Store, hub: Hub, text: str, operation: Callable[[Store], Any]) -> Any:
    """Run an operation in one transaction and put it on the undo stack; its errors propagate, nothing is pushed."""
    with store.transaction():
        before = _last_seq(store)
        result = operation(store)
        changes = _changes_since(store, before)
    if changes:
        hub.changed(_types(changes))
        stack.push(StoreCommand(store, hub, text, changes))
    return result


def submit_undoable(
    worker: Worker,
    stack: QUndoStack,
    text: str,
    operation: Callable[[Store, Job], Any],
    *,
    done: Callable[[Any], None] | None = None,
    failed: Callable[[BaseException], None] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Job:
    """run_undoable for operations too slow for the GUI thread: runs on a worker (ctx.writer), pushes undo when done."""

    def task(store: Store, job: Job) -> tuple[Any, list[dict[str, Any]]]:
        with store.transaction():
            before = _last_seq(store)
            result = operation(store, job)
            changes = _changes_since(store, before)
        return result, changes

    def finished(outcome: tuple[Any, list[dict[str, Any]]]) -> None:
        result, changes = outcome
        if changes:
            worker.hub.changed(_types(changes))
            # Undo and redo replay on the GUI thread's own connection (SQLite connections stay on their thread).
            stack.push(StoreCommand(worker.gui_store, worker.hub, text, changes, worker))
        if done is not None:
            done(result)

    return worker.submit(task, done=finished, failed=failed, progress=progress)


def _last_seq(store: Store) -> int:
    row = store.db.execute("SELECT coalesce(max(seq), 0) FROM changes").fetchone()
    return int(row[0])


def _changes_since(store: Store, seq: int) -> list[dict[str, Any]]:
    rows = store.db.query("SELECT record_type, record_id, op, fields FROM changes WHERE seq > ? ORDER BY seq", [seq])
    return [{**row, "fields": json.loads(row["fields"])} for row in rows]


def _types(changes: list[dict[str, Any]]) -> list[str]:
    return list(dict.fromkeys(change["record_type"] for change in changes))


def _apply(store: Store, change: dict[str, Any], *, forward: bool) -> None:
    """Apply one logged change again (forward) or its inverse (backward)."""
    type_name, record_id, op = change["record_type"], change["record_id"], change["op"]
    if op in ("insert", "restore"):
        (store.restore if forward else store.delete)(type_name, record_id)
    elif op == "delete":
        (store.delete if forward else store.restore)(type_name, record_id)
    else:
        side = 1 if forward else 0
        values = {name: pair[side] for name, pair in change["fields"].items() if name not in DERIVED_FIELDS}
        store.update(type_name, record_id, values)
