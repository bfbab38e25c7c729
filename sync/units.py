"""Vietnam's administrative units since 1 July 2025 (34 provinces, 3,321 communes), from vietnam-provinces."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from vietnam_provinces import Province, Ward

from sync.records import CODE_SCHEME
from sync.text import fold

_DIVISION_WORDS = {"XA": "xã", "PHUONG": "phường", "DAC_KHU": "đặc khu"}


@dataclass(frozen=True)
class Commune:
    """A commune-level unit (xã, phường or đặc khu) with its province; codes are zero-padded strings."""

    code: str
    name: str  # without the division word, e.g. "Tân Thanh"
    division: str  # "xã", "phường" or "đặc khu"
    province_code: str
    province_name: str  # e.g. "Lạng Sơn"
    province_division: str  # "tỉnh" or "thành phố"
    scheme: str = CODE_SCHEME

    @property
    def full_name(self) -> str:
        """The unit as written in running text: "xã Tân Thanh"."""
        return f"{self.division} {self.name}"

    @property
    def province_full_name(self) -> str:
        """The province as written in running text: "tỉnh Lạng Sơn"."""
        return f"{self.province_division} {self.province_name}"


def _strip_division(name: str, division: str) -> str:
    prefix = division.capitalize() + " "
    return name[len(prefix) :] if name.startswith(prefix) else name


@lru_cache(maxsize=1)
def _communes() -> dict[str, Commune]:
    provinces = {int(p.code): p for p in Province.iter_all()}
    result = {}
    for ward in Ward.iter_all():
        division = _DIVISION_WORDS[ward.division_type.name]
        province = provinces[int(ward.province_code)]
        province_division = province.division_type.value  # "tỉnh" or "thành phố trung ương"
        province_word = "thành phố" if province_division.startswith("thành phố") else "tỉnh"
        code = f"{int(ward.code):05d}"
        result[code] = Commune(
            code=code,
            name=_strip_division(ward.name, division),
            division=division,
            province_code=f"{int(province.code):02d}",
            province_name=_strip_division(province.name, province_word),
            province_division=province_word,
        )
    return result


def normalise_code(code: str | int) -> str:
    """A commune code as stored: five digits, zero-padded."""
    text = str(code).strip()
    if not text.isdigit() or len(text) > 5:
        raise KeyError(code)
    return f"{int(text):05d}"


def find_commune(code: str | int) -> Commune:
    """The commune with this official code; KeyError when there is none."""
    return _communes()[normalise_code(code)]


def all_communes() -> list[Commune]:
    """Every commune, ordered by province code then commune code."""
    return sorted(_communes().values(), key=lambda c: (c.province_code, c.code))


def province_communes(province_code: str | int) -> list[Commune]:
    """The communes of one province."""
    wanted = f"{int(province_code):02d}"
    return [c for c in all_communes() if c.province_code == wanted]


def search_communes(text: str, limit: int = 20) -> list[Commune]:
    """Communes whose name, province or code matches text, diacritics optional ("tan thanh lang son").

    Every word typed must begin a word of the commune's description (so a stray "t" does not match
    the middle of "Phú Thượng"); communes whose own name matches the words come first.
    """
    words = fold(text).split()
    if not words:
        return all_communes()[:limit]
    found = []
    for commune in all_communes():
        haystack = _search_words(commune)
        if all(any(candidate.startswith(word) for candidate in haystack) for word in words):
            own_name = fold(commune.name).split()
            found.append((0 if own_name[: len(words)] == words else 1, commune))
    found.sort(key=lambda pair: pair[0])
    return [commune for _, commune in found[:limit]]


@lru_cache(maxsize=4096)
def _search_words(commune: Commune) -> tuple[str, ...]:
    return tuple(fold(f"{commune.division} {commune.name} {commune.province_name} {commune.code}").split())
