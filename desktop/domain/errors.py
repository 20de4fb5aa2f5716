"""Errors the user can understand and fix (as opposed to bugs, which go to the crash dialog)."""


class KnownError(Exception):
    """A condition the user can understand and fix; shown as a friendly message, not a crash."""

    def __init__(self, message_ja: str, message_en: str) -> None:
        super().__init__(message_en)
        self.message_ja = message_ja
        self.message_en = message_en

    def message(self, language: str = "ja") -> str:
        """The message in `language` ("ja" for Japanese, anything else for English)."""
        return self.message_ja if language == "ja" else self.message_en


class InvalidInput(KnownError):
    """Input typed or read by the user that the program cannot accept (不正な入力)."""


class CaseConflict(KnownError):
    """A second workstation saved the case after this copy was read."""

    def __init__(self, reference: str) -> None:
        super().__init__(
            f"案件 {reference} は別の端末で変更されました。最新の内容を読み込み直してください。",
            f"Another workstation changed case {reference}. Reload it to see the latest version.",
        )
        self.reference = reference
