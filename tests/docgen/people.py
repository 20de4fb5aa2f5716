"""Fictitious people: names with readings, a real address, birth date and the numbers on
their cards. Everything is derived from one seed, so a test can ask for the same person again."""

from __future__ import annotations

import random
import string
from dataclasses import dataclass
from datetime import date

from tests.docgen.addresses import make_address
from tests.docgen.numbers import make_licence_number, make_my_number

# (kanji, katakana, passport romaji); the rarer variant kanji appear often on purpose.
FAMILY_NAMES: tuple[tuple[str, str, str], ...] = (
    ("髙橋", "タカハシ", "TAKAHASHI"), ("山﨑", "ヤマサキ", "YAMASAKI"),
    ("渡邊", "ワタナベ", "WATANABE"),
    ("齋藤", "サイトウ", "SAITO"), ("吉田", "ヨシダ", "YOSHIDA"), ("佐々木", "ササキ", "SASAKI"),
    ("長谷川", "ハセガワ", "HASEGAWA"), ("田中", "タナカ", "TANAKA"), ("鈴木", "スズキ", "SUZUKI"),
    ("伊藤", "イトウ", "ITO"), ("小林", "コバヤシ", "KOBAYASHI"), ("中村", "ナカムラ", "NAKAMURA"),
    ("山本", "ヤマモト", "YAMAMOTO"), ("加藤", "カトウ", "KATO"), ("松本", "マツモト", "MATSUMOTO"),
    ("井上", "イノウエ", "INOUE"), ("清水", "シミズ", "SHIMIZU"), ("森", "モリ", "MORI"),
    ("池田", "イケダ", "IKEDA"), ("石川", "イシカワ", "ISHIKAWA"), ("藤原", "フジワラ", "FUJIWARA"),
    ("近藤", "コンドウ", "KONDO"), ("遠藤", "エンドウ", "ENDO"), ("青木", "アオキ", "AOKI"),
    ("太田", "オオタ", "OTA"), ("宮﨑", "ミヤザキ", "MIYAZAKI"), ("髙木", "タカギ", "TAKAGI"),
    ("渡邉", "ワタナベ", "WATANABE"), ("澤田", "サワダ", "SAWADA"), ("濱田", "ハマダ", "HAMADA"),
    ("齊藤", "サイトウ", "SAITO"), ("岡田", "オカダ", "OKADA"), ("小野", "オノ", "ONO"),
    ("髙田", "タカダ", "TAKADA"), ("長島", "ナガシマ", "NAGASHIMA"), ("大塚", "オオツカ", "OTSUKA"),
)  # fmt: skip

# (kanji, katakana, passport romaji, sex M/F)
GIVEN_NAMES: tuple[tuple[str, str, str, str], ...] = (
    ("一郎", "イチロウ", "ICHIRO", "M"), ("太郎", "タロウ", "TARO", "M"),
    ("健太", "ケンタ", "KENTA", "M"), ("翔太", "ショウタ", "SHOTA", "M"),
    ("大輔", "ダイスケ", "DAISUKE", "M"), ("拓也", "タクヤ", "TAKUYA", "M"),
    ("直樹", "ナオキ", "NAOKI", "M"), ("誠", "マコト", "MAKOTO", "M"),
    ("浩二", "コウジ", "KOJI", "M"), ("隆", "タカシ", "TAKASHI", "M"),
    ("修", "オサム", "OSAMU", "M"), ("蓮", "レン", "REN", "M"),
    ("悠真", "ユウマ", "YUMA", "M"), ("洋平", "ヨウヘイ", "YOHEI", "M"),
    ("康弘", "ヤスヒロ", "YASUHIRO", "M"), ("正樹", "マサキ", "MASAKI", "M"),
    ("花子", "ハナコ", "HANAKO", "F"), ("美咲", "ミサキ", "MISAKI", "F"),
    ("陽子", "ヨウコ", "YOKO", "F"), ("恵子", "ケイコ", "KEIKO", "F"),
    ("由美", "ユミ", "YUMI", "F"), ("真由美", "マユミ", "MAYUMI", "F"),
    ("愛", "アイ", "AI", "F"), ("結衣", "ユイ", "YUI", "F"),
    ("さくら", "サクラ", "SAKURA", "F"), ("智子", "トモコ", "TOMOKO", "F"),
    ("裕子", "ユウコ", "YUKO", "F"), ("明美", "アケミ", "AKEMI", "F"),
    ("千尋", "チヒロ", "CHIHIRO", "F"), ("葵", "アオイ", "AOI", "F"),
    ("淳", "ジュン", "JUN", "M"), ("彩", "アヤ", "AYA", "F"),
)  # fmt: skip


@dataclass(frozen=True)
class Person:
    """A fictitious person as their documents show them."""

    family: str
    given: str
    family_kana: str
    given_kana: str
    family_romaji: str
    given_romaji: str
    birth_date: date
    postal_code: str
    address: str
    building: str
    seal_seed: int
    my_number: str
    licence_number: str
    insurer_number: str
    insurance_symbol: str
    insurance_number: str
    sex: str = "M"  # M / F, as in the passport MRZ
    phone: str = ""
    prefecture: str = ""

    @property
    def name(self) -> str:
        """Family and given name with one space: 髙橋 一郎."""
        return f"{self.family} {self.given}"

    @property
    def name_kana(self) -> str:
        return f"{self.family_kana} {self.given_kana}"

    @property
    def name_romaji(self) -> str:
        return f"{self.family_romaji} {self.given_romaji}"

    @property
    def full_address(self) -> str:
        """The address with the building, as most documents print it."""
        return f"{self.address} {self.building}" if self.building else self.address


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(string.digits) for _ in range(n))


def make_person(seed: int) -> Person:
    """The fictitious person for `seed`: the same seed always gives the same person."""
    rng = random.Random(f"person-{seed}")
    family, family_kana, family_romaji = rng.choice(FAMILY_NAMES)
    given, given_kana, given_romaji, sex = rng.choice(GIVEN_NAMES)
    birth = date(rng.randint(1946, 2006), rng.randint(1, 12), rng.randint(1, 28))
    place, address, building = make_address(rng)
    first_licensed = min(birth.year + rng.randint(18, 30), 2024)
    insurer = rng.choice(("06", "01", "31", "32", "34", "39", "67")) + _digits(rng, 6)
    return Person(
        family=family,
        given=given,
        family_kana=family_kana,
        given_kana=given_kana,
        family_romaji=family_romaji,
        given_romaji=given_romaji,
        birth_date=birth,
        postal_code=place.postal_code,
        address=address,
        building=building,
        seal_seed=rng.randrange(1 << 30),
        my_number=make_my_number(rng),
        licence_number=make_licence_number(rng, place.prefecture, first_licensed),
        insurer_number=insurer,
        insurance_symbol=_digits(rng, rng.choice((4, 5, 6, 8))),
        insurance_number=str(rng.randint(1, 99999)),
        sex=sex,
        phone=f"0{rng.choice('789')}0-{_digits(rng, 4)}-{_digits(rng, 4)}",
        prefecture=place.prefecture,
    )
