"""Japanese photo IDs: the driver's licence (運転免許証) and the My Number card (front and back)."""

from __future__ import annotations

import random
from datetime import date, timedelta

import segno

from tests.docgen import dates
from tests.docgen.canvas import GREY, INK, Page, address_lines, mm, union
from tests.docgen.card_base import CARD_H, CARD_W, photo, scanned_card
from tests.docgen.people import Person
from tests.docgen.sample import Draft

_BANDS = {"gold": (226, 196, 112), "green": (150, 204, 150), "blue": (146, 186, 228)}
_LICENCE_CLASSES = ("大型", "中型", "準中型", "普通", "大特", "大自二", "普自二", "小特", "原付")
_MUNICIPAL_HEADS = ("市長", "区長", "町長")


def drivers_license(person: Person, rng: random.Random) -> Draft:
    page, (x0, y0) = scanned_card(rng, (244, 247, 240))
    draft = Draft(page)
    text = page.text
    left = x0 + 28

    text((left, y0 + 72), "氏名", 24, fill=GREY)
    name_box = page.spaced_name((left + 80, y0 + 72), person.family, person.given, 42)
    draft.put("name", person.name, name_box)
    birth_box = text((x0 + 560, y0 + 72), dates.licence_birth(person.birth_date), 28)
    draft.put("birth_date", person.birth_date.isoformat(), birth_box)

    text((left, y0 + 136), "住所", 24, fill=GREY)
    address_box = text((left + 80, y0 + 136), person.full_address, 32, max_width=CARD_W - 140)
    draft.put("address", person.full_address, address_box)

    validity = rng.choice((3, 5))
    birthday = date(rng.randint(2026, 2025 + validity), person.birth_date.month, 1)
    birthday = birthday.replace(day=min(person.birth_date.day, 28))
    expiry = dates.one_month_after(birthday)
    issued = dates.add_years(birthday, -validity) - timedelta(days=rng.randint(0, 40))
    reference = f"{rng.randint(10000, 99999)}"
    text((left, y0 + 190), "交付", 24, fill=GREY)
    text((left + 80, y0 + 190), dates.licence_issue(issued, reference), 28)

    band = rng.choice(tuple(_BANDS.values()))
    page.draw.rectangle((x0 + 16, y0 + 212, x0 + 800, y0 + 268), fill=band)
    expiry_box = text((left + 10, y0 + 254), dates.licence_expiry(expiry), 34)
    draft.put("expiry_date", expiry.isoformat(), expiry_box)

    conditions = rng.choice(("眼鏡等", "", "眼鏡等 中型車は中型車(8t)に限る"))
    page.draw.rectangle((left, y0 + 284, x0 + 640, y0 + 344), outline=GREY, width=1)
    text((left + 8, y0 + 322), "免許の条件等", 20, fill=GREY)
    text((left + 150, y0 + 324), conditions, 24)

    text((left, y0 + 398), "番号", 24, fill=GREY)
    number = person.licence_number
    number_box = text((left + 80, y0 + 400), f"第 {number} 号", 36)
    draft.put("number", number, number_box)

    first = dates.add_years(issued, -rng.randint(3, 20))
    for i, (label, when) in enumerate((("二・小・原", first), ("他", first), ("二種", None))):
        y = y0 + 430 + i * 34
        page.draw.rectangle((left, y, x0 + 520, y + 34), outline=GREY, width=1)
        text((left + 8, y + 26), label, 18, fill=GREY)
        if when is not None and i == 1:
            text((left + 120, y + 27), dates.era(when), 20)

    cell = 60
    for i, name in enumerate(_LICENCE_CLASSES):
        cx = left + (i % 9) * cell
        page.draw.rectangle((cx, y0 + 548, cx + cell, y0 + 590), outline=GREY, width=1)
        if name in ("普通", "原付") or rng.random() < 0.15:
            text((cx + 4, y0 + 578), name, 16)
    # As issued: the title printed vertically, in small type, by the right edge.
    for i, char in enumerate("運転免許証"):
        text((x0 + 985, y0 + 300 + i * 30), char, 22, face="mincho")

    photo(page, (x0 + 700, y0 + 284, x0 + 980, y0 + 560))
    text((x0 + 640, y0 + 616), f"{person.prefecture}公安委員会", 26, face="mincho")
    return draft


