"""First-run set-up as plain data: provinces and communes to pick from, village lists typed or pasted, one commit."""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from desktop.store import settings
from desktop.store.store import Store, StoreError
from sync.text import capitalize_name, capitalize_place, clean_text, collation_key, fold
from sync.units import Commune, all_communes, province_communes

# Kind words a village line may start with, as officials write them (abbreviations included).
# Longest first, so "Tổ dân phố 3" is not read as the kind word "Tổ" followed by "dân phố 3".
_KIND_WORDS: tuple[tuple[str, str], ...] = (
    ("to dan pho", "to_dan_pho"),
    ("khu pho", "khu_pho"),
    ("tdp", "to_dan_pho"),
    ("kp", "khu_pho"),
    ("thon", "thon"),
    ("buon", "buon"),
    ("lang", "lang"),
)
# Short kind words are matched with their diacritics only: folded, "bản" would also catch "Bàn Cờ"
# and "ấp" the word "Áp"; "tổ" counts as a residential group only when a number follows ("Tổ 5").
_EXACT_KIND_WORDS = {"bản": "ban", "ấp": "ap"}
# "1. Thôn Nà Phái", "2) Bản Chang", "03 - Khu phố 2": a list number with punctuation, or a bare
# number before a kind word; "Thôn 1" keeps its number because only the start of a line is looked at.
_NUMBERING = re.compile(r"^\s*(?:\d{1,4}|[ivxlc]{1,6}|[a-zđ])\s*[.):\-–—/]\s*", re.IGNORECASE)
_BARE_NUMBER = re.compile(r"^\s*\d{1,4}\s+")
# Rows above a pasted list: its title and header ("Danh sách thôn", "STT", "Tên thôn, tổ dân phố"…).
_HEADER_WORDS = ("stt", "tt", "so tt", "ten", "ten thon", "thon to dan pho", "danh sach")
MAX_VILLAGES = 500  # no commune has this many; a bigger paste is the wrong column or the wrong file


@dataclass(frozen=True)
class Province:
    """A province-level unit (tỉnh or thành phố) of the 2025 list."""

    code: str
    name: str  # "Lạng Sơn"
    division: str  # "tỉnh" or "thành phố"

    @property
    def full_name(self) -> str:
        """As in running text: "tỉnh Lạng Sơn"."""
        return f"{self.division} {self.name}"

    @property
    def title(self) -> str:
        """As a title starts: "Tỉnh Lạng Sơn", "Thành phố Huế"."""
        return _first_upper(self.full_name)


def _first_upper(text: str) -> str:
    return text[:1].upper() + text[1:]


def unit_title(commune: Commune) -> str:
    """The commune as a title starts: "Xã Tân Thành", "Phường Tam Thanh", "Đặc khu Phú Quốc"."""
    return _first_upper(commune.full_name)


@lru_cache(maxsize=1)
def provinces() -> tuple[Province, ...]:
    """The 34 provinces, in Vietnamese alphabetical order of their names."""
    found = {c.province_code: Province(c.province_code, c.province_name, c.province_division) for c in all_communes()}
    return tuple(sorted(found.values(), key=lambda p: collation_key(p.name)))


def _matches(words: list[str], haystack: str) -> bool:
    candidates = fold(haystack).split()
    return all(any(candidate.startswith(word) for candidate in candidates) for word in words)


def filter_provinces(text: str) -> list[Province]:
    """Provinces whose name or code has words starting with every word typed, diacritics optional."""
    words = fold(text).split()
    return [p for p in provinces() if _matches(words, f"{p.full_name} {p.code}")]


def filter_communes(province_code: str, text: str) -> list[Commune]:
    """A province's communes matching what was typed (name, "xã"/"phường", or code), alphabetical."""
    words = fold(text).split()
    found = [c for c in province_communes(province_code) if _matches(words, f"{c.full_name} {c.code}")]
    return sorted(found, key=lambda c: (collation_key(c.name), c.division))


def default_village_kind(commune: Commune | None) -> str:
    """What an unmarked village line is: tổ dân phố in a phường, thôn elsewhere."""
    return "to_dan_pho" if commune is not None and commune.division == "phường" else "thon"


@dataclass(frozen=True)
class VillageLine:
    """One village read from a list: its kind (a VILLAGE_KINDS value) and its name without the kind word."""

    kind: str
    name: str


@dataclass(frozen=True)
class VillageList:
    """Villages read from text: the distinct ones in order, and how many lines were repeats."""

    villages: tuple[VillageLine, ...]
    duplicates: int = 0
    too_many: bool = False


def _split_kind(text: str, default_kind: str) -> VillageLine:
    words = text.split()
    folded = fold(text)
    for kind_words, kind in _KIND_WORDS:
        size = len(kind_words.split())
        if folded == kind_words or folded.startswith(kind_words + " "):
            return VillageLine(kind, " ".join(words[size:]))
    first = words[0].casefold() if words else ""
    if first in _EXACT_KIND_WORDS:
        return VillageLine(_EXACT_KIND_WORDS[first], " ".join(words[1:]))
    if fold(first) == "to" and len(words) > 1 and re.fullmatch(r"(?:số\s+)?\d+\w?", " ".join(words[1:])):
        return VillageLine("to_dan_pho", " ".join(words[1:]))
    return VillageLine(default_kind, text)


def _first_text_cell(line: str) -> str:
    """A pasted spreadsheet row's first cell holding a name (an STT column of bare numbers is skipped)."""
    cells = [clean_text(cell) for cell in line.split("\t")]
    return next((cell for cell in cells if any(ch.isalpha() for ch in cell)), "")


def _is_header(text: str) -> bool:
    folded = fold(text)
    return any(folded == word or folded.startswith(word + " ") for word in _HEADER_WORDS)


