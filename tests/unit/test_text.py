"""Tests for sync.text: cleaning, folding, name casing and Vietnamese collation."""

from __future__ import annotations

import random
import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sync.text import (
    capitalize_name,
    clean_multiline,
    clean_text,
    collation_key,
    fold,
    name_sort_key,
    person_sort_key,
    split_name,
)


def nfd(value: str) -> str:
    """Return value decomposed, the way macOS and some keyboards deliver it."""
    return unicodedata.normalize("NFD", value)


def nfc(value: str) -> str:
    """Return value composed."""
    return unicodedata.normalize("NFC", value)


# --- Vietnamese alphabet for hypothesis -------------------------------------------------------------

# fmt: off
ALPHABET = [
    "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l", "m",
    "n", "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z",
]
# fmt: on
VOWELS = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"]
TONE_MARKS = ["", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"]  # none, huyền, hỏi, ngã, sắc, nặng
TONE_SET = frozenset(TONE_MARKS[1:])

# Every precomposed Vietnamese letter with every tone, lower and upper case.
LOWER_LETTERS = sorted(
    {nfc(vowel + tone) for vowel in VOWELS for tone in TONE_MARKS}
    | {letter for letter in ALPHABET if letter not in VOWELS}
)
LETTERS = sorted(set(LOWER_LETTERS) | {letter.upper() for letter in LOWER_LETTERS})
SPACES = [" ", "  ", "\u00a0", "\t", "\u2003"]

letter = st.sampled_from(LETTERS)
word = st.text(alphabet=letter, min_size=1, max_size=7)
phrase = st.lists(word, min_size=1, max_size=4).map(" ".join)
messy_phrase = st.builds(
    lambda words, seps, lead, trail: lead + "".join(w + s for w, s in zip(words, seps, strict=False)) + trail,
    st.lists(word, min_size=1, max_size=4),
    st.lists(st.sampled_from([*SPACES, "\n", "-", ", "]), min_size=4, max_size=4),
    st.sampled_from(["", " ", "\u00a0", "\n"]),
    st.sampled_from(["", " ", "\t", "\r\n"]),
)
# Either form, as typed on Windows (NFC) or pasted from a Mac (NFD), with Đ look-alikes mixed in.
any_form = st.builds(
    lambda text, decompose, lookalike: (nfd(text) if decompose else text).replace("Đ", "Ð" if lookalike else "Đ"),
    messy_phrase,
    st.booleans(),
    st.booleans(),
)


def remove_tones(value: str) -> str:
    """Return value without tone marks, keeping ă/â/ê/ô/ơ/ư and case (test oracle)."""
    return nfc("".join(ch for ch in nfd(value) if ch not in TONE_SET))


def tones_per_word(value: str) -> tuple[tuple[str, ...], ...]:
    """Return the tone marks of each space-separated word, in order (test oracle)."""
    return tuple(tuple(ch for ch in nfd(w) if ch in TONE_SET) for w in value.split(" "))


# --- clean_text ---------------------------------------------------------------------------------------


def test_clean_text_none_and_empty() -> None:
    assert clean_text(None) == ""
    assert clean_text("") == ""
    assert clean_text(" \u00a0\t\n ") == ""


def test_clean_text_composes_nfd() -> None:
    decomposed = nfd("Nguyễn Thị Ánh")
    assert decomposed != "Nguyễn Thị Ánh"
    assert clean_text(decomposed) == "Nguyễn Thị Ánh"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("\u00d0ặng Văn \u00d0ức", "Đặng Văn Đức"),  # Icelandic eth capital
        ("\u0189inh", "Đinh"),  # African D
        ("\u00f0\u1eb7ng", "đặng"),  # eth small
        ("\u0256ào", "đào"),  # African d
    ],
)
def test_clean_text_maps_d_lookalikes(raw: str, expected: str) -> None:
    assert clean_text(raw) == expected


def test_clean_text_collapses_whitespace() -> None:
    assert clean_text("  lường văn  đức ") == "lường văn đức"
    assert clean_text("Thôn\u00a0Nà\tPhái\nxã  Tân Thanh\r\n") == "Thôn Nà Phái xã Tân Thanh"


def test_clean_text_drops_zero_width_characters() -> None:
    assert clean_text("Lê\u200b An\ufeff") == "Lê An"


