"""Japanese personal names (氏名) and their readings (フリガナ), compared as the clerk does.

The name on the application form, on the ID card and in the customer registry is often the same
name written differently. Verdicts:

- `match`: equal once width (全角/半角), spaces, Latin case and Unicode compatibility forms
  (NFKC, e.g. Kangxi radicals copied out of a PDF) are normalized. For readings, the script
  (hiragana/katakana, half-width katakana) and dash look-alikes for ー do not count either.
- `variant`: equal only after folding variant kanji (髙 → 高, 﨑 → 崎, 邊/邉 → 辺, 齋/齊/斉 →
  斎 …), compatibility ideographs (神 U+FA19 → 神), ideographic variation selectors, iteration
  marks (佐々木 = 佐佐木), hiragana vs katakana inside a written name, or — in readings — small
  kana (キャ/キヤ), long vowels (イチロー/イチロウ/イチロオ), ヴ/ブ, ヂ/ジ, ヅ/ズ, ヲ/オ, ヰ/イ,
  ヱ/エ; or equal except where one side has a character lost by a Shift_JIS system (〓, ?, or
  U+FFFD), which stands for exactly one character and never gives better than `variant`.
  龍 and 竜 are both valid name kanji: folding them is a `variant` for the clerk to judge.
- `mismatch`: anything else, and any comparison where a side is empty.

Decisions:

- Originals are kept: `normalize_name` applies NFKC everywhere except to CJK compatibility
  ideographs (U+F900–U+FAFF, U+2F800–U+2FA1F), which NFC/NFKC would rewrite silently. They fold
  to their unified form only in `fold_variants` and the comparison keys.
- A former surname (旧氏) in brackets beside the current name — 山田（佐藤）花子, 山田 花子
  （旧姓 佐藤）, 山田花子[旧氏:佐藤] — is left out of the comparison and reported in
  `former_surnames`; it is not compared with the other side (a registry that still holds the
  maiden name gives `mismatch`, and the clerk sees the former surname). Unlabelled kana in
  brackets beside a name with kanji is taken as furigana and dropped without being reported.
- When both sides are kana only, `compare_names` compares them as readings (`reading` true).
- The variant table and its sources are in `desktop/matching/_kanji_variants.py` (常用漢字表
  康熙字典体, 人名用漢字 異体字 via Unihan kJinmeiyoKanji, 表外漢字字体表, surname 俗字 checked
  against Unihan kSemanticVariant and the 国税庁 / 文字情報基盤 縮退マップ); compatibility
  ideographs follow the canonical decompositions of UnicodeData.txt (= Unihan
  kCompatibilityVariant).
- `romaji_matches_kana` accepts the Hepburn variants of passports (大野 → ONO/OONO/OHNO,
  し → SHI/SI, ち → CHI/TI, つ → TSU/TU, ん before b/m/p → M/N, ō/ô), either name order, and,
  for readings written without any small kana (as banks' systems do), the small kana they may
  have lost (ｷﾖｳｺ ≈ KYOKO).
"""

import difflib
import itertools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

from desktop.matching._kanji_variants import VARIANT_KANJI

__all__ = [
    "NameComparison",
    "NameVerdict",
    "compare_names",
    "compare_readings",
    "fold_variants",
    "name_key",
    "normalize_name",
    "reading_key",
    "romaji_matches_kana",
]


class NameVerdict(StrEnum):
    """How two written forms of a name relate."""

    MATCH = "match"
    VARIANT = "variant"  # equal only after folding variants, or through a lost character
    MISMATCH = "mismatch"


@dataclass(frozen=True)
class NameComparison:
    """The result of comparing two names (or two readings)."""

    verdict: NameVerdict
    a_normalized: str
    b_normalized: str
    folded: tuple[tuple[str, str], ...]  # (a's spelling, b's spelling) where they differ
    former_surnames: tuple[str, ...]  # 旧氏 found in brackets on either side
    reading: bool  # compared as readings (kana)

    def to_json(self, a: str, b: str) -> dict[str, object]:
        """The fields of `kaiji match-name A B --json`."""
        return {
            "a": a,
            "b": b,
            "verdict": self.verdict.value,
            "a_normalized": self.a_normalized,
            "b_normalized": self.b_normalized,
            "folded": [list(pair) for pair in self.folded],
            "former_surnames": list(self.former_surnames),
            "reading": self.reading,
        }


