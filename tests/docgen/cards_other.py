"""Other identity cards: the health-insurance card (健康保険証 / 資格確認書), the passport's data
page with its machine-readable zone, and the residence card (在留カード)."""

from __future__ import annotations

import random
from datetime import date, timedelta

from tests.docgen import dates
from tests.docgen.canvas import GREY, INK, address_lines, mm, union
from tests.docgen.card_base import photo, scanned_card
from tests.docgen.numbers import make_mrz, make_passport_number, make_residence_card_number
from tests.docgen.people import Person
from tests.docgen.sample import Draft

_INSURERS = (
    "全国健康保険協会 東京支部",
    "全国健康保険協会 大阪支部",
    "関東ITソフトウェア健康保険組合",
    "日本電機健康保険組合",
    "東京都後期高齢者医療広域連合",
)
_PREFECTURES_ROMAJI = {
    "北海道": "HOKKAIDO", "東京都": "TOKYO", "大阪府": "OSAKA", "京都府": "KYOTO",
}  # fmt: skip
_NATIONALITIES = ("ブラジル", "フィリピン", "ベトナム", "中国", "韓国", "米国", "ペルー")
_STATUSES = (
    ("永住者", "就労制限なし"),
    ("技術・人文知識・国際業務", "在留資格に基づく就労活動のみ可"),
    ("日本人の配偶者等", "就労制限なし"),
    ("定住者", "就労制限なし"),
)


def health_insurance(person: Person, rng: random.Random) -> Draft:
    """A paper 被保険者証 (expired since 2025-12-02 at the latest) or a 資格確認書."""
    paper_card = rng.random() < 0.5
    page, (x0, y0) = scanned_card(rng, (236, 244, 250) if paper_card else (250, 244, 232))
    draft = Draft(page)
    text = page.text
    left = x0 + 34
    title = "健康保険被保険者証" if paper_card else "健康保険資格確認書"
    text((left + 180, y0 + 70), title, 38, face="mincho")
    draft.extra["title"] = title
    text((x0 + 800, y0 + 66), "本人（被保険者）", 20)

    text((left, y0 + 136), "記号", 22, fill=GREY)
    symbol_box = text((left + 64, y0 + 138), person.insurance_symbol, 32)
    text((left + 330, y0 + 136), "番号", 22, fill=GREY)
    branch = f"{rng.randint(0, 3):02d}"
    number_box = union(
        text((left + 394, y0 + 138), person.insurance_number, 32),
        text((left + 560, y0 + 136), f"（枝番）{branch}", 26),
    )

    text((left, y0 + 200), "氏名", 22, fill=GREY)
    draft.put(
        "name",
        person.name,
        page.spaced_name((left + 140, y0 + 204), person.family, person.given, 38),
    )
    text((left, y0 + 258), "生年月日", 22, fill=GREY)
    draft.put(
        "birth_date",
        person.birth_date.isoformat(),
        text((left + 140, y0 + 260), dates.era(person.birth_date), 30),
    )
    text((left + 560, y0 + 258), "性別", 22, fill=GREY)
    text((left + 640, y0 + 260), "男" if person.sex == "M" else "女", 30)

    acquired = date(rng.randint(2008, 2023), rng.randint(1, 12), 1)
    text((left, y0 + 314), "資格取得年月日", 22, fill=GREY)
    text((left + 200, y0 + 316), dates.era(acquired), 28)
    if paper_card:
        issued = acquired + timedelta(days=rng.randint(3, 30))
        expiry = date(2025, 12, 1) - timedelta(days=rng.choice((0, 0, 244, 609)))
        text((left, y0 + 364), "交付年月日", 22, fill=GREY)
        text((left + 200, y0 + 366), dates.era(issued), 28)
    else:
        expiry = date(rng.randint(2027, 2030), rng.choice((3, 7, 9, 12)), rng.choice((1, 30)))
    text((left, y0 + 414), "有効期限", 22, fill=GREY)
    draft.put(
        "expiry_date", expiry.isoformat(), text((left + 200, y0 + 416), dates.era(expiry), 28)
    )

    text((left, y0 + 484), "保険者番号", 22, fill=GREY)
    # As issued: one box per digit.
    cells = []
    for i, digit in enumerate(person.insurer_number):
        x = left + 200 + i * 34
        page.draw.rectangle((x, y0 + 452, x + 30, y0 + 494), outline=INK, width=2)
        cells.append(text((x + 6, y0 + 486), digit, 32))
    insurer_box = union(*cells)
    draft.secret_numbers.extend(
        (person.insurance_symbol, person.insurance_number, person.insurer_number)
    )
    page.secret_boxes.extend((symbol_box, number_box, insurer_box))
    text((left, y0 + 540), "保険者名称", 22, fill=GREY)
    text((left + 200, y0 + 542), rng.choice(_INSURERS), 28)
    text((left, y0 + 590), "保険者所在地", 20, fill=GREY)
    text((left + 200, y0 + 592), "東京都中野区中野四丁目10番2号", 22)
    text((left + 640, y0 + 592), f"TEL 03-{rng.randint(3000, 6999)}-{rng.randint(1000, 9999)}", 22)
    return draft


