"""Vietnamese text rules: cleaning, search folding, name casing and Vietnamese sort order."""

from __future__ import annotations

import unicodedata
from typing import TypeAlias

__all__ = [
    "CollationKey",
    "PersonSortKey",
    "capitalize_name",
    "capitalize_place",
    "clean_multiline",
    "clean_text",
    "collation_key",
    "fold",
    "name_sort_key",
    "person_sort_key",
    "split_name",
]

# A sort key is a tuple of levels, each a tuple of ints, so plain tuple comparison gives the order.
CollationKey: TypeAlias = tuple[tuple[int, ...], ...]
PersonSortKey: TypeAlias = tuple[CollationKey, CollationKey, CollationKey]

# Look-alikes of Đ/đ (Icelandic eth, African D) come from fonts and keyboards that lack Đ; a name typed
# with them would never match the same name typed properly.
_LOOKALIKES = str.maketrans({"\u00d0": "\u0110", "\u0189": "\u0110", "\u00f0": "\u0111", "\u0256": "\u0111"})
# Zero-width characters ride along with text pasted from web pages and Word; they are invisible on
# screen but make two equal-looking names compare unequal.
_INVISIBLE = str.maketrans({"\u200b": None, "\u2060": None, "\ufeff": None})

# Characters after which a name part starts again: syllables, hyphenated parts and the apostrophe of
# Tây Nguyên names ("H'Hen Niê"). U+02BC is a letter to Python, so it must be checked before isalpha.
_NAME_PART_BREAKS = frozenset(" -\u2010\u2011'\u2019\u02bc")

# fmt: off
_ALPHABET = (
    "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l", "m",
    "n", "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z",
)
# fmt: on
_LETTER_INDEX: dict[str, int] = {letter: index for index, letter in enumerate(_ALPHABET)}
# Tone marks in Vietnamese order: none (0) < huyền < hỏi < ngã < sắc < nặng.
_TONES: dict[str, int] = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
# Breve, circumflex and horn make new letters (ă â ê ô ơ ư), so they belong to the primary level.
_MODIFIERS = frozenset("\u0306\u0302\u031b")

# Primary weight bands; the gaps keep the classes apart whatever the code point inside a class is.
_SPACE_WEIGHT = 0
_NO_BASE_WEIGHT = 1  # a combining mark with nothing before it
_PUNCT_BASE = 2  # + code point, below 0x110002
_DIGIT_BASE = 0x200000  # + digit value, so every script's 7 sorts together
_NUMBER_LENGTH = 10  # + a number's length, in front of its digits: shorter numbers are smaller
_LETTER_BASE = 0x300000  # + position in the Vietnamese alphabet
_OTHER_LETTER_BASE = 0x400000  # + code point of the lower-case letter: non-Vietnamese letters after z

_TONE_RADIX = len(_TONES)
_MARK_RADIX = 0x110001


def clean_text(value: str | None) -> str:
    """Return a single-line value in NFC with look-alikes fixed and whitespace collapsed."""
    if not value:
        return ""
    text = unicodedata.normalize("NFC", value).translate(_LOOKALIKES).translate(_INVISIBLE)
    # str.split() with no argument splits on every Unicode space (NBSP, tabs, newlines, ...).
    text = " ".join(text.split())
    # Removing invisible characters can bring a base letter next to a combining mark: compose again.
    return unicodedata.normalize("NFC", text)


def clean_multiline(value: str | None) -> str:
    """Return a multi-line value cleaned line by line, with "\\n" line breaks and no blank edges."""
    if not value:
        return ""
    text = unicodedata.normalize("NFC", value).translate(_LOOKALIKES).translate(_INVISIBLE)
    # splitlines() knows \r\n, \r, \n and the Unicode separators, so every line break becomes "\n".
    lines = [unicodedata.normalize("NFC", " ".join(line.split())) for line in text.splitlines()]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)


def fold(value: str | None) -> str:
    """Return the search key: lower-case ASCII-like text without diacritics, đ as d, words spaced."""
    # Compatibility decomposition also folds full-width letters and ligatures typed from odd keyboards.
    text = unicodedata.normalize("NFKD", clean_text(value).casefold())
    out: list[str] = []
    for ch in text:
        if unicodedata.category(ch) == "Mn":
            continue  # tone marks and ă/â/ê/ô/ơ/ư modifiers, wherever the typist put them
        if ch == "\u0111":
            out.append("d")  # Unicode gives đ no decomposition, so stripping marks would keep it
        elif ch.isalnum():
            out.append(ch)
        else:
            out.append(" ")
    return " ".join("".join(out).casefold().split())


def capitalize_name(value: str) -> str:
    """Return a person's name with every syllable capitalised ("Nguyễn Thị Ánh")."""
    out: list[str] = []
    at_start = True
    for ch in clean_text(value):
        if ch in _NAME_PART_BREAKS:
            out.append(ch)
            at_start = True
        elif ch.isalpha():
            # title() not upper(): "ß".upper() is "SS", which a second pass would turn into "Ss".
            out.append(ch.title() if at_start else ch.lower())
            at_start = False
        else:
            out.append(ch)
    # Case mapping can yield decomposed text (e.g. "İ".lower()), and stored text must be NFC.
    return unicodedata.normalize("NFC", "".join(out))


