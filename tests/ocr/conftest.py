"""Pages read once per test session: reading is the slow part, asserting on it is not."""

from __future__ import annotations

import os
from collections.abc import Callable

import pytest

from desktop.ocr.pipeline import PageResult, read_page
from tests.docgen import Sample, generate

os.environ["OMP_THREAD_LIMIT"] = "1"

Reader = Callable[..., tuple[Sample, PageResult]]


@pytest.fixture(scope="session")
def read_sample() -> Reader:
    """`read_sample(kind, seed, *degradations)` → (generated sample, what the pipeline read)."""
    cache: dict[tuple[str, int, tuple[str, ...]], tuple[Sample, PageResult]] = {}

    def read(kind: str, seed: int, *degrade: str) -> tuple[Sample, PageResult]:
        key = (kind, seed, degrade)
        if key not in cache:
            sample = generate(kind, seed, degrade=degrade)
            cache[key] = sample, read_page(sample.image, sample.dpi)
        return cache[key]

    return read
