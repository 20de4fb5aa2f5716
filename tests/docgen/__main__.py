"""Write a sample PNG and its ground truth (JSON) for every document kind, to look at them:

python -m tests.docgen OUTDIR [DEGRADATION...]
"""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path

from tests.docgen import DEGRADATIONS, KINDS, generate


def main(argv: list[str]) -> int:
    if not argv or any(name not in DEGRADATIONS for name in argv[1:]):
        sys.stderr.write(
            "usage: python -m tests.docgen OUTDIR [DEGRADATION...]\n"
            f"degradations: {' '.join(DEGRADATIONS)}\n"
        )
        return 2
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    degrade = tuple(argv[1:])
    for seed, kind in enumerate(KINDS):
        sample = generate(kind, seed, degrade)
        sample.image.save(out / f"{kind}.png", dpi=(sample.dpi, sample.dpi))
        truth = {
            "kind": kind,
            "dpi": sample.dpi,
            "fields": sample.fields,
            "field_boxes": sample.field_boxes,
            "secret_numbers": sample.secret_numbers,
            "secret_boxes": sample.secret_boxes,
            "seal_box": sample.seal_box,
            "other_boxes": sample.other_boxes,
            "extra": sample.extra,
            "person": dataclasses.asdict(sample.person),
        }
        (out / f"{kind}.json").write_text(
            json.dumps(truth, ensure_ascii=False, indent=2, default=str), encoding="utf-8"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
