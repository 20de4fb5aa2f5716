"""The cancel token: set from one thread, seen by the work polling it in another."""

from __future__ import annotations

import threading

from desktop.domain.progress import CancelToken, is_cancelled, report


def test_a_token_set_in_another_thread_is_seen_by_the_work() -> None:
    token = CancelToken()
    assert not token.cancelled
    assert not is_cancelled(token)
    setter = threading.Thread(target=token.cancel)
    setter.start()
    setter.join()
    assert token.cancelled
    assert is_cancelled(token)


def test_no_token_is_never_cancelled_and_no_progress_is_fine() -> None:
    assert not is_cancelled(None)
    report(None, 1, 2)
    seen: list[tuple[int, int]] = []
    report(lambda done, total: seen.append((done, total)), 1, 2)
    assert seen == [(1, 2)]
