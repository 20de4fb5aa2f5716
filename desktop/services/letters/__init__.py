"""Letters for real cases: what a letter says, issuing it (stored encrypted, never re-rendered),
printing it (every print recorded), the print queue, address labels, the addressee and the
electromagnetic disclosure package.

An issued letter is immutable: a reprint prints the same bytes. A correction issues version n+1
with a reason, and the old version is marked as superseded.
"""

from desktop.services.letters.addressee import change_addressee
from desktop.services.letters.content import (
    LetterheadMissing,
    NoDecisionForLetter,
    letter_data,
    render_case_letter,
    sender_of,
)
from desktop.services.letters.issuing import LetterAlreadyIssued, issue_letter
from desktop.services.letters.package import disclosure_zip, password_sheet_pdf
from desktop.services.letters.printing import (
    PrintLine,
    PrintRecord,
    ReprintReasonRequired,
    print_history,
    record_print,
)
from desktop.services.letters.queue import QueuedLetter, labels_pdf, print_queue
from desktop.services.letters.stored import (
    LetterNotFound,
    LetterSuperseded,
    StoredLetter,
    letter_pdf,
    letters_of_case,
    letters_pdf,
)
from desktop.services.letters.view import CaseLetters, case_letters

__all__ = [
    "CaseLetters",
    "LetterAlreadyIssued",
    "LetterNotFound",
    "LetterSuperseded",
    "LetterheadMissing",
    "NoDecisionForLetter",
    "PrintLine",
    "PrintRecord",
    "QueuedLetter",
    "ReprintReasonRequired",
    "StoredLetter",
    "case_letters",
    "change_addressee",
    "disclosure_zip",
    "issue_letter",
    "labels_pdf",
    "letter_data",
    "letter_pdf",
    "letters_of_case",
    "letters_pdf",
    "password_sheet_pdf",
    "print_history",
    "print_queue",
    "record_print",
    "render_case_letter",
    "sender_of",
]
