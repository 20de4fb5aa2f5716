"""Named loggers to a rotating file in the user log dir; never personal data beyond case ids."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def configure_logging(log_dir: Path, *, console_level: int = logging.WARNING) -> Path:
    """Log INFO and above to `kaiji.log` (rotated) and warnings to stderr."""
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / "kaiji.log"
    root = logging.getLogger("kaiji")
    root.setLevel(logging.INFO)
    if not any(isinstance(h, logging.handlers.RotatingFileHandler) for h in root.handlers):
        file_handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
        )
        file_handler.setFormatter(logging.Formatter(LOG_FORMAT))
        root.addHandler(file_handler)
        console = logging.StreamHandler()
        console.setLevel(console_level)
        console.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
        root.addHandler(console)
    return path