# --- Characters -------------------------------------------------------------------------------

_WILDCARDS = frozenset("〓?\ufffd")  # what Shift_JIS conversions leave for a lost character
_ITERATION = frozenset("々〻ゝヽ")  # repeat the previous character
_ITERATION_VOICED = frozenset("ゞヾ")  # repeat it voiced
_DASHES = frozenset("-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2500\u2501\u301c~")
_READING_SEPARATORS = frozenset(" ・゠=")
_PRE_NFKC = str.maketrans(
    {"\u309b": "\u3099", "\u309c": "\u309a", "\u200b": None, "\u2060": None, "\ufeff": None}
)
_WHITESPACE = re.compile(r"\s+")


def _is_compatibility_ideograph(char: str) -> bool:
    return "\uf900" <= char <= "\ufaff" or "\U0002f800" <= char <= "\U0002fa1f"


def _build_fold() -> dict[str, str]:
    fold = dict(VARIANT_KANJI)
    for first, last in ((0xF900, 0xFAFF), (0x2F800, 0x2FA1F)):
        for code in range(first, last + 1):
            decomposition = unicodedata.decomposition(chr(code))
            if decomposition and not decomposition.startswith("<") and " " not in decomposition:
                unified = chr(int(decomposition, 16))
                fold[chr(code)] = VARIANT_KANJI.get(unified, unified)
    return fold


_FOLD = _build_fold()


def _is_kana(char: str) -> bool:
    return "\u3041" <= char <= "\u30ff" or "\u31f0" <= char <= "\u31ff"


def _is_kana_letter(char: str) -> bool:
    return "\u3041" <= char <= "\u3096" or "\u30a1" <= char <= "\u30fa"


def _to_katakana(text: str) -> str:
    return "".join(
        chr(ord(c) + 0x60) if "\u3041" <= c <= "\u3096" or c in "ゝゞ" else c for c in text
    )


def _voiced(char: str) -> str:
    composed = unicodedata.normalize("NFC", char + "\u3099")
    return composed if len(composed) == 1 else char


# --- Normalization ----------------------------------------------------------------------------


def normalize_name(text: str) -> str:
    """Width, compatibility forms and spaces, keeping compatibility ideographs as written.

    NFKC is applied to everything except CJK compatibility ideographs (so 神 U+FA19 stays
    distinct from 神 until `fold_variants`); dakuten are composed (ｶﾞ, か゛ → が); zero-width
    characters go; any run of whitespace (full-width space included) becomes one space.
    Not variant-folded.
    """
    text = text.translate(_PRE_NFKC)
    pieces = [
        "".join(run) if kept else unicodedata.normalize("NFKC", "".join(run))
        for kept, run in itertools.groupby(text, key=_is_compatibility_ideograph)
    ]
    return _WHITESPACE.sub(" ", "".join(pieces)).strip()


def fold_variants(text: str) -> str:
    """`normalize_name`, then variant kanji and compatibility ideographs to their common form.

    Ideographic variation selectors are dropped (葛󠄀 → 葛). Spaces, kana and iteration marks are
    left as they are: see `name_key` for the key that compares them too.
    """
    return "".join(
        _FOLD.get(char, char) for char in normalize_name(text) if not _is_variation_selector(char)
    )


def _is_variation_selector(char: str) -> bool:
    return "\ufe00" <= char <= "\ufe0f" or "\U000e0100" <= char <= "\U000e01ef"


def _compact(text: str, drop: frozenset[str] = frozenset(" ")) -> str:
    """Normalized text without spaces (and `drop`), renormalized so that marks join again."""
    previous = None
    while text != previous:
        previous = text
        text = "".join(c for c in normalize_name(text) if c not in drop)
    return text


def _units(text: str) -> list[str]:
    """Characters with the combining marks and variation selectors that follow them."""
    units: list[str] = []
    for char in text:
        if units and unicodedata.category(char).startswith("M"):
            units[-1] += char
        elif _is_variation_selector(char):
            continue  # selects nothing
        else:
            units.append(char)
    return units


