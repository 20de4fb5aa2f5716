"""Response letters a company can mail: reportlab PDFs from texts kept in resources/letters.

Pure Python, no Qt and no database: the services layer fills a LetterData from a case.
"""

from desktop.domain.letters import LetterKind
from desktop.letters.calibration import calibration_sheet
from desktop.letters.labels import render_address_labels
from desktop.letters.layout import Paper
from desktop.letters.model import (
    Addressee,
    DateStyle,
    DisclosedSection,
    KindOutcome,
    LetterData,
    Replaced,
    Sender,
)
from desktop.letters.package import (
    PackageError,
    disclosure_package,
    generate_password,
    password_sheet,
)
from desktop.letters.render import render_batch, render_letter
from desktop.letters.specimens import specimen
from desktop.letters.texts import LetterTemplateError, template_version, template_versions
from desktop.letters.validation import LetterDataError

__all__ = [
    "Addressee",
    "DateStyle",
    "DisclosedSection",
    "KindOutcome",
    "LetterData",
    "LetterDataError",
    "LetterKind",
    "LetterTemplateError",
    "PackageError",
    "Paper",
    "Replaced",
    "Sender",
    "calibration_sheet",
    "disclosure_package",
    "generate_password",
    "password_sheet",
    "render_address_labels",
    "render_batch",
    "render_letter",
    "specimen",
    "template_version",
    "template_versions",
]
