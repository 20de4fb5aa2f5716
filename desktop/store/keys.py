"""The workstation key: one 32-byte secret kept outside the database, and what is derived from it.

The raw key seals pages and letters (`store/blobs.py`). The audit chain is keyed with a separate
key derived from it, so an event cannot be forged or re-hashed by someone holding only the
database. The fingerprint, recorded in the database, tells whether a workstation holds the key
the data was sealed with; it reveals nothing of the key.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from desktop.store.blobs import BlobCipher, load_key

# Where a session finds the workstation key file (`store.db.make_session_factory`).
KEY_FILE_INFO = "kaiji_key_file"

_AUDIT_LABEL = b"kaiji-desk/audit-chain/v1"
_FINGERPRINT_LABEL = b"kaiji-desk/key-fingerprint/v1"


@dataclass(frozen=True)
class WorkstationKey:
    secret: bytes

    @classmethod
    def from_file(cls, path: Path) -> WorkstationKey:
        return cls(load_key(path))

    @property
    def audit_key(self) -> bytes:
        return hmac.new(self.secret, _AUDIT_LABEL, hashlib.sha256).digest()

    @property
    def fingerprint(self) -> str:
        return hmac.new(self.secret, _FINGERPRINT_LABEL, hashlib.sha256).hexdigest()[:32]

    @property
    def cipher(self) -> BlobCipher:
        return BlobCipher(self.secret)


# A key rotation (`kaiji key rotate`) keeps the chain verifiable with the new key alone: the
# rotation event carries the previous audit key sealed under the new one, and a MAC under the
# previous key proving that its holder made the switch.
_WRAP_LABEL = b"kaiji-desk/audit-key-wrap/v1"
_ROTATION_LABEL = "kaiji-desk/key-rotation/v1"
_NONCE_BYTES = 12


def _wrapping_key(audit_key: bytes) -> bytes:
    return hmac.new(audit_key, _WRAP_LABEL, hashlib.sha256).digest()


def wrap_audit_key(new_audit_key: bytes, previous_audit_key: bytes, seq: int) -> str:
    nonce = os.urandom(_NONCE_BYTES)
    sealed = AESGCM(_wrapping_key(new_audit_key)).encrypt(
        nonce, previous_audit_key, f"rotation:{seq}".encode()
    )
    return (nonce + sealed).hex()


def unwrap_audit_key(audit_key: bytes, wrapped: str, seq: int) -> bytes | None:
    """The previous audit key, or None when `wrapped` was not sealed with `audit_key`."""
    try:
        raw = bytes.fromhex(wrapped)
        return AESGCM(_wrapping_key(audit_key)).decrypt(
            raw[:_NONCE_BYTES], raw[_NONCE_BYTES:], f"rotation:{seq}".encode()
        )
    except (ValueError, InvalidTag):
        return None


def rotation_mac(previous_audit_key: bytes, seq: int, prev_hash: str, new_fingerprint: str) -> str:
    message = f"{_ROTATION_LABEL}:{seq}:{prev_hash}:{new_fingerprint}".encode()
    return hmac.new(previous_audit_key, message, hashlib.sha256).hexdigest()