# --- Former surnames (旧氏) --------------------------------------------------------------------

_BRACKETED = re.compile(r"[(\[【〔]([^()\[\]【】〔〕]*)(?:[)\]】〕]|$)")
_FORMER_LABEL = re.compile(r"^(?:旧姓|旧氏|舊姓|舊氏|旧)\s*[:・]?\s*")


def _split_former(normalized: str) -> tuple[str, tuple[str, ...]]:
    """Take bracketed former surnames (and furigana) out of a normalized name."""
    found: list[tuple[str, bool]] = []

    def take(match: re.Match[str]) -> str:
        content = match.group(1).strip()
        label = _FORMER_LABEL.match(content)
        if label:
            content = content[label.end() :].strip()
        if content:
            found.append((content, label is not None))
        return " "

    rest, previous = normalized, None
    while rest != previous:  # nested or unclosed brackets: (( → ( → nothing
        previous, rest = rest, _BRACKETED.sub(take, rest)
    rest = _WHITESPACE.sub(" ", rest).strip()
    written = any(c.isalpha() and not _is_kana(c) for c in rest)
    former = [
        content for content, labelled in found if labelled or not (written and _is_reading(content))
    ]
    return rest, tuple(dict.fromkeys(former))


# --- Written names ----------------------------------------------------------------------------


def _is_reading(text: str) -> bool:
    """Kana only (with separators, dashes, 々 and lost characters), and at least one kana letter."""
    letters = False
    for char in text:
        if _is_kana_letter(char):
            letters = True
        elif not (
            _is_kana(char)
            or char in _ITERATION
            or _is_variation_selector(char)
            or char in _READING_SEPARATORS
            or char in _DASHES
            or char in _WILDCARDS
        ):
            return False
    return letters


def _fold_units(units: list[str]) -> list[str]:
    folded: list[str] = []
    for unit in units:
        base = unit[0]
        marks = "".join(c for c in unit[1:] if not _is_variation_selector(c))
        if base in _ITERATION and folded:
            folded.append(folded[-1])
        elif base in _ITERATION_VOICED and folded:
            folded.append(_voiced(folded[-1]))
        else:
            unit_key = _to_katakana(_FOLD.get(base, base) + marks).lower()
            folded.append(unicodedata.normalize("NFC", unit_key))  # う󠄀゙ → ヴ
    return folded


def name_key(text: str) -> str:
    """A search key for an index: the comparison key of `compare_names`, without spaces.

    Bracketed former surnames are left out; a kana-only name gives its `reading_key`. Equal keys
    mean the verdict is `match` or `variant`.
    """
    name, _ = _split_former(normalize_name(text))
    if _is_reading(name):
        return reading_key(name)
    return "".join(_fold_units(_units(_compact(name))))


def compare_names(a: str, b: str) -> NameComparison:
    """Compare two written names; when both are kana only, compare them as readings."""
    a_name, a_former = _split_former(normalize_name(a))
    b_name, b_former = _split_former(normalize_name(b))
    former = tuple(dict.fromkeys(a_former + b_former))
    if _is_reading(a_name) and _is_reading(b_name):
        return _compare_readings(a_name, b_name, former)
    a_units, b_units = _units(_compact(a_name)), _units(_compact(b_name))

    def result(verdict: NameVerdict, folded: tuple[tuple[str, str], ...] = ()) -> NameComparison:
        return NameComparison(verdict, a_name, b_name, folded, former, reading=False)

    if not a_units or not b_units:
        return result(NameVerdict.MISMATCH)
    lost = any(u[0] in _WILDCARDS for u in a_units + b_units)
    a_plain, b_plain = [u.lower() for u in a_units], [u.lower() for u in b_units]
    if a_plain == b_plain and not lost:
        return result(NameVerdict.MATCH)
    a_fold, b_fold = _fold_units(a_units), _fold_units(b_units)
    if len(a_fold) != len(b_fold) or not all(
        x == y or x in _WILDCARDS or y in _WILDCARDS for x, y in zip(a_fold, b_fold, strict=True)
    ):
        return result(NameVerdict.MISMATCH)
    differing = (
        (x, y)
        for x, y, px, py in zip(a_units, b_units, a_plain, b_plain, strict=True)
        if px != py or x[0] in _WILDCARDS or y[0] in _WILDCARDS
    )
    return result(NameVerdict.VARIANT, tuple(dict.fromkeys(differing)))


