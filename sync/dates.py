"""Dates as the project stores them (ISO yyyy-mm-dd) and as users read them (dd/MM/yyyy)."""

from __future__ import annotations

import re
from datetime import date, time

_DMY = re.compile(r"^\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})\s*$")
_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})\s*$")
_TIME = re.compile(r"^\s*(\d{1,2})[:hH.](\d{2})?\s*$")


def parse_date(value: str | date) -> date:
    """Read a date typed as dd/mm/yyyy (Vietnamese habit) or stored as yyyy-mm-dd; ValueError otherwise."""
    if isinstance(value, date):
        return value
    match = _ISO.match(value)
    if match:
        year, month, day = (int(part) for part in match.groups())
        return date(year, month, day)
    match = _DMY.match(value)
    if match:
        day, month, year = (int(part) for part in match.groups())
        return date(year, month, day)
    raise ValueError(value)


def parse_time(value: str | time) -> time:
    """Read a clock time typed as 8:30, 08h30, 8h or 14.15; ValueError otherwise."""
    if isinstance(value, time):
        return value
    match = _TIME.match(value)
    if not match:
        raise ValueError(value)
    return time(int(match.group(1)), int(match.group(2) or 0))


def iso_date(value: date) -> str:
    """The stored form of a date."""
    return value.isoformat()


def display_date(value: str | date | None) -> str:
    """dd/MM/yyyy for people; empty for no date."""
    if not value:
        return ""
    return parse_date(value).strftime("%d/%m/%Y")
