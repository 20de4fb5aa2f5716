"""Scans are encrypted at rest: what is stored is unreadable without the key, and tamper-evident."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from desktop.store.blobs import BlobCipher, BlobDamaged, KeyUnavailable, load_key


def test_a_sealed_page_opens_with_the_key_and_shows_nothing_in_the_clear() -> None:
    cipher = BlobCipher(os.urandom(32))
    page = b"\x89PNG fake page naming " + "山田太郎 東京都新宿区西新宿2-8-1".encode()
    blob, digest = cipher.seal(page)
    assert "山田".encode() not in blob
    assert b"PNG" not in blob
    assert cipher.open(blob, digest) == page


def test_sealing_the_same_page_twice_gives_different_blobs() -> None:
    cipher = BlobCipher(os.urandom(32))
    first, digest = cipher.seal(b"page")
    second, digest2 = cipher.seal(b"page")
    assert first != second
    assert digest == digest2


@pytest.mark.parametrize("damage", ["flip", "other_key", "other_digest", "truncate"])
def test_a_damaged_or_misplaced_blob_is_refused(damage: str) -> None:
    cipher = BlobCipher(os.urandom(32))
    blob, digest = cipher.seal(b"page one")
    _, other_digest = cipher.seal(b"page two")
    attempts = {
        "flip": lambda: cipher.open(blob[:-1] + bytes([blob[-1] ^ 1]), digest),
        "other_key": lambda: BlobCipher(os.urandom(32)).open(blob, digest),
        "other_digest": lambda: cipher.open(blob, other_digest),
        "truncate": lambda: cipher.open(blob[:10], digest),
    }
    with pytest.raises(BlobDamaged):
        attempts[damage]()


def test_a_missing_or_short_key_file_is_a_clear_message(tmp_path: Path) -> None:
    with pytest.raises(KeyUnavailable) as missing:
        load_key(tmp_path / "kaiji.key")
    assert "暗号鍵ファイル" in missing.value.message("ja")
    short = tmp_path / "short.key"
    short.write_bytes(b"123")
    with pytest.raises(KeyUnavailable):
        load_key(short)