# --- Readings ---------------------------------------------------------------------------------

_SMALL_TO_LARGE = "ァアィイゥウェエォオッツャヤュユョヨヮワヵカヶケ"
_READING_FOLD = str.maketrans(
    dict(zip(_SMALL_TO_LARGE[::2], _SMALL_TO_LARGE[1::2], strict=True))
    | dict(zip("ヂヅヲヰヱヴヷヸヹヺ", "ジズオイエブバビベボ", strict=True))
    | dict(zip("ㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ", "クシストヌハヒフヘホムラリルレロ", strict=True))
)
_BU_VOWEL = re.compile("ブ([アイエオ])")
_BU_VOWEL_FOLD = {"ア": "バ", "イ": "ビ", "エ": "ベ", "オ": "ボ"}
_KANA = (
    "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロ"
    "ワヰヱヲンガギグゲゴザジズゼゾダヂヅデドバビブベボパピプペポヴァィゥェォャュョヮヵヶ"
)
_HEPBURN = (
    "A I U E O KA KI KU KE KO SA SHI SU SE SO TA CHI TSU TE TO NA NI NU NE NO HA HI FU HE HO "
    "MA MI MU ME MO YA YU YO RA RI RU RE RO WA I E O N GA GI GU GE GO ZA JI ZU ZE ZO DA JI ZU "
    "DE DO BA BI BU BE BO PA PI PU PE PO VU A I U E O YA YU YO WA KA KE"
)
_FOREIGN_SOUNDS = (
    "ファ:FA フィ:FI フェ:FE フォ:FO フュ:FYU ティ:TI ディ:DI トゥ:TU ドゥ:DU テュ:TYU "
    "デュ:DYU シェ:SHE ジェ:JE チェ:CHE ツァ:TSA ツィ:TSI ツェ:TSE ツォ:TSO ウィ:WI "
    "ウェ:WE ウォ:WO ヴァ:VA ヴィ:VI ヴェ:VE ヴォ:VO ヴュ:VYU イェ:YE クァ:KWA グァ:GWA"
)
_ROMAJI = dict(zip(_KANA, _HEPBURN.split(), strict=True))
_DIGRAPHS = {
    kana + small: (stem if stem in ("SH", "CH", "J") else stem + "Y") + vowel
    for kana in "キシチニヒミリギジヂビピ"
    for stem in (_ROMAJI[kana][:-1],)
    for small, vowel in (("ャ", "A"), ("ュ", "U"), ("ョ", "O"))
} | {kana: romaji for kana, romaji in (pair.split(":") for pair in _FOREIGN_SOUNDS.split())}
_VOWEL_OF = {kana: romaji[-1] for kana, romaji in _ROMAJI.items() if romaji[-1] in "AIUEO"}
_LONG_AFTER = {"A": "ア", "I": "イ", "U": "ウ", "E": "エ", "O": "オウ"}


def _reading_plain(text: str) -> str:
    """Katakana without separators, dashes as ー: readings that differ only in form are equal."""
    text = "".join(c for c in text if not _is_variation_selector(c))
    katakana = normalize_name(_to_katakana(_compact(text, _READING_SEPARATORS)))  # を゙ → ヺ
    return "".join("ー" if c in _DASHES else c for c in katakana)


def _expand_iteration(kana: str) -> str:
    out: list[str] = []
    for char in kana:
        if char in _ITERATION and out:
            out.append(out[-1])
        elif char in _ITERATION_VOICED and out:
            out.append(_voiced(out[-1]))
        else:
            out.append(char)
    return "".join(out)


