"""Personal values the audit log keeps, sealed with a key of their own that purge destroys
(crypto-shredding).

A field correction or a re-reading of a page is audited with the values before and after. Those
values are the requester's personal data, and the audit log is append-only: they cannot be
deleted from it when the page is destroyed. So they are written sealed (AES-GCM) under a key kept
on the page's row (`Document.payload_key`); the event's MAC covers the sealed bytes, so the chain
still verifies once `kaiji purge` has destroyed the key with the page, and the values are gone.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from desktop.store.models import Document

SEALED = "sealed_personal_values"
_AAD = b"kaiji-desk/audit-payload/v1"
_NONCE_BYTES = 12


def seal_values(document: Document, values: Mapping[str, Any]) -> dict[str, str]:
    """`values` sealed under the page's payload key (made on first use), for an event's changes."""
    if document.payload_key is None:
        document.payload_key = os.urandom(32)
    plaintext = json.dumps(values, ensure_ascii=False, sort_keys=True).encode("utf-8")
    nonce = os.urandom(_NONCE_BYTES)
    sealed = AESGCM(document.payload_key).encrypt(nonce, plaintext, _AAD)
    return {SEALED: (nonce + sealed).hex()}


def open_values(document: Document, changes: Mapping[str, Any]) -> dict[str, Any] | None:
    """The values an event sealed for this page; None once the page's key was destroyed."""
    key = document.payload_key
    sealed = changes.get(SEALED)
    if key is None or not isinstance(sealed, str):
        return None
    raw = bytes.fromhex(sealed)
    try:
        plaintext = AESGCM(key).decrypt(raw[:_NONCE_BYTES], raw[_NONCE_BYTES:], _AAD)
    except InvalidTag:
        return None
    values: dict[str, Any] = json.loads(plaintext)
    return values