def passport(person: Person, rng: random.Random) -> Draft:
    """The data page (TD3, 125 × 88 mm) of a Japanese passport issued since 2020: no address."""
    width, height = mm(125), mm(88)
    page, (x0, y0) = scanned_card(rng, (244, 240, 248), width=width, height=height)
    draft = Draft(page)
    text = page.text
    text((x0 + 40, y0 + 70), "日本国  JAPAN", 30, face="mincho")
    text((x0 + 520, y0 + 70), "旅券  PASSPORT", 30, face="mincho")
    photo(page, (x0 + 40, y0 + 130, x0 + 40 + mm(30), y0 + 130 + mm(38)))

    issued = date(rng.randint(2020, 2026), rng.randint(1, 12), rng.randint(1, 28))
    if issued >= date(2026, 11, 1):
        issued = issued.replace(year=2025)
    expiry = dates.add_years(issued, rng.choice((5, 10)))
    number = make_passport_number(rng)
    col1, col2 = x0 + 440, x0 + 980
    labels: list[tuple[int, int, str, str, str | None]] = [
        (col1, 130, "型 / Type", "P", None),
        (col1 + 180, 130, "発行国 / Issuing country", "JPN", None),
        (col2, 130, "旅券番号 / Passport No.", number, "number"),
        (col1, 215, "姓 / Surname", person.family_romaji, "surname"),
        (col1, 300, "名 / Given name", person.given_romaji, "given"),
        (col1, 385, "国籍 / Nationality", "JAPAN", None),
        (col2, 385, "生年月日 / Date of birth", dates.passport(person.birth_date), "birth_date"),
        (col1, 470, "性別 / Sex", person.sex, None),
        (
            col1 + 180,
            470,
            "本籍 / Registered Domicile",
            _PREFECTURES_ROMAJI.get(person.prefecture, "TOKYO"),
            None,
        ),
        (col1, 555, "発行年月日 / Date of issue", dates.passport(issued), None),
        (col2, 555, "有効期間満了日 / Date of expiry", dates.passport(expiry), "expiry_date"),
        (col1, 640, "発行官庁 / Authority", "MINISTRY OF FOREIGN AFFAIRS", None),
    ]
    boxes = {}
    for x, y, label, value, key in labels:
        text((x, y0 + y), label, 18, fill=GREY)
        box = text((x, y0 + y + 44), value, 34, face="sans")
        if key:
            boxes[key] = box
    draft.put("name", person.name_romaji, union(boxes["surname"], boxes["given"]))
    draft.put("number", number, boxes["number"])
    draft.put("birth_date", person.birth_date.isoformat(), boxes["birth_date"])
    draft.put("expiry_date", expiry.isoformat(), boxes["expiry_date"])

    line1, line2 = make_mrz(
        person.family_romaji, person.given_romaji, number, person.birth_date, person.sex, expiry
    )
    mrz_top = y0 + height - 200
    page.draw.rectangle(
        (x0 + 10, mrz_top - 10, x0 + width - 10, y0 + height - 20), fill=(250, 250, 250)
    )
    first = text((x0 + 60, mrz_top + 60), line1, 50, face="mono", fill=INK)
    second = text((x0 + 60, mrz_top + 140), line2, 50, face="mono", fill=INK)
    draft.extra["mrz"] = f"{line1}\n{line2}"
    page.other_boxes["mrz"] = union(first, second)
    draft.extra["issue_date"] = issued.isoformat()
    return draft