def _fold_reading(plain: str) -> str:
    # Folding can let a stray mark join the kana before it (ッﾞ → ツﾞ → ヅ): compose, fold again.
    folded = _expand_iteration(plain).translate(_READING_FOLD)
    folded = unicodedata.normalize("NFC", folded).translate(_READING_FOLD)
    text = _BU_VOWEL.sub(lambda m: _BU_VOWEL_FOLD[m.group(1)], folded)
    out: list[str] = []
    vowel: str | None = None
    for char in text:
        if char == "ー" or (vowel is not None and char in _LONG_AFTER[vowel]):
            out.append("ー")
        else:
            out.append(char)
            vowel = _VOWEL_OF.get(char)
    return "".join(out)


def reading_key(kana: str) -> str:
    """A search key for readings: katakana, full width, no separators, folded.

    Small kana become large, ヂ/ヅ/ヲ/ヰ/ヱ/ヴ become ジ/ズ/オ/イ/エ/ブ (ヴァ → バ …), iteration
    marks are spelled out, and a vowel that lengthens the one before it becomes ー
    (イチロウ, イチロオ, イチロー → イチロー; オオノ → オーノ).
    """
    name, _ = _split_former(normalize_name(kana))
    return _fold_reading(_reading_plain(name))


def compare_readings(a: str, b: str) -> NameComparison:
    """Compare two readings (furigana): scripts and widths are equal, folds give `variant`."""
    a_name, a_former = _split_former(normalize_name(a))
    b_name, b_former = _split_former(normalize_name(b))
    return _compare_readings(a_name, b_name, tuple(dict.fromkeys(a_former + b_former)))


def _reading_display(name: str) -> str:
    return "".join("ー" if c in _DASHES else c for c in _to_katakana(name))


def _compare_readings(a_name: str, b_name: str, former: tuple[str, ...]) -> NameComparison:
    a_plain, b_plain = _reading_plain(a_name), _reading_plain(b_name)

    def result(verdict: NameVerdict, folded: tuple[tuple[str, str], ...] = ()) -> NameComparison:
        return NameComparison(
            verdict, _reading_display(a_name), _reading_display(b_name), folded, former, True
        )

    if not a_plain or not b_plain:
        return result(NameVerdict.MISMATCH)
    lost = any(c in _WILDCARDS for c in a_plain + b_plain)
    if a_plain == b_plain and not lost:
        return result(NameVerdict.MATCH)
    a_key, b_key = _fold_reading(a_plain), _fold_reading(b_plain)
    if a_key != b_key and (
        len(a_key) != len(b_key)
        or not all(
            x == y or x in _WILDCARDS or y in _WILDCARDS for x, y in zip(a_key, b_key, strict=True)
        )
    ):
        return result(NameVerdict.MISMATCH)
    matcher = difflib.SequenceMatcher(None, a_plain, b_plain, autojunk=False)
    differing = [
        (a_plain[i1:i2], b_plain[j1:j2])
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
        if tag != "equal"
    ]
    differing += [(c, c) for c in a_plain if c in _WILDCARDS and c in b_plain]
    return result(NameVerdict.VARIANT, tuple(dict.fromkeys(differing)))


# --- Romaji (passports) -----------------------------------------------------------------------

_ROMAJI_RULES = (
    (re.compile("SY"), "SH"),
    (re.compile("ZY|JY|DY"), "J"),
    (re.compile("TY|CY"), "CH"),
    (re.compile("CCH"), "TCH"),
    (re.compile("SI"), "SHI"),
    (re.compile("ZI|DI"), "JI"),
    (re.compile("TI"), "CHI"),
    (re.compile("TU"), "TSU"),
    (re.compile("DU"), "ZU"),
    (re.compile("(?<![SC])HU"), "FU"),
    (re.compile("M(?=[BMP])"), "N"),
    (re.compile("OH(?![AIUEO])"), "O"),
)
_LONG_VOWEL = re.compile("O[OU]|AA|II|UU|EE")


def _canonical_romaji(text: str) -> str:
    """One spelling for the Hepburn, Kunrei and passport variants of the same reading."""
    text = re.sub("[^A-Z]", "", _strip_marks(text).upper()).replace("L", "R").replace("V", "B")
    for pattern, replacement in _ROMAJI_RULES:
        text = pattern.sub(replacement, text)
    previous = None
    while text != previous:
        previous = text
        text = _LONG_VOWEL.sub(lambda m: m.group()[0], text)
    return text


