"""Character-level clean-up of Japanese addresses (private helper of `addresses`).

Two layers: `clean` gives the display text (NFKC, dash look-alikes, kanji numerals that count
丁目/番/号, の between numbers), and `fold` maps that text one character to one character to a
comparison form (old and variant kanji, ヶ/ケ/が, ノ/之/の, Latin case) so positions stay aligned.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from desktop.matching._kanji_variants import VARIANT_KANJI

PREFECTURES: tuple[str, ...] = (
    "北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県", "茨城県", "栃木県",
    "群馬県", "埼玉県", "千葉県", "東京都", "神奈川県", "新潟県", "富山県", "石川県", "福井県",
    "山梨県", "長野県", "岐阜県", "静岡県", "愛知県", "三重県", "滋賀県", "京都府", "大阪府",
    "兵庫県", "奈良県", "和歌山県", "鳥取県", "島根県", "岡山県", "広島県", "山口県", "徳島県",
    "香川県", "愛媛県", "高知県", "福岡県", "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県",
    "鹿児島県", "沖縄県",
)  # fmt: skip

# Old and variant forms → the common form, one character each (ARCHITECTURE.md "Facts" and the usual
# 異体字 of place names). 𠮷 is one code point outside the BMP, so still one character.
_VARIANTS = {
    "舊": "旧", "區": "区", "縣": "県", "髙": "高", "﨑": "崎", "嵜": "崎", "碕": "崎",
    "邊": "辺", "邉": "辺", "條": "条", "渕": "淵", "澤": "沢", "濱": "浜", "濵": "浜",
    "櫻": "桜", "國": "国", "廣": "広", "德": "徳", "眞": "真", "冨": "富", "藏": "蔵",
    "龍": "竜", "槇": "槙", "桒": "桑", "𠮷": "吉", "惠": "恵", "圓": "円", "來": "来",
    "螢": "蛍", "實": "実", "學": "学", "齋": "斎", "齊": "斉", "與": "与", "禮": "礼",
    "驛": "駅", "鐵": "鉄", "黑": "黒", "澁": "渋", "澀": "渋", "兩": "両", "壽": "寿",
    "萬": "万", "寳": "宝", "寶": "宝", "峯": "峰", "嶋": "島", "嶌": "島", "塲": "場",
    "埜": "野", "穗": "穂", "曾": "曽", "莊": "荘", "舘": "館", "榮": "栄", "淺": "浅",
    "增": "増", "槗": "橋", "橫": "横", "靑": "青", "邨": "村", "鹽": "塩", "瀨": "瀬",
    "豐": "豊", "彌": "弥", "奧": "奥", "谿": "渓", "溪": "渓", "燈": "灯", "亰": "京",
    "柗": "松", "薮": "藪", "籔": "藪", "凉": "涼", "晄": "晃", "冝": "宜", "號": "号",
    # spelling variants of the same place name (塩竈市 is written 塩釜市, 巿 for 市 by mistake)
    "ヶ": "ケ", "ヵ": "ケ", "が": "ケ", "ノ": "の", "之": "の", "乃": "の",
    "竈": "釜", "竃": "釜", "鰺": "鯵", "巿": "市", "莵": "菟",
}  # fmt: skip


def _variant_table() -> dict[str, str]:
    """The table above over the variant kanji of names (`_kanji_variants`), chains flattened.

    The names' 斉/斎 decision is left out: for places they are different characters. Where the
    two tables point opposite ways (藪/薮), the one above wins. No two towns of one municipality,
    nor two municipalities, fold together (tests/matching/test_address_groups.py checks)."""
    table = {k: v for k, v in VARIANT_KANJI.items() if v != "斎"}
    for source, target in _VARIANTS.items():
        table.pop(target, None)
        table[source] = target
    for _ in range(3):
        table = {k: table.get(v, v) for k, v in table.items()}
    return {k: v for k, v in table.items() if k != v}


_FOLD = str.maketrans(
    {**_variant_table(), **{chr(c): chr(c + 32) for c in range(ord("A"), ord("Z") + 1)}}
)
# ガ between kanji is ヶ (霞ガ関, 自由ガ丘); in katakana words (ガーデン) it stays.
_GA = re.compile(r"(?<=[\u3041-\u309f\u4e00-\u9fff々])ガ(?=[\u4e00-\u9fff])")
# Ideographic variation selectors (葛󠄀 is 葛 + U+E0100) choose a glyph, not a character.
_VARIATION_SELECTORS = re.compile("[\ufe00-\ufe0f\U000e0100-\U000e01ef]")

_KANA = re.compile(r"[ぁ-ゖァ-ヺー]")
_KATAKANA = re.compile(r"[ァ-ヺー]")
# Dash look-alikes after NFKC (U+2010, U+2015, U+2212, U+30FC survive it; ｰ becomes ー).
_DASHES = frozenset("-‐‑‒–—―−─━⁃﹣ー")
_SPACES = re.compile(r"\s+")

_DIGITS = {
    "〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
    "九": 9, "壱": 1, "弐": 2, "参": 3,
}  # fmt: skip
_UNITS = {"十": 10, "拾": 10, "百": 100, "千": 1000}
_KANJI_NUMBER = re.compile("[〇零一二三四五六七八九十百千壱弐参拾]+")
_NUMERAL_CHARS = "0123456789〇零一二三四五六七八九十百千壱弐参拾"
# A kanji numeral counts a component when one of these follows it …
_COUNTED_BY = re.compile(
    r"丁目|丁(?=$|[\s\d番-])|番|[号號]|[条條]|線|地割|階|-|[のノ之](?=[" + _NUMERAL_CHARS + "])"
)
# … or when it follows a component marker or a dash (二十三番地の一, 1-四).
_COUNT_AFTER = ("丁目", "番地", "番", "号", "號", "-", "#")


def kanji_to_int(numeral: str) -> int:
    """二十三 → 23, 百五 → 105, 一〇一 → 101 (positional digits are accepted too)."""
    if not any(c in _UNITS for c in numeral):
        return int("".join(str(_DIGITS[c]) for c in numeral))
    total = 0
    current = 0
    for char in numeral:
        if char in _DIGITS:
            current = current * 10 + _DIGITS[char] if current else _DIGITS[char]
        else:
            total += (current or 1) * _UNITS[char]
            current = 0
    return total + current


def _fix_dashes(text: str) -> str:
    """Every dash look-alike becomes "-", except a long vowel: ー after kana (センター, らーめん),
    and a dash-like bar between two katakana (センタ―ビル)."""
    if not any(c in _DASHES for c in text):
        return text
    out: list[str] = []
    for i, char in enumerate(text):
        if char not in _DASHES:
            out.append(char)
            continue
        prev = out[-1] if out else ""
        after = text[i + 1] if i + 1 < len(text) else ""
        if char == "ー":
            out.append("ー" if prev and _KANA.match(prev) else "-")
        elif prev and after and _KATAKANA.match(prev) and _KATAKANA.match(after):
            out.append("ー")
        else:
            out.append("-")
    return "".join(out)


def _numerals_to_digits(text: str) -> str:
    """Kanji numerals that count 丁目, 番, 号, 条 … become digits; those in names (六本木, 千代田,
    一の宮, 八丁堀) stay."""
    if not _KANJI_NUMBER.search(text):
        return text

    def convert(match: re.Match[str]) -> str:
        start, end = match.span()
        before = text[:start]
        if before[-1:].isdigit():
            return match.group()  # 1-3一番館, 2番地4三番町ビル: a name begins after the number
        counted = bool(_COUNTED_BY.match(text, end)) or before.endswith(_COUNT_AFTER)
        if not counted and before[-1:] in ("の", "ノ", "之") and len(before) > 1:
            counted = before[-2] in _NUMERAL_CHARS or before[-2] in "番地号目"
        if not counted:
            return match.group()
        numeral = match.group()
        if len(numeral) > 1 and _CHOME_AFTER.match(text, end) and not _UNITS.keys() & set(numeral):
            # 丁目 are counted 十一, never 七一: 助七一丁目 is the town 助七, 1丁目.
            return numeral[:-1] + str(kanji_to_int(numeral[-1]))
        return str(kanji_to_int(numeral))

    return _KANJI_NUMBER.sub(convert, text)


_CHOME_AFTER = re.compile(r"丁目|丁(?=$|[\s\d番-])")
_MARKS = str.maketrans({"號": "号", "〇": "〇", "＃": "#"})
_NO_BETWEEN = re.compile(r"(?<=\d)\s*[のノ之]\s*(?=\d)")
_NO_AFTER_MARK = re.compile(r"(番地|番|丁目)\s*[のノ之]\s*(?=\d)")


def clean(text: str) -> str:
    """Display text: NFKC, one space for any run of white space, dashes, counted kanji numerals
    as digits, 1の4の10 → 1-4-10."""
    text = _VARIATION_SELECTORS.sub("", text)
    text = unicodedata.normalize("NFKC", text).translate(_MARKS)
    text = _SPACES.sub(" ", text).strip()
    text = _fix_dashes(text)
    text = _numerals_to_digits(text)
    text = _NO_AFTER_MARK.sub(r"\1", text)
    return _NO_BETWEEN.sub("-", text)


def fold(text: str) -> str:
    """Comparison form of cleaned text, the same length (one character for one)."""
    return _GA.sub("ケ", text.translate(_FOLD))


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """Key of a prefecture, municipality or town name: 﨑/崎, ヶ/ケ and 北一条西/北1条西 fold
    together."""
    return fold(clean(name)).replace(" ", "")


_BUILDING_NOISE = re.compile(r"[\s・･\-ー.,、。'\"()（）「」]")
_FLOOR = re.compile(r"b?\d+(?:階|f)")


@lru_cache(maxsize=8192)
def building_key(building: str) -> str:
    """Key of a building name: no spaces, dots or long vowels; kanji numerals as digits; no
    floor (新宿ビル5階 is 新宿ビル: the room tells the rest). Empty for a floor alone."""
    text = fold(clean(building))
    text = _KANJI_NUMBER.sub(lambda m: str(kanji_to_int(m.group())), text)
    text = _BUILDING_NOISE.sub("", text)
    return _FLOOR.sub("", text)
