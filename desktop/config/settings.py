"""The `Settings` value: every key of kaiji.toml with its type, default and allowed values."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from desktop.config.paths import Paths
from desktop.config.problems import Problem
from desktop.config.schema import Key, keys_of, letterhead, rule
from desktop.domain.deadlines import PROFILES
from desktop.domain.envelopes import DEFAULT_ENVELOPE, ENVELOPES, SHIFT_LIMIT_MM

CONFIG_VERSION = 1

LANGUAGES = ("ja", "en")
# The letters' DateStyle values; repeated here so reading the settings does not load reportlab.
DATE_STYLES = ("era", "western", "both")
ADDRESS_POLICIES = ("registered", "id")
AGENT_POLICIES = ("agent", "principal")


@dataclass(frozen=True)
class Settings:
    """What an administrator configures; every field has a working default."""

    database_url: str = field(default="", metadata=rule())
    key_file: str = field(default="", metadata=rule())
    language: str = field(default="ja", metadata=rule(choices=LANGUAGES))
    jurisdiction_profile: str = field(default="appi", metadata=rule(choices=tuple(PROFILES)))
    due_soon_days: int = field(default=3, metadata=rule(minimum=0, maximum=90))
    repeat_requester_window_days: int = field(default=365, metadata=rule(minimum=0, maximum=3650))
    lockout_attempts: int = field(default=5, metadata=rule(minimum=1, maximum=100))
    lockout_minutes: int = field(default=15, metadata=rule(minimum=1, maximum=1440))
    # Per case, for purpose notices and disclosures (Art. 38).
    fee_yen: int = field(default=300, metadata=rule(minimum=0, maximum=100_000))
    return_postage_required: bool = field(default=False, metadata=rule())
    # 住民票, 印鑑登録証明書, 戸籍: "issued within 3 months".
    certificate_max_age_days: int = field(default=90, metadata=rule(minimum=1, maximum=3650))
    # Where the document scanner saves; empty: not watched.
    watched_folder: str = field(default="", metadata=rule())
    # The letterhead and contact point printed on every letter (差出人・お問い合わせ先).
    company_name: str = field(
        default="", metadata=letterhead("会社名", "company name", required=True)
    )
    company_department: str = field(
        default="", metadata=letterhead("部署名", "department", required=False)
    )
    company_postal_code: str = field(
        default="", metadata=letterhead("郵便番号", "postal code", required=True)
    )
    company_address: str = field(default="", metadata=letterhead("住所", "address", required=True))
    company_phone: str = field(
        default="", metadata=letterhead("電話番号", "telephone number", required=True)
    )
    company_email: str = field(
        default="", metadata=letterhead("メールアドレス", "e-mail address", required=False)
    )
    company_hours: str = field(
        default="", metadata=letterhead("受付時間", "opening hours", required=False)
    )
    complaint_contact: str = field(
        default="",
        metadata=letterhead("苦情の申出先", "where to make a complaint", required=True),
    )
    # 認定個人情報保護団体; empty when the company belongs to none.
    accredited_body: str = field(
        default="",
        metadata=letterhead(
            "認定個人情報保護団体", "accredited personal information body", required=False
        ),
    )
    # The letterhead of letters in English (letter_language = "en"); the postal code, phone
    # and e-mail are the Japanese letterhead's.
    company_name_en: str = field(
        default="",
        metadata=letterhead(
            "会社名（英語）", "company name in English", required=True, language="en"
        ),
    )
    company_department_en: str = field(
        default="",
        metadata=letterhead(
            "部署名（英語）", "department in English", required=False, language="en"
        ),
    )
    company_address_en: str = field(
        default="",
        metadata=letterhead("住所（英語）", "address in English", required=True, language="en"),
    )
    company_hours_en: str = field(
        default="",
        metadata=letterhead(
            "受付時間（英語）", "opening hours in English", required=False, language="en"
        ),
    )
    complaint_contact_en: str = field(
        default="",
        metadata=letterhead(
            "苦情の申出先（英語）", "where to complain, in English", required=True, language="en"
        ),
    )
    accredited_body_en: str = field(
        default="",
        metadata=letterhead(
            "認定個人情報保護団体（英語）",
            "accredited body in English",
            required=False,
            language="en",
        ),
    )
    letter_date_style: str = field(default="era", metadata=rule(choices=DATE_STYLES))
    letter_language: str = field(default="ja", metadata=rule(choices=LANGUAGES))
    # Letters go to the customer's "registered" address or the one on the "id" document.
    letter_address_policy: str = field(
        default="registered", metadata=rule(choices=ADDRESS_POLICIES)
    )
    # In an agent's case the letters go to the "agent" (who made the request) or the "principal".
    letter_agent_policy: str = field(default="agent", metadata=rule(choices=AGENT_POLICIES))
    # The window envelope the letters are folded into, and the company's fine adjustment of the
    # window's position on the sheet (mm, right and down), read off a calibration print.
    envelope: str = field(default=DEFAULT_ENVELOPE, metadata=rule(choices=tuple(ENVELOPES)))
    envelope_shift_x_mm: int = field(
        default=0, metadata=rule(minimum=-SHIFT_LIMIT_MM, maximum=SHIFT_LIMIT_MM)
    )
    envelope_shift_y_mm: int = field(
        default=0, metadata=rule(minimum=-SHIFT_LIMIT_MM, maximum=SHIFT_LIMIT_MM)
    )
    # Submitted documents are destroyed this long after closing.
    retention_months: int = field(default=6, metadata=rule(minimum=1, maximum=1200))
    # The dashboard flags longer waits for documents.
    awaiting_documents_alert_days: int = field(default=14, metadata=rule(minimum=1, maximum=365))
    version: int = field(default=CONFIG_VERSION, metadata=rule(minimum=1, maximum=CONFIG_VERSION))
    paths: Paths = field(default_factory=Paths.resolve, compare=False)

    @property
    def effective_database_url(self) -> str:
        return self.database_url or f"sqlite:///{self.paths.data_dir / 'kaiji.db'}"

    @property
    def effective_key_file(self) -> Path:
        return Path(self.key_file) if self.key_file else self.paths.data_dir / "kaiji.key"


SETTINGS_KEYS: tuple[Key, ...] = keys_of(Settings)
LETTERHEAD_KEYS: tuple[Key, ...] = tuple(k for k in SETTINGS_KEYS if k.rule.letterhead)


def missing_letterhead(settings: Settings) -> tuple[Key, ...]:
    """The letterhead keys a letter needs that are still blank (none: letters may be issued).

    Each key carries `rule.label_ja` / `rule.label_en`, so a refusal can say what to fill in.
    """
    return tuple(
        key
        for key in LETTERHEAD_KEYS
        if key.rule.required_for_letters
        and key.rule.letter_language in ("", settings.letter_language)
        and not str(getattr(settings, key.name)).strip()
    )


def letterhead_problem(settings: Settings) -> Problem | None:
    """What the start-up check says while letters cannot be issued: the blank fields by name."""
    missing = missing_letterhead(settings)
    if not missing:
        return None
    ja = "、".join(f"{k.rule.label_ja}（{k.name}）" for k in missing)
    en = ", ".join(f"{k.rule.label_en} ({k.name})" for k in missing)
    return Problem(
        f"通知書の差出人欄に必要な設定が空欄です: {ja}。入力するまで通知書は作成できません。",
        f"Letterhead settings letters need are blank: {en}. No letter can be issued until they "
        "are filled in.",
    )
