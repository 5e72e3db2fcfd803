"""Who may see what: the roles, their capabilities, and the signed-in user (UU 27/2022: disability and health are
specific personal data, so their detail is a capability of its own).

Kept apart from the accounts (``kancil.store.accounts``: passwords, sign-in) because every layer asks "may this
user…?" — the page registry, the page frame, the download path — and none of them needs the password code.
"""

from __future__ import annotations

from dataclasses import dataclass

ROLES = ("kepala_kantor", "supervisor", "auditor", "admin")
SESSION_IDLE_MINUTES = 30

# What each capability allows, by role.
CAPABILITIES: dict[str, frozenset[str]] = {
    "dashboard": frozenset({"kepala_kantor", "supervisor", "auditor"}),
    "simulation": frozenset({"kepala_kantor", "supervisor"}),  # the Simulasi page: decisions, not audit
    "officer_detail": frozenset({"supervisor", "auditor"}),
    "sensitive_detail": frozenset({"supervisor", "auditor"}),
    "data_import": frozenset({"supervisor", "admin"}),
    "settings": frozenset({"supervisor"}),
    "download_rows": frozenset({"auditor"}),
    "download_log": frozenset({"auditor", "admin"}),
    "users": frozenset({"admin"}),
}


@dataclass(frozen=True)
class User:
    username: str
    role: str
    display_name: str


def can(user: User | None, capability: str) -> bool:
    return user is not None and user.role in CAPABILITIES[capability]
