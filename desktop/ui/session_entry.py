"""Fast entry of support sessions from a stack of paper forms, and editing one picked in the table.

Made for the keyboard. Tab order, top to bottom: team, date, start and end time, place, the category
boxes (Space or a digit ticks one and moves to its count; ↑/↓ move between boxes), the total, the members
present (Space ticks), notes. Enter in any field saves and starts the next form with team, date and place
kept, the cursor back in the date (what changes from one form to the next); Esc clears the form. A form
logged this way takes about twenty keystrokes: "0502 Tab 8h Tab 10h30 Tab Tab 5 Enter".
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore QCoreApplication, QEvent, QObject, QStringListModel, Qt, Signal  # placeholder
