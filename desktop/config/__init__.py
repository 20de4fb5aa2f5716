"""Settings in one typed place: where the data lives and how the office works.

The config file (`kaiji.toml` in the user config dir) holds what an administrator sets once;
GUI preferences (window geometry, last filters) live in QSettings inside `desktop.gui`.
Every key is described in `Settings` (type, default, allowed values) and checked when the file
loads: a wrong or unknown key is a ConfigError at start, never a crash later.
"""

from desktop.config.files import CONFIG_FILE, config_path, load_settings, save_settings
from desktop.config.paths import APP_NAME, Paths
from desktop.config.private_files import prepare_database_file, private_dir
from desktop.config.problems import ConfigError, Problem
from desktop.config.settings import (
    CONFIG_VERSION,
    Settings,
    letterhead_problem,
    missing_letterhead,
)

__all__ = [
    "APP_NAME",
    "CONFIG_FILE",
    "CONFIG_VERSION",
    "ConfigError",
    "Paths",
    "Problem",
    "Settings",
    "config_path",
    "load_settings",
    "letterhead_problem",
    "missing_letterhead",
    "prepare_database_file",
    "private_dir",
    "save_settings",
]
