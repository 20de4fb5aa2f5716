"""Certificates a municipality issues: 住民票の写し, 印鑑登録証明書 and 戸籍全部事項証明書."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date

from tests.docgen import dates
from tests.docgen.a4_base import A4_W, a4_page, recent_day, ruled_box, ruled_row
from tests.docgen.addresses import make_address, municipality, town_of
from tests.docgen.canvas import GREY, Box, Page, address_lines
from tests.docgen.people import FAMILY_NAMES, GIVEN_NAMES, Person
from tests.docgen.sample import Draft
from tests.docgen.seal import official_seal, press_seal, seal_size

LEFT, RIGHT = 200, A4_W - 200
BODY = 46


def _official_name(rng: random.Random) -> str:
    return f"{rng.choice(FAMILY_NAMES)[0]} {rng.choice(GIVEN_NAMES)[0]}"


def _attestation(
    page: Page, rng: random.Random, y: int, wording: str, issued: date, office: str
) -> Box:
    """The closing lines: what is certified, the date of issue (its box is returned) and the
    head of the office with the seal of office."""
    page.text((LEFT + 100, y), wording, BODY, face="mincho")
    issue_box = page.text((LEFT + 100, y + 120), dates.era(issued), BODY, face="mincho")
    signer = f"{office}長　{_official_name(rng)}"
    box = page.text((RIGHT - 1000, y + 260), signer, 56, face="mincho")
    official_seal(page, (box[2] - 170, box[1] - 110), f"{office}長")
    return issue_box


def residence_certificate(person: Person, rng: random.Random) -> Draft:
    page = a4_page()
    draft = Draft(page)
    text = page.text
    office = municipality(person.postal_code)
    text((A4_W // 2, 330), "住民票の写し", 96, face="mincho", anchor="ms")
    text((RIGHT - 500, 200), f"証明番号 第{rng.randint(1000, 99999)}号", 36, fill=GREY)

    cols = [LEFT, LEFT + 420, RIGHT]
    _, previous, previous_building = make_address(rng)
    moved_in = date(rng.randint(2005, 2025), rng.randint(1, 12), rng.randint(1, 28))
    head_is_person = rng.random() < 0.6
    head_given = person.given if head_is_person else rng.choice(GIVEN_NAMES)[0]
    head = f"{person.family} {head_given}"

    y = 480
    ruled_row(page, y, y + 200, cols)
    text((LEFT + 30, y + 120), "住所", BODY, face="mincho")
    address_box = address_lines(
        page, (cols[1] + 30, y + 90), person.address, person.building, BODY, RIGHT - cols[1] - 60
    )
    draft.put("address", person.full_address, address_box)
    y += 200
    ruled_row(page, y, y + 130, cols)
    text((LEFT + 30, y + 85), "世帯主", BODY, face="mincho")
    page.spaced_name((cols[1] + 30, y + 85), person.family, head_given, BODY, face="mincho")
    y += 130
    _name_block(page, draft, person, y)
    y += 300
    relation = "世帯主" if head_is_person else rng.choice(("妻", "子", "夫"))
    for label, value in (
        ("続柄", relation),
        ("住民となった年月日", dates.era(moved_in)),
        ("住所を定めた年月日", dates.era(moved_in) + "　転入"),
    ):
        ruled_row(page, y, y + 130, cols)
        text((LEFT + 30, y + 85), label, 38 if len(label) > 6 else BODY, face="mincho")
        text((cols[1] + 30, y + 85), value, BODY, face="mincho")
        y += 130
    ruled_row(page, y, y + 200, cols)
    text((LEFT + 30, y + 120), "前住所", BODY, face="mincho")
    previous_full = f"{previous} {previous_building}" if previous_building else previous
    address_lines(
        page, (cols[1] + 30, y + 90), previous, previous_building, BODY, RIGHT - cols[1] - 60
    )
    y += 200
    ruled_row(page, y, y + 400, cols)
    text((LEFT + 30, y + 85), "備考", BODY, face="mincho")
    text(
        (LEFT + 30, y + 560),
        "（個人番号及び住民票コードの記載を省略）",
        38,
        face="mincho",
        fill=GREY,
    )

    issued = recent_day(rng, 80)
    wording = "この写しは、住民票の原本と相違ないことを証明する。"
    issue_box = _attestation(page, rng, 2950, wording, issued, office)
    draft.put("expiry_date", issued.isoformat(), issue_box)
    draft.extra.update(
        previous_address=previous_full,
        moved_in=moved_in.isoformat(),
        household_head=head,
        relationship=relation,
    )
    return draft


def _name_block(page: Page, draft: Draft, person: Person, y: int) -> None:
    """The 氏名 row of a 住民票: reading above the name, birth date and sex beside it."""
    text = page.text
    cols = [LEFT, LEFT + 420, RIGHT]
    ruled_row(page, y, y + 300, [LEFT, LEFT + 420, LEFT + 1300, LEFT + 1560, RIGHT])
    text((LEFT + 30, y + 60), "フリガナ", 34, face="mincho")
    text((LEFT + 30, y + 200), "氏名", BODY, face="mincho")
    kana_box = page.spaced_name(
        (cols[1] + 30, y + 70), person.family_kana, person.given_kana, 38, face="mincho"
    )
    draft.put("name_kana", person.name_kana, kana_box)
    name_box = page.spaced_name(
        (cols[1] + 30, y + 210), person.family, person.given, 64, face="mincho"
    )
    draft.put("name", person.name, name_box)
    text((LEFT + 1330, y + 120), "生年月日", 40, face="mincho")
    text((LEFT + 1330, y + 240), "性別", 40, face="mincho")
    birth_box = text((LEFT + 1590, y + 120), dates.era(person.birth_date), 42, face="mincho")
    draft.put("birth_date", person.birth_date.isoformat(), birth_box)
    text((LEFT + 1590, y + 240), "男" if person.sex == "M" else "女", 42, face="mincho")


def seal_certificate(person: Person, rng: random.Random) -> Draft:
    page = a4_page()
    draft = Draft(page)
    text = page.text
    office = municipality(person.postal_code)
    text((A4_W // 2, 330), "印鑑登録証明書", 96, face="mincho", anchor="ms")
    text((RIGHT - 500, 200), f"証明番号 第{rng.randint(1000, 99999)}号", 36, fill=GREY)

    frame = (LEFT, 520, LEFT + 480, 1000)
    text((LEFT + 20, 500), "印影", 40, face="mincho")
    ruled_box(page, frame)
    size = seal_size(person.seal_seed, person.family)
    seal_xy = ((frame[0] + frame[2] - size) // 2, (frame[1] + frame[3] - size) // 2)
    draft.seal_box = press_seal(page, seal_xy, person.seal_seed, person.family)

    cols = [LEFT + 720, LEFT + 1060, RIGHT]
    registration = f"{rng.randint(1, 999999):06d}"
    rows: list[tuple[str, int]] = [
        ("登録番号", 130),
        ("氏名", 170),
        ("生年月日", 130),
        ("住所", 250),
    ]
    y = 520
    boxes: dict[str, Box] = {}
    for label, height in rows:
        ruled_row(page, y, y + height, cols)
        text((cols[0] + 30, y + height // 2 + 16), label, BODY, face="mincho")
        baseline = y + height // 2 + 18
        if label == "登録番号":
            boxes["number"] = text((cols[1] + 30, baseline), registration, BODY, face="mincho")
        elif label == "氏名":
            boxes["name"] = page.spaced_name(
                (cols[1] + 30, baseline + 8), person.family, person.given, 60, face="mincho"
            )
        elif label == "生年月日":
            boxes["birth"] = text(
                (cols[1] + 30, baseline), dates.era(person.birth_date), BODY, face="mincho"
            )
        else:
            boxes["address"] = address_lines(
                page,
                (cols[1] + 30, y + 95),
                person.address,
                person.building,
                42,
                RIGHT - cols[1] - 50,
            )
        y += height
    draft.put("number", registration, boxes["number"])
    draft.put("name", person.name, boxes["name"])
    draft.put("birth_date", person.birth_date.isoformat(), boxes["birth"])
    draft.put("address", person.full_address, boxes["address"])

    text((LEFT, 1400), "備考", BODY, face="mincho")
    ruled_box(page, (LEFT, 1430, RIGHT, 1800))
    issued = recent_day(rng, 80)
    wording = "この写しは、登録されている印影と相違ないことを証明します。"
    issue_box = _attestation(page, rng, 2500, wording, issued, office)
    draft.put("expiry_date", issued.isoformat(), issue_box)
    return draft


def family_register(person: Person, rng: random.Random, agent: Person) -> Draft:
    """戸籍全部事項証明書 with `agent` as the 筆頭者 (a parent) and `person` as a child."""
    page = a4_page()
    draft = Draft(page)
    text = page.text
    office = municipality(agent.postal_code)
    head_birth = agent.birth_date
    if head_birth.year > person.birth_date.year - 20:
        head_birth = head_birth.replace(year=person.birth_date.year - rng.randint(24, 38))
    head = replace(
        agent,
        family=person.family,
        family_kana=person.family_kana,
        family_romaji=person.family_romaji,
        birth_date=head_birth,
    )
    spouse_given = rng.choice([g for g in GIVEN_NAMES if g[3] != head.sex])[0]
    honseki = f"{town_of(agent.postal_code)}{rng.randint(1, 999)}番地"

    text((A4_W // 2, 300), "全部事項証明", 84, face="mincho", anchor="ms")
    cols = [LEFT, LEFT + 420, RIGHT]
    y = 400
    ruled_row(page, y, y + 130, cols)
    text((LEFT + 30, y + 85), "本籍", BODY, face="mincho")
    text((cols[1] + 30, y + 85), honseki, BODY, face="mincho", max_width=RIGHT - cols[1] - 60)
    y += 130
    ruled_row(page, y, y + 130, cols)
    text((LEFT + 30, y + 85), "氏名", BODY, face="mincho")
    page.spaced_name((cols[1] + 30, y + 88), head.family, head.given, 56, face="mincho")
    y += 130
    compiled = dates.add_years(head_birth, rng.randint(25, 32))
    ruled_row(page, y, y + 160, cols)
    text((LEFT + 30, y + 95), "戸籍事項", BODY, face="mincho")
    text((cols[1] + 30, y + 70), "戸籍編製", 40, face="mincho")
    text((cols[1] + 330, y + 70), f"【編製日】{dates.era(compiled)}", 40, face="mincho")

    child_relation = "長男" if person.sex == "M" else "長女"
    spouse_birth = date(
        head_birth.year + rng.randint(-3, 3), rng.randint(1, 12), rng.randint(1, 28)
    )
    members = (
        (head.given, head_birth, "", "", "夫" if head.sex == "M" else "妻", "筆頭者"),
        (spouse_given, spouse_birth, "", "",
         "妻" if head.sex == "M" else "夫", ""),
        (person.given, person.birth_date, head.given if head.sex == "M" else spouse_given,
         spouse_given if head.sex == "M" else head.given, child_relation, "本人"),
    )  # fmt: skip
    y += 190
    for member in members:
        name_box, birth_box = _member(page, y, head.family, *member[:5])
        if member[5] == "本人":
            # Only the 【名】 is printed: the family name is the 筆頭者's.
            draft.put("name", person.name, name_box)
            draft.put("birth_date", person.birth_date.isoformat(), birth_box)
        y += 420

    issued = recent_day(rng, 80)
    wording = "これは、戸籍に記録されている事項の全部を証明した書面である。"
    issue_box = _attestation(page, rng, 2850, wording, issued, office)
    draft.put("expiry_date", issued.isoformat(), issue_box)
    draft.extra.update(
        honseki=honseki,
        head=head.name,
        relationship=child_relation,
        head_birth_date=head_birth.isoformat(),
    )
    return draft


def _member(
    page: Page, y: int, family: str, given: str, born: date, father: str, mother: str, relation: str
) -> tuple[Box, Box]:
    """One 戸籍に記録されている者 block; returns the boxes of its 【名】 and 【生年月日】."""
    text = page.text
    cols = [LEFT, LEFT + 420, RIGHT]
    ruled_row(page, y, y + 420, cols)
    text((LEFT + 20, y + 70), "戸籍に記録されている者", 34, face="mincho")
    name_box = text((cols[1] + 30, y + 80), f"【名】{given}", 52, face="mincho")
    birth_box = text((cols[1] + 30, y + 160), f"【生年月日】{dates.era(born)}", 44, face="mincho")
    line = y + 240
    if father:
        text((cols[1] + 30, line), f"【父】{family} {father}", 44, face="mincho")
        text((cols[1] + 700, line), f"【母】{family} {mother}", 44, face="mincho")
        line += 80
    text((cols[1] + 30, line), f"【続柄】{relation}", 44, face="mincho")
    text((LEFT + 20, y + 370), "身分事項　出生", 34, face="mincho", fill=GREY)
    return name_box, birth_box