def residence_card(person: Person, rng: random.Random) -> Draft:
    """在留カード: romaji name, Western dates, 住居地 on the front."""
    page, (x0, y0) = scanned_card(rng, (236, 246, 244))
    draft = Draft(page)
    text = page.text
    left = x0 + 30
    text((left, y0 + 62), "在留カード", 34, face="mincho")
    text((x0 + 560, y0 + 58), "番号", 20, fill=GREY)
    number = make_residence_card_number(rng)
    draft.put("number", number, text((x0 + 620, y0 + 62), number, 32, face="sans"))

    text((left, y0 + 122), "氏名", 20, fill=GREY)
    draft.put(
        "name",
        person.name_romaji,
        text((left + 70, y0 + 126), person.name_romaji, 36, face="sans-bold", max_width=640),
    )
    text((left, y0 + 176), "生年月日", 20, fill=GREY)
    draft.put(
        "birth_date",
        person.birth_date.isoformat(),
        text((left + 100, y0 + 178), dates.western_zero(person.birth_date), 28),
    )
    text((left + 390, y0 + 176), "性別", 20, fill=GREY)
    text((left + 450, y0 + 178), "男 M." if person.sex == "M" else "女 F.", 26)
    text((left, y0 + 222), "国籍・地域", 20, fill=GREY)
    text((left + 120, y0 + 224), rng.choice(_NATIONALITIES), 26)

    text((left, y0 + 262), "住居地", 20, fill=GREY)
    address_box = address_lines(
        page, (left + 90, y0 + 264), person.address, person.building, 28, max_width=630
    )
    draft.put("address", person.full_address, address_box)
    status, work = rng.choice(_STATUSES)
    page.draw.rectangle((left, y0 + 312, x0 + 700, y0 + 354), outline=GREY, width=1)
    text((left + 8, y0 + 344), "在留資格", 20, fill=GREY)
    text((left + 110, y0 + 346), status, 28)
    text((left, y0 + 394), "就労制限の有無", 20, fill=GREY)
    text((left + 160, y0 + 396), work, 26)

    permitted = date(rng.randint(2021, 2025), rng.randint(1, 12), rng.randint(1, 28))
    years = rng.choice((3, 5))
    expiry = dates.add_years(permitted, years)
    text((left, y0 + 436), "在留期間(満了日)", 20, fill=GREY)
    text((left + 190, y0 + 438), f"{years}年 ({dates.western_zero(expiry)})", 26)
    text((left, y0 + 476), "許可の種類", 20, fill=GREY)
    text((left + 130, y0 + 478), "在留期間更新許可", 24)
    text((left, y0 + 516), "許可年月日", 20, fill=GREY)
    text((left + 130, y0 + 518), dates.western_zero(permitted), 24)
    text((left + 390, y0 + 516), "交付年月日", 20, fill=GREY)
    text((left + 500, y0 + 518), dates.western_zero(permitted), 24)

    page.draw.rectangle((left, y0 + 540, x0 + 700, y0 + 606), fill=(214, 232, 236))
    text((left + 10, y0 + 586), "このカードは", 22)
    expiry_box = text((left + 150, y0 + 588), dates.western_zero(expiry), 28)
    text((left + 370, y0 + 586), "まで有効です。", 22)
    draft.put("expiry_date", expiry.isoformat(), expiry_box)
    photo(page, (x0 + 770, y0 + 100, x0 + 980, y0 + 370))
    text((x0 + 790, y0 + 600), "法務大臣", 26, face="mincho")
    return draft
