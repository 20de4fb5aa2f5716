"""Synthetic scans of the documents requesters enclose, with exact ground truth, for OCR tests.

    from tests.docgen import generate
    sample = generate("drivers_license", seed=3, degrade=("skew", "noise"))
    sample.image, sample.fields["number"], sample.field_boxes["number"]

Cards are ID-1 size (passport: its 125 × 88 mm data page) on a scanner lid, about 1100 × 720
pixels; the other kinds are A4 pages (2480 × 3508), all at 300 dpi. Degradations apply in the
order given: put "dpi200" first to make the others (skew and blur of an A4 page take a second
or more) about twice as fast.

`fields` holds what `kaiji ocr --json` should output, as printed:
- names as "family given"; passport and residence card in romaji ("TAKAHASHI ICHIRO");
  family_register: the principal is a child in the register of `agent` (the 筆頭者, a parent);
  only the 【名】 is printed for them, so the box is that line and the family name is the 筆頭者's.
- name_kana on the 住民票 and the application form; postal_code on the power of attorney and
  the application form; address wherever printed (building included, after one space).
- expiry_date: valid-until on cards, date of issue on 住民票, 印鑑登録証明書 and 戸籍;
  number: licence, passport, residence card and seal registration numbers.
`secret_numbers` are printed but must never be output: the My Number on mynumber_back; the
記号, 番号 (with 枝番 in its box) and 保険者番号 on health_insurance, in that order with
`secret_boxes`. The passport's MRZ is in `extra["mrz"]` and `other_boxes["mrz"]`.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from tests.docgen.canvas import DPI
from tests.docgen.cards_japanese import drivers_license, mynumber_back, mynumber_front
from tests.docgen.cards_other import health_insurance, passport, residence_card
from tests.docgen.certificates import family_register, residence_certificate, seal_certificate
from tests.docgen.degrade import DEGRADATIONS, apply_degradations
from tests.docgen.forms import application_form, power_of_attorney
from tests.docgen.people import Person, make_person
from tests.docgen.sample import Draft, Sample

__all__ = ["CARDS", "DEGRADATIONS", "KINDS", "Person", "Sample", "generate", "make_person"]

_Renderer = Callable[[Person, random.Random, Person], Draft]


def _ignoring_agent(render: Callable[[Person, random.Random], Draft]) -> _Renderer:
    return lambda person, rng, _agent: render(person, rng)


_RENDERERS: dict[str, _Renderer] = {
    "drivers_license": _ignoring_agent(drivers_license),
    "mynumber_front": _ignoring_agent(mynumber_front),
    "mynumber_back": _ignoring_agent(mynumber_back),
    "health_insurance": _ignoring_agent(health_insurance),
    "passport": _ignoring_agent(passport),
    "residence_card": _ignoring_agent(residence_card),
    "residence_certificate": _ignoring_agent(residence_certificate),
    "seal_certificate": _ignoring_agent(seal_certificate),
    "power_of_attorney": power_of_attorney,
    "family_register": family_register,
    "application_form": application_form,
}

KINDS: tuple[str, ...] = tuple(_RENDERERS)
# The identity cards (85.6 × 54 mm, the passport's data page); the other kinds are A4 pages.
CARDS: tuple[str, ...] = KINDS[:6]


def generate(
    kind: str,
    seed: int,
    degrade: tuple[str, ...] = (),
    person: Person | None = None,
    agent: Person | None = None,
) -> Sample:
    """Render document `kind` for `person` (default: `make_person(seed)`), then degrade it.

    The same arguments always give the same pixels. `agent` is who a power of attorney, the
    application form or a family register names beside the principal (default: another
    fictitious person).
    """
    if kind not in _RENDERERS:
        msg = f"unknown document kind {kind!r}; known: {', '.join(KINDS)}"
        raise ValueError(msg)
    person = person or make_person(seed)
    agent = agent or make_person(seed + 100_003)
    draft = _RENDERERS[kind](person, random.Random(f"{kind}-{seed}"), agent)
    return _scan(kind, draft, degrade, random.Random(f"scan-{kind}-{seed}-{degrade}"), person)


def _scan(
    kind: str, draft: Draft, names: tuple[str, ...], rng: random.Random, person: Person
) -> Sample:
    image, dpi, move = apply_degradations(draft.page.image, DPI, names, rng)
    page = draft.page
    return Sample(
        kind=kind,
        image=image,
        dpi=dpi,
        fields=dict(draft.fields),
        secret_numbers=list(draft.secret_numbers),
        secret_boxes=[move(b) for b in page.secret_boxes],
        field_boxes={k: move(b) for k, b in page.field_boxes.items()},
        seal_box=None if draft.seal_box is None else move(draft.seal_box),
        person=person,
        extra=dict(draft.extra),
        other_boxes={k: move(b) for k, b in page.other_boxes.items()},
    )