@given(any_form)
def test_clean_text_idempotent(value: str) -> None:
    once = clean_text(value)
    assert clean_text(once) == once
    assert once == nfc(once)
    assert once == once.strip()
    assert "  " not in once


@given(st.text())
def test_clean_text_idempotent_on_any_text(value: str) -> None:
    assert clean_text(clean_text(value)) == clean_text(value)


@given(any_form)
def test_clean_text_is_nfc_nfd_blind(value: str) -> None:
    assert clean_text(nfd(value)) == clean_text(nfc(value))


# --- clean_multiline ----------------------------------------------------------------------------------


def test_clean_multiline_keeps_line_breaks() -> None:
    raw = "\r\n\n  Căn cứ  Luật Tổ chức\u00a0chính quyền;  \r\nCăn cứ\tCông văn 793;\r\n\r\nGhi chú \n\n"
    assert clean_multiline(raw) == "Căn cứ Luật Tổ chức chính quyền;\nCăn cứ Công văn 793;\n\nGhi chú"


def test_clean_multiline_none_and_blank() -> None:
    assert clean_multiline(None) == ""
    assert clean_multiline(" \n\r\n \t ") == ""


def test_clean_multiline_composes_and_maps() -> None:
    assert clean_multiline(nfd("\u00d0ội Tổ\r\nthôn Nà Phái")) == "Đội Tổ\nthôn Nà Phái"


@given(any_form)
def test_clean_multiline_idempotent(value: str) -> None:
    once = clean_multiline(value)
    assert clean_multiline(once) == once
    assert "\r" not in once
    assert all(line == line.strip() for line in once.split("\n"))


# --- fold ---------------------------------------------------------------------------------------------


def test_fold_tone_placement() -> None:
    tone_on_o, tone_on_a = "hòa", "hoà"
    assert tone_on_o != tone_on_a  # different code points, same word
    assert fold(tone_on_o) == fold(tone_on_a) == "hoa"
    assert fold("Thuỷ") == fold("Thủy") == "thuy"


def test_fold_all_vowel_modifiers_and_d() -> None:
    assert fold("ăâêôơư ĂÂÊÔƠƯ") == "aaeoou aaeoou"
    assert fold("Đặng Đình Đức") == "dang dinh duc"
    assert fold("\u00d0ặng") == "dang"


def test_fold_nfd_and_punctuation() -> None:
    assert fold(nfd("Nguyễn Thị Ánh")) == "nguyen thi anh"
    assert fold("  Trần-Văn,  Bình (thôn 3)! ") == "tran van binh thon 3"
    assert fold(None) == ""


@given(any_form)
def test_fold_idempotent(value: str) -> None:
    assert fold(fold(value)) == fold(value)


@given(st.text())
def test_fold_idempotent_on_any_text(value: str) -> None:
    assert fold(fold(value)) == fold(value)


@given(any_form)
def test_fold_is_nfc_nfd_blind(value: str) -> None:
    assert fold(nfd(value)) == fold(nfc(value))


@given(any_form)
def test_fold_output_is_ascii_key(value: str) -> None:
    assert re.fullmatch(r"[a-z0-9 ]*", fold(value))
    assert fold(value) == fold(value).strip()
    assert "  " not in fold(value)


@given(phrase)
def test_fold_ignores_tone_placement_and_case(value: str) -> None:
    assert fold(value) == fold(remove_tones(value).upper())


# --- capitalize_name ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  lường văn  đức ", "Lường Văn Đức"),
        ("NGUYỄN thị ÁNH", "Nguyễn Thị Ánh"),
        (nfd("nguyễn thị như quỳnh"), "Nguyễn Thị Như Quỳnh"),
        ("\u00d0ặng văn ơn", "Đặng Văn Ơn"),
        ("nguyễn-trần  an", "Nguyễn-Trần An"),
        ("h'hen niê", "H'Hen Niê"),
        ("", ""),
    ],
)
def test_capitalize_name(raw: str, expected: str) -> None:
    assert capitalize_name(raw) == expected


@given(any_form)
def test_capitalize_name_idempotent(value: str) -> None:
    once = capitalize_name(value)
    assert capitalize_name(once) == once
    assert fold(once) == fold(value)


