"""Who may do what (権限): roles and the permissions they carry."""

from __future__ import annotations

from enum import StrEnum

from desktop.domain.errors import KnownError


class Role(StrEnum):
    CLERK = "clerk"  # 担当者
    SUPERVISOR = "supervisor"  # 責任者
    ADMIN = "admin"  # 管理者

    @property
    def label_ja(self) -> str:
        return {"clerk": "担当者", "supervisor": "責任者", "admin": "管理者"}[self.value]

    @property
    def label_en(self) -> str:
        return {"clerk": "Clerk", "supervisor": "Supervisor", "admin": "Administrator"}[self.value]


class Permission(StrEnum):
    LOG_REQUEST = "log_request"
    EDIT_CASE = "edit_case"
    CHANGE_STATUS = "change_status"
    APPROVE = "approve"
    MANAGE_USERS = "manage_users"
    VIEW_AUDIT = "view_audit"
    MANAGE_REASONS = "manage_reasons"

    @property
    def label_ja(self) -> str:
        return _PERMISSION_LABELS[self][0]

    @property
    def label_en(self) -> str:
        return _PERMISSION_LABELS[self][1]


_PERMISSION_LABELS: dict[Permission, tuple[str, str]] = {
    Permission.LOG_REQUEST: ("請求の受付", "log requests"),
    Permission.EDIT_CASE: ("案件の編集", "edit cases"),
    Permission.CHANGE_STATUS: ("状態の変更", "change a case's status"),
    Permission.APPROVE: ("決定の承認・差戻し", "approve or return decisions"),
    Permission.MANAGE_USERS: ("利用者の管理", "manage users"),
    Permission.VIEW_AUDIT: ("監査ログの閲覧", "view the audit log"),
    Permission.MANAGE_REASONS: ("理由の管理", "manage the reason catalog"),
}

_CASEWORK = frozenset({Permission.LOG_REQUEST, Permission.EDIT_CASE, Permission.CHANGE_STATUS})

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.CLERK: _CASEWORK,
    Role.SUPERVISOR: _CASEWORK | {Permission.APPROVE, Permission.VIEW_AUDIT},
    # Admins run the installation; approving decisions stays with supervisors.
    Role.ADMIN: _CASEWORK
    | {Permission.MANAGE_USERS, Permission.VIEW_AUDIT, Permission.MANAGE_REASONS},
}


class PermissionDenied(KnownError):
    def __init__(self, role: Role, permission: Permission) -> None:
        super().__init__(
            f"{role.label_ja}の権限では「{permission.label_ja}」はできません。",
            f"A {role.label_en.lower()} may not {permission.label_en}.",
        )
        self.role = role
        self.permission = permission


def can(role: Role, permission: Permission) -> bool:
    return permission in ROLE_PERMISSIONS[role]


def require(role: Role, permission: Permission) -> None:
    if not can(role, permission):
        raise PermissionDenied(role, permission)
