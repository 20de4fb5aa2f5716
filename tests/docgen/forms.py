"""Papers the requester fills in: the power of attorney (委任状) and the company's application
form (開示等請求書)."""

from __future__ import annotations

import random

from tests.docgen import dates
from tests.docgen.a4_base import (
    A4_W,
    COMPANY,
    COMPANY_DESK,
    a4_page,
    checkbox,
    recent_day,
    ruled_row,
)
from tests.docgen.canvas import GREY, Page, address_lines
from tests.docgen.people import Person
from tests.docgen.sample import Draft
from tests.docgen.seal import press_seal, seal_size

LEFT, RIGHT = 200, A4_W - 200
BODY = 48
REQUEST_KINDS = (
    "利用目的の通知",
    "開示",
    "第三者提供記録の開示",
    "訂正・追加・削除",
    "利用停止・消去",
    "第三者提供の停止",
)


def _postal(code: str) -> str:
    return f"〒{code[:3]}-{code[3:]}"


def _chosen_kinds(rng: random.Random) -> list[str]:
    kinds = [kind for kind in REQUEST_KINDS if rng.random() < 0.25]
    return kinds or ["開示"]


def power_of_attorney(person: Person, rng: random.Random, agent: Person) -> Draft:
    """委任状: the principal entrusts the request to `agent` and seals it with their 実印."""
    page = a4_page()
    draft = Draft(page)
    text = page.text
    signed = recent_day(rng, 40)
    kinds = _chosen_kinds(rng)

    text((A4_W // 2, 360), "委　任　状", 110, face="mincho", anchor="ms")
    text((RIGHT - 560, 520), dates.era(signed), BODY, face="mincho")
    text((LEFT, 650), f"{COMPANY}　{COMPANY_DESK}　御中", BODY, face="mincho")

    text((LEFT, 820), "（代理人）", BODY, face="mincho")
    text((LEFT + 60, 920), "住所", BODY, face="mincho")
    address_lines(page, (LEFT + 260, 920), agent.address, agent.building, BODY, RIGHT - LEFT - 260)
    text((LEFT + 60, 1060), "氏名", BODY, face="mincho")
    page.spaced_name((LEFT + 260, 1060), agent.family, agent.given, 56, face="mincho")

    text(
        (LEFT, 1220),
        "私は、上記の者を代理人と定め、下記の事項を委任します。",
        BODY,
        face="mincho",
    )
    text((A4_W // 2, 1340), "記", BODY, face="mincho", anchor="ms")
    request = "・".join(kinds)
    items = (
        f"１．{COMPANY}が保有する私の個人データの{request}の請求に関する一切の権限",
        "２．上記請求に係る通知書及び開示書類の受領に関する権限",
    )
    for i, item in enumerate(items):
        text((LEFT + 40, 1460 + i * 90), item, 44, face="mincho", max_width=RIGHT - LEFT - 40)
    text((RIGHT - 120, 1680), "以上", BODY, face="mincho")

    text((LEFT, 1880), "（委任者）", BODY, face="mincho")
    postal_box = text((LEFT + 260, 1980), _postal(person.postal_code), BODY, face="mincho")
    draft.put("postal_code", person.postal_code, postal_box)
    text((LEFT + 60, 2080), "住所", BODY, face="mincho")
    address_box = address_lines(
        page, (LEFT + 260, 2080), person.address, person.building, BODY, RIGHT - LEFT - 260
    )
    draft.put("address", person.full_address, address_box)
    text((LEFT + 60, 2260), "氏名", BODY, face="mincho")
    name_box = page.spaced_name((LEFT + 260, 2260), person.family, person.given, 64, face="mincho")
    draft.put("name", person.name, name_box)
    size = seal_size(person.seal_seed, person.family)
    seal_xy = (name_box[2] + 80, (name_box[1] + name_box[3]) // 2 - size // 2)
    draft.seal_box = press_seal(page, seal_xy, person.seal_seed, person.family)
    text((LEFT + 60, 2460), "生年月日", BODY, face="mincho")
    birth_box = text((LEFT + 300, 2460), dates.era(person.birth_date), BODY, face="mincho")
    draft.put("birth_date", person.birth_date.isoformat(), birth_box)
    text((LEFT + 60, 2580), "電話番号", BODY, face="mincho")
    text((LEFT + 300, 2580), person.phone, BODY, face="mincho")

    text(
        (LEFT, 3200),
        "※委任者の印鑑登録証明書（発行後３か月以内）を添付してください。",
        36,
        face="mincho",
        fill=GREY,
    )
    draft.extra.update(
        agent_name=agent.name,
        agent_address=agent.full_address,
        date=signed.isoformat(),
        request=request,
    )
    return draft


def application_form(person: Person, rng: random.Random, agent: Person) -> Draft:
    """The company's 開示等請求書, filled in by the principal or by `agent`."""
    page = a4_page()
    draft = Draft(page)
    text = page.text
    requested = recent_day(rng, 20)
    requester = rng.choice(("本人", "本人", "法定代理人", "任意代理人"))
    kinds = _chosen_kinds(rng)

    text((A4_W // 2, 300), "保有個人データ開示等請求書", 84, face="mincho", anchor="ms")
    text((LEFT, 440), f"{COMPANY}　{COMPANY_DESK}　御中", 44, face="mincho")
    text((RIGHT - 720, 440), f"請求日　{dates.era(requested)}", 44, face="mincho")

    text((LEFT, 560), "１．請求者の区分", 44)
    x = LEFT + 60
    for label in ("本人", "法定代理人", "任意代理人"):
        x = checkbox(page, (x, 650), label, label == requester)

    text((LEFT, 780), "２．ご本人", 44)
    draft.extra["customer_number"] = f"{rng.randint(10_000_000, 99_999_999)}"
    _principal_table(page, draft, person, 820)

    text((LEFT, 1720), "３．請求の種類（該当するものすべてに✓）", 44)
    for i, kind in enumerate(REQUEST_KINDS):
        checkbox(page, (LEFT + 60 + (i % 2) * 1000, 1810 + (i // 2) * 90), kind, kind in kinds)

    text((LEFT, 2160), "４．開示の方法", 44)
    method = rng.choice(("書面", "電磁的記録（CD-R）", "電子メール"))
    x = LEFT + 60
    for label in ("書面", "電磁的記録（CD-R）", "電子メール"):
        x = checkbox(page, (x, 2250), label, label == method)

    text((LEFT, 2350), "５．代理人（代理人による請求の場合のみ）", 44)
    cols = [LEFT, LEFT + 400, RIGHT]
    by_agent = requester != "本人"
    if requester == "任意代理人":
        relation = "委任を受けた者"
    elif dates.add_years(person.birth_date, 18) > requested:
        relation = "父" if agent.sex == "M" else "母"
    else:
        relation = "成年後見人"
    rows = (
        ("氏名", agent.name if by_agent else ""),
        ("住所", agent.full_address if by_agent else ""),
        ("電話番号", agent.phone if by_agent else ""),
        ("本人との関係", relation if by_agent else ""),
    )
    y = 2390
    for label, value in rows:
        ruled_row(page, y, y + 110, cols)
        text((LEFT + 20, y + 72), label, 40, face="mincho")
        if value:
            text((cols[1] + 30, y + 74), value, 44, face="mincho", max_width=RIGHT - cols[1] - 50)
        y += 110

    text((LEFT, 2980), "上記のとおり請求します。", 44, face="mincho")
    text((RIGHT - 1100, 3150), "署名", 44, face="mincho")
    page.draw.line((RIGHT - 980, 3165, RIGHT, 3165), fill=GREY, width=3)
    signer = agent if by_agent else person
    page.spaced_name((RIGHT - 940, 3140), signer.family, signer.given, 60, face="mincho")

    draft.extra.update(
        phone=person.phone,
        requester_type=requester,
        request_kinds="、".join(kinds),
        disclosure_method=method,
        date=requested.isoformat(),
    )
    if by_agent:
        draft.extra.update(agent_name=agent.name, relationship=relation)
    return draft


def _principal_table(page: Page, draft: Draft, person: Person, top: int) -> None:
    text = page.text
    cols = [LEFT, LEFT + 400, RIGHT]
    rows = (
        ("フリガナ", 90),
        ("氏名", 150),
        ("生年月日", 110),
        ("住所", 230),
        ("電話番号", 110),
        ("お客様番号", 110),
    )
    y = top
    for label, height in rows:
        ruled_row(page, y, y + height, cols)
        text((LEFT + 20, y + height // 2 + 16), label, 40, face="mincho")
        baseline = y + height // 2 + 18
        value_x = cols[1] + 30
        if label == "フリガナ":
            box = page.spaced_name((value_x, baseline), person.family_kana, person.given_kana, 44)
            draft.put("name_kana", person.name_kana, box)
        elif label == "氏名":
            box = page.spaced_name((value_x, baseline + 8), person.family, person.given, 64)
            draft.put("name", person.name, box)
        elif label == "生年月日":
            box = text((value_x, baseline), dates.era(person.birth_date), 44)
            draft.put("birth_date", person.birth_date.isoformat(), box)
        elif label == "住所":
            postal_box = text((value_x, y + 70), _postal(person.postal_code), 44)
            draft.put("postal_code", person.postal_code, postal_box)
            address_box = address_lines(
                page, (value_x, y + 150), person.address, person.building, 44, RIGHT - value_x - 30
            )
            draft.put("address", person.full_address, address_box)
        elif label == "電話番号":
            text((value_x, baseline), person.phone, 44)
        else:
            text((value_x, baseline), draft.extra["customer_number"], 44)
        y += height
