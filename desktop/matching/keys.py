"""Search keys for names, readings and addresses: the same person written differently folds
to the same key (width, spaces, variant kanji, kana script, dash look-alikes, kanji numerals)."""

from __future__ import annotations

import re
import unicodedata

# Old and variant forms seen on documents and in legacy systems → the common form (JIS X 0213
# 異体字 pairs listed in DOMAIN.md §6).
_VARIANT_KANJI = str.maketrans(
    {
        "髙": "高",
        "﨑": "崎",
        "嵜": "崎",
        "邊": "辺",
        "邉": "辺",
        "齋": "斎",
        "齊": "斉",
        "濵": "浜",
        "濱": "浜",
        "澤": "沢",
        "櫻": "桜",
        "國": "国",
        "廣": "広",
        "德": "徳",
        "眞": "真",
        "冨": "富",
        "藏": "蔵",
        "與": "与",
        "龍": "竜",
        "槇": "槙",
        "桒": "桑",
        "𠮷": "吉",
        "舊": "旧",
        "區": "区",
        "縣": "県",
        "條": "条",
        "渕": "淵",
        "塚": "塚",
        "惠": "恵",
        "圓": "円",
        "來": "来",
        "螢": "蛍",
        "禮": "礼",
        "實": "実",
        "學": "学",
    }
)
_SMALL_KANA = str.maketrans("ァィゥェォッャュョヮヵヶ", "アイウエオツヤユヨワカケ")
_DASHES = re.compile("[-‐‑‒–—―−ー─━ｰ－～〜]")
_KANJI_DIGITS = {
    "〇": 0,
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_KANJI_NUMBER = re.compile("[〇一二三四五六七八九十百千]+")
_SPACES = re.compile(r"\s+")


def _hiragana_to_katakana(text: str) -> str:
    return "".join(chr(ord(c) + 0x60) if "ぁ" <= c <= "ゖ" else c for c in text)


def name_key(name: str) -> str:
    """Fold width, spaces and variant kanji: 髙橋　一郎 and 高橋一郎 share a key."""
    text = unicodedata.normalize("NFKC", name)
    return _SPACES.sub("", text).translate(_VARIANT_KANJI)


def kana_key(reading: str) -> str:
    """Compare readings, not scripts: ﾀｶﾊｼ, たかはし and タカハシ share a key."""
    text = _hiragana_to_katakana(unicodedata.normalize("NFKC", reading))
    return _SPACES.sub("", text).translate(_SMALL_KANA).replace("ー", "")


def kanji_to_int(numeral: str) -> int:
    """二十三 → 23, 百五 → 105, 一〇一 → 101 (positional digits are accepted too)."""
    if "十" not in numeral and "百" not in numeral and "千" not in numeral:
        return int("".join(str(_KANJI_DIGITS[c]) for c in numeral))
    total = 0
    current = 0
    for char in numeral:
        if char in _KANJI_DIGITS:
            current = _KANJI_DIGITS[char]
        else:
            unit = {"十": 10, "百": 100, "千": 1000}[char]
            total += (current or 1) * unit
            current = 0
    return total + current


def address_key(address: str) -> str:
    """A coarse key for finding the same address again: 一丁目4番10号 ≈ 1-4-10."""
    text = unicodedata.normalize("NFKC", address)
    text = re.sub(r"(?<=\d)\s+(?=\d)", "-", text)
    text = _SPACES.sub("", text).translate(_VARIANT_KANJI)
    text = re.sub(r"^〒?\d{3}-?\d{4}", "", text)
    text = _KANJI_NUMBER.sub(lambda m: str(kanji_to_int(m.group())), text)
    text = text.replace("ヶ", "ケ").replace("が", "ケ").replace("ノ", "の")
    text = _DASHES.sub("-", text)
    text = re.sub(r"(\d+)(号室|号|番地|番|丁目|の)", r"\1-", text)
    text = re.sub(r"[#＃]", "-", text)
    return re.sub(r"-+", "-", text).strip("-")


def digits_only(text: str) -> str:
    """Postal codes and phone numbers: keep the digits of any width."""
    return "".join(c for c in unicodedata.normalize("NFKC", text) if c.isdigit())
