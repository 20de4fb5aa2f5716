"""Guards against a known-bad Qt binding: PySide6 6.12.0 on Python 3.11 loses a reference to
`True` on every signal emit and aborts the interpreter after about a thousand emits. The
dependency pin in pyproject.toml keeps it out; this test fails loudly if it comes back."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    ping = Signal(int)


def test_signal_emits_keep_reference_counts() -> None:
    emitter = _Emitter()
    heard: list[int] = []
    emitter.ping.connect(heard.append)
    before = sys.getrefcount(True)
    for i in range(200):
        emitter.ping.emit(i)
    assert sys.getrefcount(True) >= before - 10
    assert len(heard) == 200


def test_a_working_day_of_emits_does_not_abort() -> None:
    emitter = _Emitter()
    heard: list[int] = []
    emitter.ping.connect(heard.append)
    for i in range(50_000):
        emitter.ping.emit(i)
    assert len(heard) == 50_000