@given(st.text())
def test_capitalize_name_idempotent_on_any_text(value: str) -> None:
    assert capitalize_name(capitalize_name(value)) == capitalize_name(value)


@given(phrase)
def test_capitalize_name_every_syllable(value: str) -> None:
    for syllable in capitalize_name(value).split(" "):
        assert syllable[0].isupper()
        assert syllable[1:] == syllable[1:].lower()


# --- split_name ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("full", "parts"),
    [
        ("Nguyễn Thị Như Quỳnh", ("Nguyễn", "Thị Như", "Quỳnh")),
        ("Lường Văn Đức", ("Lường", "Văn", "Đức")),
        ("Lê An", ("Lê", "", "An")),
        ("An", ("", "", "An")),
        ("", ("", "", "")),
        ("  Hoàng   Thị  Em ", ("Hoàng", "Thị", "Em")),
    ],
)
def test_split_name(full: str, parts: tuple[str, str, str]) -> None:
    assert split_name(full) == parts


@given(phrase)
def test_split_name_round_trip(value: str) -> None:
    parts = split_name(value)
    assert " ".join(p for p in parts if p) == clean_text(value)
    assert parts[2]


# --- collation_key ------------------------------------------------------------------------------------


GIVEN_NAMES = ["An", "Ánh", "Ba", "Bình", "Chi", "Dũng", "Đạt", "Em", "Ênh", "Giang", "Ơn", "Uyên", "Ưng"]


def test_collation_given_names_vietnamese_order() -> None:
    shuffled = GIVEN_NAMES[:]
    random.Random(7).shuffle(shuffled)
    assert sorted(shuffled, key=collation_key) == GIVEN_NAMES
    # Code-point order puts Á, Đ, Ê, Ơ, Ư after z: the reason this module exists.
    assert sorted(GIVEN_NAMES) != GIVEN_NAMES


def test_collation_alphabet_order() -> None:
    letters = ALPHABET[:]
    random.Random(3).shuffle(letters)
    assert sorted(letters, key=collation_key) == ALPHABET
    assert sorted(letters) != ALPHABET


def test_collation_space_before_letters() -> None:
    assert collation_key("An") < collation_key("An Bình") < collation_key("Anh")
    assert collation_key("Lê-An") < collation_key("LêAn")
    assert collation_key("Tổ 2") < collation_key("Tổ A")  # digits before letters


def test_collation_tones_are_secondary() -> None:
    ordered = ["ma", "mà", "mả", "mã", "má", "mạ"]  # none < huyền < hỏi < ngã < sắc < nặng
    assert sorted(reversed(ordered), key=collation_key) == ordered
    # A letter difference anywhere outweighs a tone difference.
    assert collation_key("mạ") < collation_key("mac")
    assert collation_key("Ánh") < collation_key("Anh Ba")


def test_collation_case_is_tertiary() -> None:
    assert collation_key("an") < collation_key("An") < collation_key("àn")
    assert collation_key("an") != collation_key("An")


def test_collation_blind_to_form_and_tone_placement() -> None:
    assert collation_key("hòa") == collation_key("hoà")
    assert collation_key("Thủy") == collation_key("Thuỷ")
    assert collation_key(nfd("Nguyễn Ánh")) == collation_key("Nguyễn Ánh")
    assert collation_key("\u00d0ạt") == collation_key("Đạt")
    assert collation_key("Hòa") < collation_key("Hóa")


def test_collation_key_is_tuple_of_int_tuples() -> None:
    key = collation_key("Nguyễn Thị Ánh 2")
    assert isinstance(key, tuple)
    assert all(isinstance(level, tuple) for level in key)
    assert all(isinstance(n, int) for level in key for n in level)


@given(any_form)
def test_collation_nfc_nfd_blind(value: str) -> None:
    assert collation_key(nfd(value)) == collation_key(nfc(value))


@given(phrase, phrase)
def test_collation_equality_matches_toneless_text_and_tones(a: str, b: str) -> None:
    same_text = remove_tones(a) == remove_tones(b) and tones_per_word(a) == tones_per_word(b)
    assert (collation_key(a) == collation_key(b)) == same_text


