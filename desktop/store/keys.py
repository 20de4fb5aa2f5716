"""The workstation key: one 32-byte secret kept outside the database, and what is derived from it.

The raw key seals pages and letters (`store/blobs.py`). The audit chain is keyed with a separate
key derived from it, so an event cannot be forged or re-hashed by someone holding only the
database. The fingerprint, recorded in the database, tells whether a workstation holds the key
the data was sealed with; it reveals nothing of the key.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from pathlib import Path

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