def parse_villages(text: str, default_kind: str = "thon") -> VillageList:
    """Villages from text typed or pasted one per line: kind words read, list numbers and repeats dropped."""
    seen: set[tuple[str, str]] = set()
    found: list[VillageLine] = []
    duplicates = 0
    for raw_line in unicodedata.normalize("NFC", text).splitlines():
        cell = _first_text_cell(raw_line)
        if not cell or (not found and _is_header(cell)):  # title and header rows above the list
            continue
        line = _NUMBERING.sub("", cell, count=1)
        if _BARE_NUMBER.match(line) and _split_kind(_BARE_NUMBER.sub("", line), "").kind:
            line = _BARE_NUMBER.sub("", line, count=1)
        village = _split_kind(clean_text(line), default_kind)
        name = capitalize_place(village.name)
        if not name:
            continue
        key = (village.kind, fold(name))
        if key in seen:
            duplicates += 1
            continue
        seen.add(key)
        found.append(VillageLine(village.kind, name))
    return VillageList(tuple(found[:MAX_VILLAGES]), duplicates, len(found) > MAX_VILLAGES)


def read_first_column(path: Path) -> str:
    """The rows of a spreadsheet (.xlsx) or .csv file as lines of text, one per row, cells tab-separated."""
    suffix = path.suffix.lower()
    try:
        if suffix == ".xlsx":
            rows = _xlsx_rows(path)
        elif suffix in (".csv", ".txt"):
            rows = _csv_rows(path)
        else:
            raise StoreError(
                f"Không đọc được tệp “{path.name}”: hãy lưu danh sách dưới dạng .xlsx hoặc .csv.",
                f"Cannot read “{path.name}”: save the list as .xlsx or .csv.",
            )
    except OSError as error:
        raise StoreError(f"Không mở được tệp “{path.name}”: {error}", f"Cannot open “{path.name}”: {error}") from error
    return "\n".join("\t".join(row) for row in rows if any(cell.strip() for cell in row))


def _xlsx_rows(path: Path) -> list[list[str]]:
    from openpyxl import load_workbook  # only when a file is read: the import is slow

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds (zip, XML, key errors) for a damaged file
        raise StoreError(
            f"Tệp “{path.name}” không phải tệp Excel .xlsx đọc được.", f"“{path.name}” is not a readable .xlsx file."
        ) from error
    try:
        sheet = book.worksheets[0]
        rows = []
        for row in sheet.iter_rows(values_only=True):
            rows.append(["" if value is None else str(value) for value in row])
            if len(rows) > MAX_VILLAGES * 2:
                break
        return rows
    finally:
        book.close()


def _csv_rows(path: Path) -> list[list[str]]:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Excel's plain "CSV" on a Vietnamese Windows is code page 1258 (tones as combining marks).
        text = unicodedata.normalize("NFC", data.decode("cp1258", errors="replace"))
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return [row for row in csv.reader(io.StringIO(text), dialect)][: MAX_VILLAGES * 2]


def is_server_url(text: str) -> bool:
    """True for an http(s) address with a host ("https://cds.langson.gov.vn"); spaces are not allowed."""
    text = text.strip()
    if not text or any(ch.isspace() for ch in text):
        return False
    try:
        parts = urlsplit(text)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname)


OFFICIAL_SETTINGS = (
    settings.CHAIRMAN_NAME,
    settings.CHAIRMAN_TITLE,
    settings.VICE_CHAIRMAN_NAME,
    settings.DIGITAL_OFFICER_NAME,
    settings.DIGITAL_OFFICER_TITLE,
)
NAME_SETTINGS = (settings.CHAIRMAN_NAME, settings.VICE_CHAIRMAN_NAME, settings.DIGITAL_OFFICER_NAME)


def tidy_official(setting: settings.Setting, value: str) -> str:
    """An official's name capitalised per syllable; a title cleaned, its first letter capitalised."""
    text = clean_text(value)
    return capitalize_name(text) if setting in NAME_SETTINGS else _first_upper(text)


@dataclass
class CommuneSetup:
    """What the first-run wizard gathered; apply_setup() writes it in one transaction."""

    commune_code: str
    officials: dict[str, str] = field(default_factory=dict)  # setting key -> value
    server_url: str = ""
    villages: list[VillageLine] = field(default_factory=list)
    demo_sessions: int = 0  # > 0: fill the commune with demo data (then villages are not used)


def apply_setup(store: Store, setup: CommuneSetup, progress: Callable[[int, int], None] | None = None) -> Commune:
    """Set the commune, keep the officials and server address, add the villages (or demo data): all or nothing."""
    by_key = {s.key: s for s in OFFICIAL_SETTINGS}
    try:
        with store.transaction():
            commune = store.set_commune(setup.commune_code)
            for key, value in setup.officials.items():
                setting = by_key[key]
                settings.put(store, setting, tidy_official(setting, value))
            settings.put(store, settings.SERVER_URL, setup.server_url.strip())
            if setup.demo_sessions > 0:
                from desktop.store.demo import create_demo  # a big module, needed only for a trial set-up

                create_demo(store, commune_code=commune.code, sessions=setup.demo_sessions, progress=progress)
            else:
                _insert_villages(store, setup.villages, progress)
    except BaseException:
        # The transaction rolled back, but the store remembered the commune it set: read it again.
        store.reload()
        raise
    return commune


def _insert_villages(
    store: Store, villages: Iterable[VillageLine], progress: Callable[[int, int], None] | None
) -> None:
    items = list(villages)
    for done, village in enumerate(items, start=1):
        store.insert("villages", {"name": village.name, "kind": village.kind})
        if progress is not None:
            progress(done, len(items))
