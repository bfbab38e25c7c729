"""Run a background job behind a progress dialog that can cancel it (demo data, backups, restores)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop.store.store import Store
from desktop.ui.context import Job, JobCancelled, Worker

SHOW_AFTER_MS = 400  # quick jobs finish before the dialog would flash up


def run_with_progress(
    worker: Worker,
    parent: QWidget | None,
    text: str,
    task: Callable[[Store, Job], Any],
    *,
    done: Callable[[Any], None] | None = None,
    failed: Callable[[BaseException], None] | None = None,
    cancelled: Callable[[], None] | None = None,
    changes: tuple[str, ...] = (),
    can_cancel: bool = True,
) -> Job:
    """Submit task to the worker with a window-modal progress dialog; done/failed/cancelled run after it closes."""
    dialog = QProgressDialog(parent)
    dialog.setWindowTitle(QCoreApplication.translate("JobProgress", "Đang xử lý"))
    dialog.setLabelText(text)
    dialog.setRange(0, 0)  # busy until the job reports a total
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    dialog.setMinimumWidth(420)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    if can_cancel:
        dialog.setCancelButtonText(QCoreApplication.translate("JobProgress", "Hủy"))
    else:
        dialog.setCancelButton(None)  # type: ignore[arg-type]

    def close() -> None:
        dialog.reset()
        dialog.close()
        dialog.deleteLater()

    def on_progress(count: int, total: int) -> None:
        if total > 0:
            dialog.setMaximum(total)
            dialog.setValue(min(count, total))

    def on_done(result: Any) -> None:
        close()
        if done is not None:
            done(result)

    def on_failed(error: BaseException) -> None:
        close()
        if isinstance(error, JobCancelled):
            if cancelled is not None:
                cancelled()
        elif failed is not None:
            failed(error)

    def checked(store: Store, job: Job) -> Any:
        job.check()  # cancelled while queued behind another job
        return task(store, job)

    dialog.setValue(0)  # starts the minimum-duration clock
    job = worker.submit(checked, done=on_done, failed=on_failed, progress=on_progress, changes=changes)
    dialog.canceled.connect(job.cancel)
    return job


def checking_progress(job: Job) -> Callable[[int, int], None]:
    """A progress callback for store functions that also stops the job when Hủy was pressed."""

    def report(done: int, total: int) -> None:
        job.check()
        job.progress(done, total)

    return report