def capitalize_place(value: str) -> str:
    """Return a place name with its lower-case words capitalised, keeping capitals already typed.

    "nà phái" becomes "Nà Phái", but "KDang" stays as the official spelling has it, and the common
    noun "số" stays lower-case as in "Tổ dân phố số 3".
    """
    words = clean_text(value).split(" ")
    shaped = [
        word
        if not word.islower() or (word == "số" and words[index + 1 :][:1] != [] and words[index + 1].isdigit())
        else capitalize_name(word)
        for index, word in enumerate(words)
    ]
    return " ".join(shaped)


def split_name(full_name: str) -> tuple[str, str, str]:
    """Return (family, middle, given) of a full name; a one-word name is a given name only."""
    words = clean_text(full_name).split()
    if not words:
        return ("", "", "")
    if len(words) == 1:
        return ("", "", words[0])
    return (words[0], " ".join(words[1:-1]), words[-1])


def _encode(digits: list[int], radix: int) -> int:
    """Return the bijective base-`radix` number of digits in 1..radix, so distinct lists differ."""
    number = 0
    for digit in digits:
        number = number * radix + digit
    return number


def _significant_digits(clusters: list[tuple[str, list[str]]], start: int) -> int:
    """The length of the number starting at clusters[start], leading zeros left out."""
    digits = []
    for base, _marks in clusters[start:]:
        if not base or unicodedata.digit(base, None) is None:
            break
        digits.append(unicodedata.digit(base))
    while len(digits) > 1 and digits[0] == 0:
        digits.pop(0)
    return len(digits)


def collation_key(value: str) -> CollationKey:
    """Return a key that sorts text in Vietnamese dictionary order, blind to NFC/NFD and tone placement."""
    # Walk the NFD text as clusters: one base character and the combining marks that follow it.
    clusters: list[tuple[str, list[str]]] = []
    for ch in unicodedata.normalize("NFD", clean_text(value)):
        if unicodedata.category(ch) == "Mn" and clusters:
            clusters[-1][1].append(ch)
        elif unicodedata.category(ch) == "Mn":
            clusters.append(("", [ch]))
        else:
            clusters.append((ch, []))

    primary: list[int] = []
    accents: list[int] = []  # marks Vietnamese does not use (ü, ç, ...), after the tones
    case: list[int] = []
    identity: list[int] = []  # the base code points, so only equivalent texts share a key
    # Tones count per word, not per letter: "hòa" and "hoà" put the same tone on different vowels.
    tones_by_segment: list[list[int]] = []
    in_word = False
    in_number = False
    weight: int | None

    for index, (base, marks) in enumerate(clusters):
        tones = [_TONES[mark] for mark in marks if mark in _TONES]
        others = [mark for mark in marks if mark not in _TONES]
        is_word_char = False
        if not base:
            weight = _NO_BASE_WEIGHT
        elif base.isspace():
            weight = _SPACE_WEIGHT
        elif unicodedata.digit(base, None) is not None:
            if index == 0 or unicodedata.digit(clusters[index - 1][0] or "x", None) is None:
                # A number sorts by its value ("Khu phố 2" before "Khu phố 10"): its length comes first.
                primary.append(_DIGIT_BASE + _NUMBER_LENGTH + _significant_digits(clusters, index))
                in_number = False
            digit = unicodedata.digit(base)
            following = clusters[index + 1][0] if index + 1 < len(clusters) else ""
            # Leading zeros add nothing to a number's value ("02" sorts as 2); they still count for identity.
            leading_zero = digit == 0 and not in_number and unicodedata.digit(following or "x", None) is not None
            in_number = in_number or not leading_zero
            weight = None if leading_zero else _DIGIT_BASE + digit
            is_word_char = True
        elif base.isalpha():
            lower = base.lower() if len(base.lower()) == 1 else base
            letter = lower
            for mark in others:
                combined = unicodedata.normalize("NFC", lower + mark)
                if mark in _MODIFIERS and combined in _LETTER_INDEX:
                    letter = combined
                    others.remove(mark)
                    break
            if letter in _LETTER_INDEX:
                weight = _LETTER_BASE + _LETTER_INDEX[letter]
            else:
                weight = _OTHER_LETTER_BASE + ord(lower)
            is_word_char = True
        else:
            weight = _PUNCT_BASE + ord(base)

        if is_word_char and in_word:
            tones_by_segment[-1].extend(tones)
        else:
            tones_by_segment.append(tones)
        in_word = is_word_char

        if weight is not None:
            primary.append(weight)
        accents.append(_encode([ord(mark) + 1 for mark in others], _MARK_RADIX))
        case.append(1 if base and base != base.lower() else 0)
        identity.append(ord(base) if base else 0)

    secondary = [_encode(tones, _TONE_RADIX) for tones in tones_by_segment]
    return (tuple(primary), tuple(secondary), tuple(accents), tuple(case), tuple(identity))


def person_sort_key(family: str, middle: str, given: str) -> PersonSortKey:
    """Return the roster sort key: given name first, then middle name, then family name."""
    return (collation_key(given), collation_key(middle), collation_key(family))


def name_sort_key(full_name: str) -> PersonSortKey:
    """Return the roster sort key of a full name typed in any case or spacing."""
    return person_sort_key(*split_name(capitalize_name(full_name)))
