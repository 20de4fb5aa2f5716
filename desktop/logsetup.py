"""Named loggers to a rotating file in the user log dir; never personal data beyond case ids."""

from __future__ import annotations

import logging
import logging.handlers
from collections.abc import Iterator
from contextlib import contextmanager
from io import TextIOWrapper
from pathlib import Path

from desktop.config.private_files import create_private_file, private_dir

LOG_FILE = "kaiji.log"
LOG_BYTES = 1_000_000
LOG_BACKUPS = 5
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

log = logging.getLogger("kaiji.logsetup")


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log file that only its owner may read, also after each rotation."""

    def _open(self) -> TextIOWrapper:
        create_private_file(Path(self.baseFilename))
        return super()._open()


@contextmanager
def logging_to(log_dir: Path, *, console_level: int | None = logging.WARNING) -> Iterator[None]:
    """Log INFO and above under `kaiji` to `kaiji.log` (rotated, 0600), warnings also to stderr.

    The handlers are removed again when the block ends, so a process (or a test) that runs the
    program twice does not log everything twice. An unwritable log folder is a warning, not a
    reason to refuse to start.
    """
    root = logging.getLogger("kaiji")
    handlers: list[logging.Handler] = []
    try:
        private_dir(log_dir)
        handlers.append(
            PrivateRotatingFileHandler(
                log_dir / LOG_FILE, maxBytes=LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
            )
        )
    except OSError as exc:
        log.warning("cannot write the log file in %s: %s", log_dir, exc)
    if console_level is not None:
        console = logging.StreamHandler()
        console.setLevel(console_level)
        handlers.append(console)
    for handler in handlers:
        handler.setFormatter(logging.Formatter(LOG_FORMAT))
        root.addHandler(handler)
    previous_level = root.level
    if root.level == logging.NOTSET or root.level > logging.INFO:
        root.setLevel(logging.INFO)
    try:
        yield
    finally:
        root.setLevel(previous_level)
        for handler in handlers:
            root.removeHandler(handler)
            handler.close()
