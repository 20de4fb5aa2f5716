"""Why a file or a scanner could not be taken in, in words a clerk can act on."""

from __future__ import annotations

from pathlib import Path

from desktop.domain.errors import KnownError


class FileRefused(KnownError):
    """A page file that Kaiji Desk will not take in; nothing of it is stored."""

    def __init__(self, path: Path, reason_ja: str, reason_en: str) -> None:
        super().__init__(
            f"ファイル「{path.name}」を取り込めません：{reason_ja}",
            f"Cannot take in the file “{path.name}”: {reason_en}",
        )
        self.path = path


class UnsupportedFile(FileRefused):
    def __init__(self, path: Path) -> None:
        super().__init__(
            path,
            "対応する形式は JPEG・PNG・TIFF・PDF です。",
            "the supported formats are JPEG, PNG, TIFF and PDF.",
        )


class EmptyFile(FileRefused):
    def __init__(self, path: Path) -> None:
        super().__init__(
            path,
            "ファイルが空です。スキャンをやり直してください。",
            "the file is empty. Please scan again.",
        )


class BrokenFile(FileRefused):
    def __init__(self, path: Path) -> None:
        super().__init__(
            path,
            "ファイルが壊れているか、途中で切れています。スキャンをやり直してください。",
            "the file is damaged or cut short. Please scan again.",
        )


class NotAnImage(FileRefused):
    def __init__(self, path: Path) -> None:
        super().__init__(
            path,
            "画像でも PDF でもありません（拡張子と中身が違います）。",
            "it is neither an image nor a PDF (its name does not match its contents).",
        )


class PasswordProtected(FileRefused):
    def __init__(self, path: Path) -> None:
        super().__init__(
            path,
            "パスワードで保護された PDF です。保護を外してから取り込んでください。",
            "the PDF is password-protected. Remove the protection and try again.",
        )


class FileTooLarge(FileRefused):
    def __init__(self, path: Path, size: int, limit: int) -> None:
        super().__init__(
            path,
            f"ファイルが大きすぎます（{size / 1e6:.0f} MB、上限 {limit / 1e6:.0f} MB）。",
            f"the file is too large ({size / 1e6:.0f} MB, the limit is {limit / 1e6:.0f} MB).",
        )


class TooManyPixels(FileRefused):
    def __init__(self, path: Path, limit: int) -> None:
        super().__init__(
            path,
            f"画像の画素数が上限（{limit / 1e6:.0f} メガピクセル）を超えています。"
            "解像度を下げてスキャンしてください。",
            f"the image has more pixels than the limit ({limit / 1e6:.0f} megapixels). "
            "Scan at a lower resolution.",
        )


class TooManyPages(FileRefused):
    def __init__(self, path: Path, pages: int, limit: int) -> None:
        super().__init__(
            path,
            f"ページ数（{pages}）が上限（{limit}）を超えています。ファイルを分けてください。",
            f"it has {pages} pages, more than the limit of {limit}. Split the file.",
        )


class WatchedFolderUnavailable(KnownError):
    """The scanner's folder is missing or cannot be read."""

    def __init__(self, folder: Path) -> None:
        super().__init__(
            f"スキャナーの保存フォルダ「{folder}」を読めません。フォルダと権限を確認してください。",
            f"Cannot read the scanner folder “{folder}”. Check that it exists and is readable.",
        )
        self.folder = folder


class ScannerError(KnownError):
    """The scanner could not be reached or the scan failed."""

    def __init__(self, detail_ja: str, detail_en: str) -> None:
        super().__init__(f"スキャンできませんでした：{detail_ja}", f"Scanning failed: {detail_en}")
