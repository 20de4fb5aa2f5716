"""Identity numbers with their check digits: My Number, driver's licence, passport MRZ (TD3)."""

from __future__ import annotations

import random
import string
from datetime import date

_MY_NUMBER_WEIGHTS = (6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
_LICENCE_WEIGHTS = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
_MRZ_WEIGHTS = (7, 3, 1)

# 公安委員会 codes: the first two digits of a licence number, by prefecture.
LICENCE_COMMISSIONS: dict[str, str] = {
    "北海道": "10",
    "青森県": "20",
    "岩手県": "21",
    "宮城県": "22",
    "秋田県": "23",
    "山形県": "24",
    "福島県": "25",
    "東京都": "30",
    "茨城県": "40",
    "栃木県": "41",
    "群馬県": "42",
    "埼玉県": "43",
    "千葉県": "44",
    "神奈川県": "45",
    "新潟県": "46",
    "山梨県": "47",
    "長野県": "48",
    "静岡県": "49",
    "富山県": "50",
    "石川県": "51",
    "福井県": "52",
    "岐阜県": "53",
    "愛知県": "54",
    "三重県": "55",
    "滋賀県": "60",
    "京都府": "61",
    "大阪府": "62",
    "兵庫県": "63",
    "奈良県": "64",
    "和歌山県": "65",
    "鳥取県": "70",
    "島根県": "71",
    "岡山県": "72",
    "広島県": "73",
    "山口県": "74",
    "徳島県": "80",
    "香川県": "81",
    "愛媛県": "82",
    "高知県": "83",
    "福岡県": "90",
    "佐賀県": "91",
    "長崎県": "92",
    "熊本県": "93",
    "大分県": "94",
    "宮崎県": "95",
    "鹿児島県": "96",
    "沖縄県": "97",
}


def my_number_check_digit(first11: str) -> int:
    """The 12th digit of a My Number (個人番号) for its first 11 digits."""
    remainder = sum(int(d) * w for d, w in zip(first11, _MY_NUMBER_WEIGHTS, strict=True)) % 11
    return 0 if remainder <= 1 else 11 - remainder


def is_valid_my_number(number: str) -> bool:
    return (
        len(number) == 12
        and number.isdigit()
        and my_number_check_digit(number[:11]) == int(number[11])
    )


def make_my_number(rng: random.Random) -> str:
    first11 = f"{rng.randint(1, 9)}" + "".join(rng.choice(string.digits) for _ in range(10))
    return first11 + str(my_number_check_digit(first11))


def licence_check_digit(first10: str) -> int:
    """The (unofficial) 11th digit of a driver's licence number."""
    total = sum(int(d) * w for d, w in zip(first10, _LICENCE_WEIGHTS, strict=True))
    return (11 - total % 11) % 10


def is_valid_licence_number(number: str) -> bool:
    return (
        len(number) == 12
        and number.isdigit()
        and licence_check_digit(number[:10]) == int(number[10])
    )


def make_licence_number(rng: random.Random, prefecture: str, first_licensed: int) -> str:
    """A licence number whose check digit is right and which is not also a valid My Number."""
    first10 = (
        LICENCE_COMMISSIONS[prefecture]
        + f"{first_licensed % 100:02d}"
        + "".join(rng.choice(string.digits) for _ in range(6))
    )
    first11 = first10 + str(licence_check_digit(first10))
    reissues = [d for d in "0012" if int(d) != my_number_check_digit(first11)]
    return first11 + rng.choice(reissues)


def mrz_check_digit(text: str) -> int:
    """ICAO 9303 check digit: 0–9 as is, A–Z = 10–35, `<` = 0, weights 7, 3, 1."""
    total = 0
    for i, char in enumerate(text):
        if char.isdigit():
            value = int(char)
        elif char.isalpha():
            value = ord(char) - ord("A") + 10
        else:
            value = 0
        total += value * _MRZ_WEIGHTS[i % 3]
    return total % 10


def _mrz_date(d: date) -> str:
    return d.strftime("%y%m%d")


def make_mrz(
    family_romaji: str,
    given_romaji: str,
    passport_number: str,
    birth: date,
    sex: str,
    expiry: date,
) -> tuple[str, str]:
    """The two 44-character lines of a Japanese passport's machine-readable zone."""
    names = family_romaji.replace(" ", "<") + "<<" + given_romaji.replace(" ", "<")
    line1 = f"P<JPN{names}".ljust(44, "<")[:44]
    number = passport_number.ljust(9, "<")
    optional = "<" * 14
    parts = [
        number + str(mrz_check_digit(number)),
        "JPN",
        _mrz_date(birth) + str(mrz_check_digit(_mrz_date(birth))),
        sex,
        _mrz_date(expiry) + str(mrz_check_digit(_mrz_date(expiry))),
        optional + str(mrz_check_digit(optional)),
    ]
    composite = parts[0] + parts[2] + parts[4] + parts[5]
    line2 = "".join(parts) + str(mrz_check_digit(composite))
    return line1, line2


def make_passport_number(rng: random.Random) -> str:
    letters = rng.choice(("TR", "TK", "TZ", "MU", "TS", "RE"))
    return letters + "".join(rng.choice(string.digits) for _ in range(7))


def make_residence_card_number(rng: random.Random) -> str:
    def letters() -> str:
        return "".join(rng.choice(string.ascii_uppercase) for _ in range(2))

    return letters() + "".join(rng.choice(string.digits) for _ in range(8)) + letters()
