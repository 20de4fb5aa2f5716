"""Scans and letters encrypted at rest: AES-256-GCM with the workstation key file.

A sealed blob is `version byte | 12-byte nonce | ciphertext+tag`. The SHA-256 of the plaintext is
the associated data, so a blob moved onto another row (with another recorded hash) fails to open
instead of showing the wrong page.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from desktop.domain.errors import KnownError

KEY_BYTES = 32
_FORMAT_V1 = b"\x01"
_NONCE_BYTES = 12


class KeyUnavailable(KnownError):
    def __init__(self, path: Path, why_ja: str, why_en: str) -> None:
        super().__init__(
            f"暗号鍵ファイル {path} を読めません（{why_ja}）。管理者に連絡してください。",
            f"Cannot read the encryption key file {path} ({why_en}). Contact your administrator.",
        )


class BlobDamaged(KnownError):
    def __init__(self) -> None:
        super().__init__(
            "保存された画像を復号できません。鍵ファイルが違うか、データが壊れています。",
            "A stored image cannot be decrypted: the key file differs or the data is damaged.",
        )


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def load_key(path: Path) -> bytes:
    try:
        key = path.read_bytes()
    except FileNotFoundError as exc:
        raise KeyUnavailable(path, "ファイルがありません", "file not found") from exc
    except OSError as exc:
        raise KeyUnavailable(path, exc.strerror or "読み取りエラー", str(exc)) from exc
    if len(key) != KEY_BYTES:
        raise KeyUnavailable(path, "長さが正しくありません", "wrong length")
    return key


@dataclass(frozen=True)
class BlobCipher:
    key: bytes

    @classmethod
    def from_key_file(cls, path: Path) -> BlobCipher:
        return cls(load_key(path))

    def seal(self, plaintext: bytes) -> tuple[bytes, str]:
        """The sealed blob and the plaintext's SHA-256 (kept beside it, in the clear)."""
        digest = sha256_hex(plaintext)
        nonce = os.urandom(_NONCE_BYTES)
        sealed = AESGCM(self.key).encrypt(nonce, plaintext, digest.encode())
        return _FORMAT_V1 + nonce + sealed, digest

    def open(self, blob: bytes, digest: str) -> bytes:
        if blob[:1] != _FORMAT_V1 or len(blob) < 1 + _NONCE_BYTES + 16:
            raise BlobDamaged
        nonce = blob[1 : 1 + _NONCE_BYTES]
        try:
            plaintext = AESGCM(self.key).decrypt(nonce, blob[1 + _NONCE_BYTES :], digest.encode())
        except InvalidTag as exc:
            raise BlobDamaged from exc
        if sha256_hex(plaintext) != digest:
            raise BlobDamaged
        return plaintext