def _kana_to_romaji(kana: str) -> str | None:
    """Hepburn for katakana; None when a character is not kana."""
    out: list[str] = []
    double = False
    i = 0
    while i < len(kana):
        if kana[i : i + 2] in _DIGRAPHS:
            romaji, i = _DIGRAPHS[kana[i : i + 2]], i + 2
        elif kana[i] == "ッ":
            double, i = True, i + 1
            continue
        elif kana[i] == "ー":
            romaji, i = (out[-1][-1] if out and out[-1] and out[-1][-1] in "AIUEO" else ""), i + 1
        elif kana[i] in _ROMAJI:
            romaji, i = _ROMAJI[kana[i]], i + 1
        else:
            return None
        if double and romaji and romaji[0] not in "AIUEO":
            romaji = ("T" if romaji.startswith("CH") else romaji[0]) + romaji
        double = False
        out.append(romaji)
    return "".join(out)


_SMALL_AFTER_I = frozenset("キシチニヒミリギジヂビピ")
_SMALL_OF = {"ヤ": "ャ", "ユ": "ュ", "ヨ": "ョ", "ツ": "ッ", "ア": "ァ", "イ": "ィ", "ウ": "ゥ"}
_SMALL_OF |= {"エ": "ェ", "オ": "ォ"}
_VOWELS_N = frozenset("アイウエオンー")


def _small_kana_guesses(kana: str) -> Iterator[str]:
    """The reading itself, and if it has no small kana at all, the ones it may have lost."""
    yield kana
    if any(c in _SMALL_TO_LARGE[::2] for c in kana):
        return
    places = [
        i
        for i in range(1, len(kana))
        if (kana[i] in "ヤユヨ" and kana[i - 1] in _SMALL_AFTER_I)
        or (kana[i] in "アイウエオ" and kana[i - 1] + _SMALL_OF[kana[i]] in _DIGRAPHS)
    ] + [i for i in range(len(kana) - 1) if kana[i] == "ツ" and kana[i + 1] not in _VOWELS_N]
    for chosen in itertools.product((False, True), repeat=min(len(places), 10)):
        if any(chosen):
            chars = list(kana)
            for i, small in zip(places, chosen, strict=False):
                if small:
                    chars[i] = _SMALL_OF[chars[i]]
            yield "".join(chars)


def romaji_matches_kana(romaji: str, kana: str) -> bool:
    """Whether a romaji name (a passport's SURNAME GIVEN) can be a spelling of a kana reading.

    Hepburn and Kunrei spellings, long vowels written or not (O/OO/OH/OU, U/UU), ん as M or N
    before b/m/p, macrons, spaces and hyphens are all accepted; the two names may be in either
    order. Bracketed former surnames on either side are ignored.
    """
    words = re.findall("[A-Z]+", _strip_marks(_split_former(normalize_name(romaji))[0]).upper())
    name, _ = _split_former(normalize_name(kana))
    plain = _expand_iteration(_reading_plain(name))
    if not words or not plain:
        return False
    targets = {_canonical_romaji("".join(words))}
    if len(words) == 2:
        targets.add(_canonical_romaji(words[1] + words[0]))
    for guess in _small_kana_guesses(plain):
        spelled = _kana_to_romaji(guess)
        if spelled is not None and _canonical_romaji(spelled) in targets:
            return True
    return False


def _strip_marks(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


_PASSPORT_LONG = re.compile("OU|OO|UU")


def romanised_name(kana: str) -> str:
    """A kana reading written in passport Hepburn, family name first in capitals, as
    `YAMADA Taro`; empty when the reading is not plain kana (no guess for an English letter)."""
    parts = [p for p in re.split("[\\s\u3000・]+", normalize_name(kana).strip()) if p]
    words = []
    for part in parts:
        spelled = _kana_to_romaji(_expand_iteration(_reading_plain(part)))
        if not spelled:
            return ""
        words.append(_PASSPORT_LONG.sub(lambda m: m.group()[0], spelled))
    if not words:
        return ""
    return " ".join([words[0], *(w.capitalize() for w in words[1:])])