@given(phrase, st.data())
def test_collation_moving_a_tone_inside_a_syllable_changes_nothing(value: str, data: st.DataObject) -> None:
    # Put each word's tone on a random letter of that word: "hòa" <-> "hoà".
    moved_words = []
    for w in value.split(" "):
        tones = [ch for ch in nfd(w) if ch in TONE_SET]
        bare = remove_tones(w)
        if len(tones) == 1:
            spot = data.draw(st.integers(0, len(bare) - 1))
            bare = nfc(bare[: spot + 1] + tones[0] + bare[spot + 1 :])
            moved_words.append(bare)
        else:
            moved_words.append(w)
    assert collation_key(" ".join(moved_words)) == collation_key(value)


@given(st.lists(st.sampled_from(ALPHABET), min_size=1, max_size=6), st.lists(st.sampled_from(ALPHABET)))
def test_collation_primary_follows_alphabet(a: list[str], b: list[str]) -> None:
    index_a = [ALPHABET.index(ch) for ch in a]
    index_b = [ALPHABET.index(ch) for ch in b]
    key_a, key_b = collation_key("".join(a)), collation_key("".join(b))
    assert (key_a < key_b) == (index_a < index_b)
    assert (key_a == key_b) == (index_a == index_b)


@given(phrase, phrase, phrase)
def test_collation_total_order(a: str, b: str, c: str) -> None:
    ka, kb, kc = collation_key(a), collation_key(b), collation_key(c)
    assert sum([ka < kb, ka == kb, ka > kb]) == 1  # trichotomy
    if ka <= kb and kb <= kc:
        assert ka <= kc  # transitivity
    if ka == kb:
        assert fold(a) == fold(b)


@given(st.lists(any_form, min_size=2, max_size=8), st.randoms())
def test_collation_sort_independent_of_input_order(values: list[str], rnd: random.Random) -> None:
    shuffled = values[:]
    rnd.shuffle(shuffled)
    first = [collation_key(v) for v in sorted(values, key=collation_key)]
    second = [collation_key(v) for v in sorted(shuffled, key=collation_key)]
    assert first == second


# --- person_sort_key / name_sort_key ------------------------------------------------------------------


def test_roster_sorts_by_given_then_middle_then_family() -> None:
    roster = [
        "Trần Văn Đạt",
        "  lường văn  đức ",
        "Nguyễn Thị Ánh",
        "Lê Văn An",
        "Hoàng Thị Em",
        "Vũ Thị Ánh",
        "Nguyễn Văn An",
        "Phạm Dũng",
        "Bùi Thị Ênh",
        "Đỗ Bình",
        "Ma Văn Ba",
        "Nông Thị Chi",
        nfd("Hà Văn An"),
    ]
    ordered = sorted(roster, key=name_sort_key)
    assert [capitalize_name(n) for n in ordered] == [
        "Hà Văn An",  # given An; middle Văn ties; family Hà < Lê < Nguyễn
        "Lê Văn An",
        "Nguyễn Văn An",
        "Nguyễn Thị Ánh",  # middle Thị; family Nguyễn < Vũ
        "Vũ Thị Ánh",
        "Ma Văn Ba",
        "Đỗ Bình",
        "Nông Thị Chi",
        "Phạm Dũng",
        "Trần Văn Đạt",
        "Lường Văn Đức",
        "Hoàng Thị Em",
        "Bùi Thị Ênh",
    ]


def test_person_sort_key_parts() -> None:
    assert person_sort_key("Nguyễn", "Thị Như", "Quỳnh") == (
        collation_key("Quỳnh"),
        collation_key("Thị Như"),
        collation_key("Nguyễn"),
    )
    assert name_sort_key("  nguyễn thị như  QUỲNH") == person_sort_key("Nguyễn", "Thị Như", "Quỳnh")


@given(any_form)
def test_name_sort_key_nfc_nfd_blind(value: str) -> None:
    assert name_sort_key(nfd(value)) == name_sort_key(nfc(value))


def test_numbers_in_names_sort_by_value() -> None:
    names = ["Khu phố 10", "Khu phố 2", "Tổ dân phố 1", "Khu phố 1", "Thôn 02", "Thôn 1", "Ấp 12", "Ấp 3"]
    assert sorted(names, key=collation_key) == [
        "Ấp 3",
        "Ấp 12",
        "Khu phố 1",
        "Khu phố 2",
        "Khu phố 10",
        "Thôn 1",
        "Thôn 02",
        "Tổ dân phố 1",
    ]
