"""Configuration from the environment, in one place, with its defaults.

Scrapy settings (newscrawl/settings.py) read their defaults from here, so an operator can set
everything with environment variables (cron, docker-compose) or with `-s NAME=VALUE`.
"""

from __future__ import annotations

import os
from pathlib import Path

from newscrawl import __version__

DEFAULT_CONTACT_URL = "https://github.com/newscrawl/newscrawl"


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def database_url() -> str | None:
    """DATABASE_URL when set; None means: use the embedded PostgreSQL."""
    value = os.environ.get("DATABASE_URL", "").strip()
    return value or None


def newscrawl_home() -> Path:
    """Where the embedded database and other state live (NEWSCRAWL_HOME)."""
    value = os.environ.get("NEWSCRAWL_HOME", "").strip()
    if value:
        return Path(value).expanduser()
    data_home = os.environ.get("XDG_DATA_HOME", "").strip() or str(Path.home() / ".local/share")
    return Path(data_home).expanduser() / "newscrawl"


def contact_url() -> str:
    return os.environ.get("NEWSCRAWL_CONTACT_URL", "").strip() or DEFAULT_CONTACT_URL


def user_agent() -> str:
    """An honest user agent naming the project and a contact URL (sites block anonymous ones)."""
    custom = os.environ.get("NEWSCRAWL_USER_AGENT", "").strip()
    return custom or f"newscrawl/{__version__} (+{contact_url()})"


SYNCHRONOUS_COMMIT_VALUES = ("on", "off", "local", "remote_write", "remote_apply")


def synchronous_commit(value: object) -> str:
    """The setting's value, checked: it ends up in the connection's options string."""
    text = str(value).strip().lower()
    aliases = {"1": "on", "true": "on", "yes": "on", "0": "off", "false": "off", "no": "off"}
    text = aliases.get(text, text)
    if text not in SYNCHRONOUS_COMMIT_VALUES:
        raise ValueError(
            f"NEWSCRAWL_SYNCHRONOUS_COMMIT must be one of {', '.join(SYNCHRONOUS_COMMIT_VALUES)},"
            f" got {value!r}"
        )
    return text


def topic_rules_path() -> str | None:
    """NEWSCRAWL_TOPIC_RULES: a rules file for the topic tagger; None: the packaged rules."""
    return os.environ.get("NEWSCRAWL_TOPIC_RULES", "").strip() or None
