"""Where Japanese text may break into lines: 禁則 for running text, components for addresses.

Running text breaks between any two characters except that no line starts with closing
punctuation or a small kana (。、）」 …) and none ends with opening punctuation (（「 …); a Latin
word or a number stays whole. An address breaks only between its components (都道府県, 市区町村,
町域, 丁目, 番地・号, building, room): never inside 「25番15号」, 「1-2-3」 or 「グランドメゾン」.

Measuring is the caller's: `fits(text)` says whether a line of that text fits the width.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

# 行頭禁則: closing brackets and punctuation, iteration marks, small kana, the prolonged sound mark.
CANNOT_START = frozenset(
    "、。，．,.）〕］｝〉》」』】〙〗〟’”)]}!?！？‼⁇⁈⁉：；:;・･ゝゞヽヾ々〻ー―‐–〜～"
    "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ%％°′″℃"
)
# 行末禁則: opening brackets and quotation marks, and prefixes that belong to what follows.
CANNOT_END = frozenset("（〔［｛〈《「『【〘〖〝‘“([{〒＃#＄$￥¥£＠@")

_SPACES = " \u3000"
_KANJI_DIGITS = "〇一二三四五六七八九十百千"
_DIGITS = "0-9０-９"
# A block number run: 25番15号, 1-2-3, 2番地の1, 十二番, 三丁目 (a dash-like mark joins numbers).
_NUMBER = rf"[{_DIGITS}{_KANJI_DIGITS}]+"
_NUMBER_RUN = re.compile(
    rf"{_NUMBER}(?:(?:番地の?|番|号|の|[-－‐‑‒–—―−ー]){_NUMBER})*(?:丁目|番地|番|号室|号|階|F)?"
)
_LATIN = re.compile(r"[A-Za-zＡ-Ｚａ-ｚ0-9０-９'’.&\-]+")
_KATAKANA = re.compile(r"[ァ-ヺー・ヽヾｦ-ﾟ]+")
# Administrative suffixes that end a component (北海道|札幌市|中央区|…).
_SUFFIXES = frozenset("都道府県市区郡町村")
_BLOCK_MARKERS = ("丁目", "番地", "番", "号", "号室", "階")


def _is_kanji(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff" or char in "々〆ヶ"


def _glue(tokens: list[str]) -> list[str]:
    """Join a token that may not start a line to the one before, and one that may not end a
    line to the one after."""
    joined: list[str] = []
    for token in tokens:
        held = joined and (token[0] in CANNOT_START or joined[-1][-1] in CANNOT_END)
        if held and token[0] not in _SPACES and joined[-1][-1] not in _SPACES:
            joined[-1] += token
            continue
        joined.append(token)
    return joined


def _text_tokens(text: str) -> list[str]:
    """Running text: one token per character, a Latin word or number whole, spaces apart."""
    tokens: list[str] = []
    position = 0
    while position < len(text):
        word = _LATIN.match(text, position)
        if word:
            tokens.append(word.group())
            position = word.end()
        else:
            tokens.append(text[position])
            position += 1
    return tokens


def _kanji_run_tokens(run: str) -> list[str]:
    """A run of kanji split after an administrative suffix, when what came before is a name
    of two or more characters and the next character is not a suffix too (京都府, 四日市市)."""
    tokens: list[str] = []
    start = 0
    for index, char in enumerate(run):
        following = run[index + 1] if index + 1 < len(run) else ""
        if char in _SUFFIXES and index - start >= 1 and following and following not in _SUFFIXES:
            tokens.append(run[start : index + 1])
            start = index + 1
    if start < len(run):
        tokens.append(run[start:])
    return tokens


def _block_number(text: str, position: int) -> str:
    """The block number starting at `position` (25番15号, 1-2-3, 三丁目), or ""; a kanji numeral
    starts one only when a block marker follows (三丁目, not 三田 or 九段)."""
    found = _NUMBER_RUN.match(text, position)
    if not found:
        return ""
    number = found.group()
    if number[0] in _KANJI_DIGITS and not number.endswith(_BLOCK_MARKERS):
        return ""
    return number


def _address_tokens(text: str) -> list[str]:
    """An address: the unbreakable components in order, spaces kept as their own tokens."""
    tokens: list[str] = []
    position = 0
    while position < len(text):
        char = text[position]
        number = _block_number(text, position)
        word = _KATAKANA.match(text, position) or _LATIN.match(text, position)
        if char in _SPACES:
            tokens.append(char)
            position += 1
        elif number:
            tokens.append(number)
            position += len(number)
        elif word:
            tokens.append(word.group())
            position = word.end()
        elif _is_kanji(char):
            end = position + 1
            while end < len(text) and _is_kanji(text[end]) and not _block_number(text, end):
                end += 1
            tokens.extend(_kanji_run_tokens(text[position:end]))
            position = end
        else:
            tokens.append(char)
            position += 1
    return tokens


def _fill(
    tokens: Iterable[str],
    fits: Callable[[str], bool],
    first_fits: Callable[[str], bool] | None = None,
) -> list[str]:
    """Greedy filling: as many tokens on a line as fit; spaces at a break are dropped; a token
    wider than a line is broken by characters, still keeping 禁則. `first_fits` measures the
    first line (an indented one) when given."""
    lines: list[str] = []

    def fit(text: str) -> bool:
        return (first_fits or fits)(text) if not lines else fits(text)

    current = ""
    for token in tokens:
        if token in _SPACES:
            if current:
                current += token
            continue
        candidate = current + token
        if (current and fit(candidate)) or (not current and fit(token)):
            current = candidate
            continue
        if current.strip(_SPACES):
            lines.append(current.rstrip(_SPACES))
        current = ""
        if fit(token):
            current = token
            continue
        pieces = _fill(_glue(list(token)), fits, None if lines else first_fits)
        lines.extend(pieces[:-1])
        current = pieces[-1] if pieces else ""
    if current.strip(_SPACES):
        lines.append(current.rstrip(_SPACES))
    return lines


def break_text(
    text: str, fits: Callable[[str], bool], first_fits: Callable[[str], bool] | None = None
) -> list[str]:
    """Running text in lines that fit, keeping 禁則; explicit newlines are kept. `first_fits`
    measures the paragraph's first line when it is narrower (indented)."""
    lines: list[str] = []
    for index, paragraph in enumerate(text.split("\n")):
        first = first_fits if index == 0 else None
        lines.extend(_fill(_glue(_text_tokens(paragraph)), fits, first) or [""])
    return lines


def break_address(text: str, fits: Callable[[str], bool]) -> list[str]:
    """An address line in lines that fit, broken only between components. A word after a space
    (a building, a room) moves to the next line whole when it fits on one."""
    tokens: list[str] = []
    for index, word in enumerate(re.split(r"([ \u3000])", text)):
        parts = _address_tokens(word)
        if index and word not in _SPACES and fits(word):
            tokens.append(word)
        else:
            tokens.extend(parts)
    return _fill(_glue(tokens), fits)
