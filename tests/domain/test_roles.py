"""Roles carry permissions: clerks cannot approve, only admins manage users."""

from __future__ import annotations

import pytest

from desktop.domain.roles import Permission, PermissionDenied, Role, can, require


def test_role_permissions() -> None:
    assert not can(Role.CLERK, Permission.APPROVE)
    assert can(Role.SUPERVISOR, Permission.APPROVE)
    assert can(Role.ADMIN, Permission.MANAGE_USERS)
    assert not can(Role.SUPERVISOR, Permission.MANAGE_USERS)
    assert not can(Role.CLERK, Permission.MANAGE_USERS)
    for role in Role:
        assert can(role, Permission.LOG_REQUEST)


def test_denial_explains_in_both_languages() -> None:
    with pytest.raises(PermissionDenied) as caught:
        require(Role.CLERK, Permission.APPROVE)
    assert caught.value.message("ja") == "担当者の権限では「決定の承認・差戻し」はできません。"
    assert caught.value.message("en") == "A clerk may not approve or return decisions."
