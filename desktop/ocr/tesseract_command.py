"""Tesseract through its command, for platforms where the in-process library has no wheel
(Windows): the same pass, the same TSV and text, at the cost of loading the model every time."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from PIL import Image

COMMAND_TIMEOUT_S = 120


def available() -> bool:
    return shutil.which("tesseract") is not None


def recognise(
    image: Image.Image, dpi: int, psm: int, lang: str, whitelist: str | None, tessdata: str
) -> tuple[str, str]:
    """Tesseract's TSV and plain text of `image`, as the library's GetTSVText/GetUTF8Text give them.

    Raises `FileNotFoundError` when there is no `tesseract` command and `RuntimeError` when it
    fails; the caller turns both into its own message.
    """
    command = shutil.which("tesseract")
    if command is None:
        raise FileNotFoundError("tesseract")
    with tempfile.TemporaryDirectory(prefix="kaiji-ocr-") as folder:
        source = Path(folder) / "page.png"
        image.save(source, dpi=(dpi, dpi))
        out = Path(folder) / "page"
        args = [command, str(source), str(out), "--tessdata-dir", tessdata, "-l", lang]
        args += ["--psm", str(psm), "--dpi", str(dpi)]
        if whitelist:
            args += ["-c", f"tessedit_char_whitelist={whitelist}"]
        done = subprocess.run(
            [*args, "tsv", "txt"],
            capture_output=True,
            timeout=COMMAND_TIMEOUT_S,
            check=False,
            env={"OMP_THREAD_LIMIT": "1", "PATH": str(Path(command).parent)},
        )
        if done.returncode != 0:
            raise RuntimeError(done.stderr.decode("utf-8", "replace").strip() or "tesseract failed")
        tsv = out.with_suffix(".tsv").read_text(encoding="utf-8")
        text = out.with_suffix(".txt").read_text(encoding="utf-8")
    return tsv, text
