"""Settings in one typed place: where the data lives and how the office works.

The config file (`kaiji.toml` in the user config dir) holds what an administrator sets once;
GUI preferences (window geometry, last filters) live in QSettings inside `desktop.gui`.
"""

from __future__ import annotations

import logging
import os
import tomllib
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path

import platformdirs

from desktop.domain.errors import KnownError

log = logging.getLogger("kaiji.config")

APP_NAME = "kaiji-desk"
CONFIG_VERSION = 1
CONFIG_FILE = "kaiji.toml"


@dataclass(frozen=True)
class Paths:
    """Folders the app writes to; `KAIJI_HOME` puts them all under one folder (tests, demos)."""

    data_dir: Path
    config_dir: Path
    log_dir: Path

    @classmethod
    def resolve(cls, environ: dict[str, str] | None = None) -> Paths:
        env = os.environ if environ is None else environ
        home = env.get("KAIJI_HOME")
        if home:
            base = Path(home)
            return cls(base / "data", base / "config", base / "log")
        return cls(
            Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
            Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
            Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)),
        )


@dataclass(frozen=True)
class Settings:
    """What an administrator configures; every field has a working default."""

    database_url: str = ""
    key_file: str = ""
    language: str = "ja"
    jurisdiction_profile: str = "appi"
    due_soon_days: int = 3
    repeat_requester_window_days: int = 365
    lockout_attempts: int = 5
    lockout_minutes: int = 15
    fee_yen: int = 300  # per case, for purpose notices and disclosures (Art. 38)
    return_postage_required: bool = False
    certificate_max_age_days: int = 90  # 住民票, 印鑑登録証明書, 戸籍: "issued within 3 months"
    watched_folder: str = ""  # where the document scanner saves; empty: not watched
    # The letterhead and contact point printed on every letter (差出人・お問い合わせ先).
    company_name: str = ""
    company_department: str = ""
    company_postal_code: str = ""
    company_address: str = ""
    company_phone: str = ""
    company_email: str = ""
    company_hours: str = ""
    complaint_contact: str = ""  # where to complain (苦情の申出先)
    accredited_body: str = ""  # 認定個人情報保護団体; empty when the company belongs to none
    letter_date_style: str = "era"  # "era" 令和8年…, "western" 2026年…, or "both"
    letter_language: str = "ja"  # "ja" or "en"
    letter_address_policy: str = "registered"  # letters go to the "registered" or the "id" address
    retention_months: int = 6  # submitted documents are destroyed this long after closing
    awaiting_documents_alert_days: int = 14  # the dashboard flags longer waits for documents
    version: int = CONFIG_VERSION
    paths: Paths = field(default_factory=Paths.resolve, compare=False)

    @property
    def effective_database_url(self) -> str:
        return self.database_url or f"sqlite:///{self.paths.data_dir / 'kaiji.db'}"

    @property
    def effective_key_file(self) -> Path:
        return Path(self.key_file) if self.key_file else self.paths.data_dir / "kaiji.key"


class ConfigError(KnownError):
    pass


# Upgrade steps from one config version to the next, applied in order on load.
_UPGRADES: dict[int, dict[str, str]] = {}


def load_settings(paths: Paths, environ: dict[str, str] | None = None) -> Settings:
    """Read the config file (if any), apply upgrades, then `KAIJI_DB` from the environment."""
    env = os.environ if environ is None else environ
    values: dict[str, object] = {}
    config_path = paths.config_dir / CONFIG_FILE
    if config_path.exists():
        try:
            values = tomllib.loads(config_path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(
                f"設定ファイル {config_path} を読み込めません: {exc}",
                f"Cannot read the settings file {config_path}: {exc}",
            ) from exc
    version = int(str(values.get("version", CONFIG_VERSION)))
    for step in sorted(v for v in _UPGRADES if v >= version):
        for old, new in _UPGRADES[step].items():
            if old in values:
                values[new] = values.pop(old)
    known = {f.name for f in fields(Settings)} - {"paths"}
    unknown = set(values) - known
    if unknown:
        log.warning("ignoring unknown settings: %s", ", ".join(sorted(unknown)))
    kwargs = {k: v for k, v in values.items() if k in known}
    kwargs["version"] = CONFIG_VERSION
    settings = Settings(paths=paths, **kwargs)  # type: ignore[arg-type]
    if env.get("KAIJI_DB"):
        settings = replace(settings, database_url=env["KAIJI_DB"])
    return settings


def save_settings(settings: Settings) -> Path:
    """Write the config file atomically (temporary file, then rename)."""
    path = settings.paths.config_dir / CONFIG_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = ["# Kaiji Desk settings"]
    for key, value in asdict(settings).items():
        if key == "paths":
            continue
        if isinstance(value, bool):
            lines.append(f"{key} = {'true' if value else 'false'}")
        elif isinstance(value, int):
            lines.append(f"{key} = {value}")
        else:
            escaped = str(value).replace("\\", "\\\\").replace('"', '\\"')
            lines.append(f'{key} = "{escaped}"')
    tmp = path.with_suffix(".tmp")
    tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    tmp.replace(path)
    return path
