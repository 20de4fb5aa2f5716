"""Third-party provision records (第三者提供記録, APPI Arts. 29, 33(5)): what was provided to whom.

A record is kept for its statutory period (施行規則 Art. 21: three years in the general case;
one year for records kept per contract or per delivery — the longer is applied to every record,
since keeping a record too long harms no one and discarding it early breaks the law). While it is
kept, the principal may ask for it to be disclosed (Art. 33(5)).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop.domain.errors import InvalidInput

RETENTION_YEARS = 3

# The ledger's fields in file order, with the Japanese heading a CSV may use for each.
FIELDS: tuple[tuple[str, str, str], ...] = (
    ("provided_on", "提供年月日", "Date provided"),
    ("recipient", "提供先", "Recipient"),
    ("recipient_address", "提供先の住所", "Recipient's address"),
    ("recipient_representative", "提供先の代表者", "Recipient's representative"),
    ("items", "提供した項目", "Items provided"),
    ("customer_no", "顧客番号", "Customer number"),
    ("basis", "提供の根拠", "Basis of provision"),
)
REQUIRED = ("provided_on", "recipient", "items", "customer_no", "basis")


@dataclass(frozen=True)
class ProvisionRecord:
    """One provision of a customer's personal data to a third party."""

    provided_on: date
    recipient: str  # 提供先の氏名又は名称
    recipient_address: str  # its address (法人: 所在地)
    recipient_representative: str  # 法人の代表者の氏名
    items: str  # the personal data items provided
    customer_no: str  # whose data: the registry's customer number
    basis: str  # 本人の同意 / 法第27条第1項第○号 / オプトアウト (第27条第2項) …

    @property
    def keep_until(self) -> date:
        """The last day the record must be kept (and may be disclosed)."""
        return keep_until(self.provided_on)


def keep_until(provided_on: date) -> date:
    year = provided_on.year + RETENTION_YEARS
    # 29 February plus three years is 28 February.
    day = min(provided_on.day, 28) if provided_on.month == 2 else provided_on.day
    return provided_on.replace(year=year, day=day)


def checked(record: ProvisionRecord) -> ProvisionRecord:
    """The record with its texts trimmed; a required field left blank is refused by name."""
    values = {
        name: getattr(record, name).strip()
        for name, _, _ in FIELDS
        if isinstance(getattr(record, name), str)
    }
    for name, label_ja, label_en in FIELDS:
        if name in REQUIRED and name in values and not values[name]:
            raise InvalidInput(f"{label_ja}を入力してください。", f"Enter the {label_en.lower()}.")
    if not (values["recipient_address"] or values["recipient_representative"]):
        raise InvalidInput(
            "提供先の住所または代表者を入力してください。",
            "Enter the recipient's address or representative.",
        )
    return ProvisionRecord(provided_on=record.provided_on, **values)