def mynumber_front(person: Person, rng: random.Random) -> Draft:
    page, (x0, y0) = scanned_card(rng, (250, 245, 240))
    draft = Draft(page)
    text = page.text
    left = x0 + 30

    text((left, y0 + 56), "個人番号カード", 28, fill=(150, 60, 80))
    text((left, y0 + 120), "氏名", 22, fill=GREY)
    name_box = page.spaced_name((left + 70, y0 + 126), person.family, person.given, 44)
    draft.put("name", person.name, name_box)

    text((left, y0 + 196), "住所", 22, fill=GREY)
    address_box = address_lines(
        page, (left + 70, y0 + 198), person.address, person.building, 30, max_width=600
    )
    draft.put("address", person.full_address, address_box)

    birth_box = text((left + 70, y0 + 320), dates.era(person.birth_date) + "生", 30)
    text((left, y0 + 318), "生年", 18, fill=GREY)
    draft.put("birth_date", person.birth_date.isoformat(), birth_box)
    text((left + 460, y0 + 320), "性別", 22, fill=GREY)
    text((left + 530, y0 + 320), "男" if person.sex == "M" else "女", 30)

    expiry = dates.add_years(
        date(rng.randint(2017, 2025), person.birth_date.month, min(person.birth_date.day, 28)), 10
    )
    expiry_box = text((left + 70, y0 + 380), dates.western(expiry, padded=True) + "まで有効", 30)
    draft.put("expiry_date", expiry.isoformat(), expiry_box)

    page.draw.rectangle((left, y0 + 420, x0 + 690, y0 + 600), outline=(200, 180, 180), width=1)
    text((left + 10, y0 + 452), "追記欄", 18, fill=GREY)
    photo(page, (x0 + 720, y0 + 90, x0 + 975, y0 + 410))
    city = person.address.removeprefix(person.prefecture)
    text(
        (x0 + 720, y0 + 460),
        city[: city.find("市") + 1] + "長" if "市" in city else rng.choice(_MUNICIPAL_HEADS),
        22,
    )
    text((x0 + 720, y0 + 590), "臓器提供意思", 16, fill=GREY)
    return draft


def _pseudo_qr(page: Page, rng: random.Random, xy: tuple[int, int], size: int) -> None:
    """A real QR symbol with a meaningless payload, where the card back has its code."""
    payload = "".join(rng.choice("0123456789ABCDEF") for _ in range(40))
    qr = segno.make_qr(payload, error="m")
    matrix = list(qr.matrix)
    scale = max(1, size // (len(matrix) + 2))
    x, y = xy
    for row, cells in enumerate(matrix):
        for col, cell in enumerate(cells):
            if cell:
                px, py = x + (col + 1) * scale, y + (row + 1) * scale
                page.draw.rectangle((px, py, px + scale - 1, py + scale - 1), fill=INK)


def mynumber_back(person: Person, rng: random.Random) -> Draft:
    """As issued: 個人番号 white on a dark band, the digits large, each on a grey box."""
    page, (x0, y0) = scanned_card(rng, (250, 246, 242))
    draft = Draft(page)
    text = page.text
    left = x0 + 40

    band = rng.choice(((60, 64, 72), (40, 40, 44), (88, 70, 96)))
    page.draw.rectangle((x0 + 2, y0 + 40, x0 + 700, y0 + 100), fill=band)
    text((left, y0 + 84), "個人番号", 32, fill=(255, 255, 255))
    number = person.my_number
    cell, gap, x = 50, 22, left
    boxes = []
    for i, digit in enumerate(number):
        if i and i % 4 == 0:
            x += gap
        page.draw.rectangle((x, y0 + 120, x + cell - 6, y0 + 200), fill=(205, 205, 208))
        boxes.append(text((x + 6, y0 + 185), digit, 60, face="sans"))
        x += cell
    page.secret_boxes.append(union(*boxes))
    draft.secret_numbers.append(number)

    _pseudo_qr(page, rng, (x0 + 740, y0 + 36), 230)
    text((left, y0 + 300), "氏名", 20, fill=GREY)
    name_box = page.spaced_name((left + 70, y0 + 302), person.family, person.given, 28)
    draft.put("name", person.name, name_box)
    text((left, y0 + 350), "生年月日", 20, fill=GREY)
    birth_box = text((left + 110, y0 + 352), dates.era(person.birth_date) + "生", 26)
    draft.put("birth_date", person.birth_date.isoformat(), birth_box)

    chip = (left + 30, y0 + 420, left + 30 + mm(11), y0 + 420 + mm(9))
    page.draw.rounded_rectangle(chip, 14, fill=(214, 186, 110), outline=(160, 130, 60), width=2)
    text((x0 + 420, y0 + CARD_H - 40), "個人番号カード", 20, fill=GREY)
    return draft
