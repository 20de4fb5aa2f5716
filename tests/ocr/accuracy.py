"""Field accuracy of the OCR pipeline on generated documents, per kind and per degradation.

Run on demand: `.venv/bin/python -m tests.ocr.accuracy [--seeds N] [--kinds K,K] [--verbose]`.
Prints, for each document kind, the share of the seven fields read exactly right on clean 300 dpi
scans and on each degradation, whether the kind was recognised, and whether any secret number
survived masking (it must never).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import time
import unicodedata
from collections import defaultdict

from desktop.domain.documents import FieldName
from desktop.matching.names import fold_variants
from desktop.ocr.pipeline import PageResult, read_page
from tests.docgen import CARDS, DEGRADATIONS, KINDS, generate

CONDITIONS: tuple[tuple[str, ...], ...] = ((), *((d,) for d in DEGRADATIONS))


def leaked(result: PageResult, secrets: list[str]) -> list[str]:
    """The secret digit strings that appear in the result's text, fields or JSON."""
    shown = json.dumps(result.to_json("f", 1), ensure_ascii=False) + result.text
    shown += json.dumps(result.extras, ensure_ascii=False)
    digits = re.sub(r"\D", "", unicodedata.normalize("NFKC", shown))
    return [s for s in secrets if s and re.sub(r"\D", "", s) in digits]


def _fold(value: str | None) -> str | None:
    """Up to variant kanji (髙/高) and character width (２/2), which verification folds anyway."""
    return None if value is None else fold_variants(unicodedata.normalize("NFKC", value))


def main() -> None:
    os.environ["OMP_THREAD_LIMIT"] = "1"
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seeds", type=int, default=3)
    parser.add_argument("--kinds", default=",".join(KINDS))
    parser.add_argument("--degradations", default=",".join(["clean", *DEGRADATIONS]))
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    wanted = args.degradations.split(",")
    conditions = [c for c in CONDITIONS if ("+".join(c) or "clean") in wanted]
    right: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    folded: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    kind_ok: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    leaks = 0
    started = time.perf_counter()
    for kind in args.kinds.split(","):
        for condition in conditions:
            label = "+".join(condition) or "clean"
            for seed in range(args.seeds):
                sample = generate(kind, seed, degrade=condition)
                result = read_page(sample.image, sample.dpi)
                kind_ok[kind][0] += result.kind.value == kind
                kind_ok[kind][1] += 1
                for name in FieldName:
                    expected = sample.fields.get(name.value)
                    got = result.fields[name].value
                    right[(kind, label)][0] += got == expected
                    folded[(kind, label)][0] += _fold(got) == _fold(expected)
                    folded[(kind, label)][1] += 1
                    right[(kind, label)][1] += 1
                    if args.verbose and got != expected:
                        print(f"{kind} {label} {seed} {name.value}: {got!r} != {expected!r}")  # noqa: T201
                found = leaked(result, sample.secret_numbers)
                leaks += bool(found)
                if found:
                    print(f"LEAK {kind} {label} seed {seed}")  # noqa: T201
    labels = ["+".join(c) or "clean" for c in conditions]
    for table, title in ((right, "exact"), (folded, "up to variant kanji and width")):
        print(f"fields right, {title}")  # noqa: T201
        print(f"{'kind':<22}" + "".join(f"{lab:>12}" for lab in labels) + "   kind ok")  # noqa: T201
        for kind in args.kinds.split(","):
            cells = []
            for lab in labels:
                ok, total = table[(kind, lab)]
                cells.append(f"{100 * ok / total:11.1f}%" if total else f"{'-':>12}")
            ok, total = kind_ok[kind]
            print(f"{kind:<22}" + "".join(cells) + f"   {ok}/{total}")  # noqa: T201
    kinds = args.kinds.split(",")
    groups = (("cards", [k for k in kinds if k in CARDS]), ("all documents", kinds))
    for table, title in ((right, "exact"), (folded, "up to variant kanji and width")):
        for part in ("clean", "degraded"):
            for group, members in groups:
                cells = [
                    table[(k, lab)]
                    for k in members
                    for lab in labels
                    if (lab == "clean") == (part == "clean")
                ]
                ok, total = sum(c[0] for c in cells), sum(c[1] for c in cells)
                share = 100 * ok / max(total, 1)
                print(f"{part} {group}: fields right ({title}) {share:.1f}% of {total}")  # noqa: T201
    print(f"pages leaking a secret number: {leaks}")  # noqa: T201
    print(f"{time.perf_counter() - started:.0f} s")  # noqa: T201


if __name__ == "__main__":
    main()
