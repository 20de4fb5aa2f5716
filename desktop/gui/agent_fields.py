"""The request form's agent section at intake (代理人欄): name, kana, address, relationship.

Enabled only while the requester is an agent; what it holds is checked by the use case.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QGroupBox, QLineEdit, QWidget

from desktop.domain.agents import Agent


class AgentFields(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Agent (from the request form)"), parent)
        form = QFormLayout(self)
        self.name_edit = QLineEdit()
        self.kana_edit = QLineEdit()
        self.postal_edit = QLineEdit()
        self.postal_edit.setMaxLength(10)
        self.address_edit = QLineEdit()
        self.relationship_edit = QLineEdit()
        self.relationship_edit.setPlaceholderText(self.tr("e.g. parent (mother), lawyer"))
        for text, edit in (
            (self.tr("Agent's name"), self.name_edit),
            (self.tr("Kana"), self.kana_edit),
            (self.tr("Postal code"), self.postal_edit),
            (self.tr("Address"), self.address_edit),
            (self.tr("Relationship"), self.relationship_edit),
        ):
            edit.setAccessibleName(text)
            form.addRow(text, edit)

    def edits(self) -> list[QLineEdit]:
        """The fields in the order a clerk types them."""
        return [
            self.name_edit,
            self.kana_edit,
            self.postal_edit,
            self.address_edit,
            self.relationship_edit,
        ]

    def agent(self) -> Agent | None:
        """What was typed, or None when the section is off or empty."""
        if not self.isEnabled():
            return None
        agent = Agent(
            name=self.name_edit.text(),
            kana=self.kana_edit.text(),
            postal_code=self.postal_edit.text(),
            address=self.address_edit.text(),
            relationship=self.relationship_edit.text(),
        )
        return agent if any(str(v).strip() for v in agent.to_json().values()) else None
