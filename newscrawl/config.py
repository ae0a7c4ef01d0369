"""Configuration from the environment, in one place, with its defaults and types.

Scrapy settings (newscrawl/settings.py) read their environment variables through here, so an
operator can set everything with environment variables (cron, docker-compose) or with
`-s NAME=VALUE`, and a malformed value is refused in one line naming the variable or the `-s`
option before anything starts, instead of surfacing as a traceback deep inside Scrapy.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newscrawl import __version__
from newscrawl.errors import UsageError

DEFAULT_CONTACT_URL = "https://github.com/newscrawl/newscrawl"

TRUE_WORDS = frozenset({"1", "true", "yes", "on"})
FALSE_WORDS = frozenset({"0", "false", "no", "off"})
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")
SYNCHRONOUS_COMMIT_VALUES = ("on", "off", "local", "remote_write", "remote_apply")


@dataclass(frozen=True)
class Spec:
    """How one setting is typed and bounded, and which environment variable sets it."""

    kind: str  # "int", "float", "bool", "choice", "text" or "path"
    env: str | None = None
    minimum: float | None = None
    choices: tuple[str, ...] = ()


# Every setting an operator may change (README "Configuration"), by Scrapy setting name.
SPECS: dict[str, Spec] = {
    "USER_AGENT": Spec("text", "NEWSCRAWL_USER_AGENT"),
    "CONCURRENT_REQUESTS_PER_DOMAIN": Spec("int", "NEWSCRAWL_CONCURRENT_PER_SITE", 1),
    "CONCURRENT_REQUESTS": Spec("int", "NEWSCRAWL_CONCURRENT_REQUESTS", 1),
    "DOWNLOAD_DELAY": Spec("float", "NEWSCRAWL_DOWNLOAD_DELAY", 0),
    "AUTOTHROTTLE_ENABLED": Spec("bool", "NEWSCRAWL_AUTOTHROTTLE"),
    "DOWNLOAD_TIMEOUT": Spec("float", "NEWSCRAWL_DOWNLOAD_TIMEOUT", 1),
    "RETRY_TIMES": Spec("int", "NEWSCRAWL_RETRY_TIMES", 0),
    "NEWSCRAWL_RETRY_BACKOFF": Spec("float", "NEWSCRAWL_RETRY_BACKOFF", 0),
    "NEWSCRAWL_RETRY_MAX_DELAY": Spec("float", "NEWSCRAWL_RETRY_MAX_DELAY", 0),
    "NEWSCRAWL_DB_POOL_SIZE": Spec("int", "NEWSCRAWL_DB_POOL_SIZE", 1),
    "NEWSCRAWL_SYNCHRONOUS_COMMIT": Spec("choice", "NEWSCRAWL_SYNCHRONOUS_COMMIT",
                                         choices=SYNCHRONOUS_COMMIT_VALUES),
    "NEWSCRAWL_EXTRACT_WORKERS": Spec("int", "NEWSCRAWL_EXTRACT_WORKERS", 0),
    "NEWSCRAWL_TOPIC_RULES": Spec("path", "NEWSCRAWL_TOPIC_RULES"),
    "NEWSCRAWL_KEEP_NON_BILATERAL": Spec("bool", "NEWSCRAWL_KEEP_NON_BILATERAL"),
    "NEWSCRAWL_DRIFT_SHARE": Spec("float", "NEWSCRAWL_DRIFT_SHARE", 0),
    "LOG_LEVEL": Spec("choice", "NEWSCRAWL_LOG_LEVEL", choices=LOG_LEVELS),
    # fixed in newscrawl/settings.py, still typed for `-s`
    "ROBOTSTXT_OBEY": Spec("bool"),
    "CONCURRENT_ITEMS": Spec("int", minimum=1),
    "DOWNLOAD_MAXSIZE": Spec("int", minimum=0),
    "AUTOTHROTTLE_START_DELAY": Spec("float", minimum=0),
    "AUTOTHROTTLE_MAX_DELAY": Spec("float", minimum=0),
}  # fmt: skip

_KIND_WORDS = {"int": "a whole number", "float": "a number", "bool": "true or false"}
_COMMIT_ALIASES = {"1": "on", "true": "on", "yes": "on", "0": "off", "false": "off", "no": "off"}


class SettingError(UsageError, ValueError):
    """A setting with a value of the wrong type or out of range; exit code 2."""


def parse(spec: Spec, raw: object, source: str) -> Any:
    """`raw` as the setting's type, or a SettingError naming `source` (a variable or `-s X`)."""
    if spec.kind == "bool" and isinstance(raw, bool):
        return raw
    text = str(raw).strip()
    shown = clip(str(raw))
    if spec.kind in ("text", "path"):
        return text
    if spec.kind == "choice":
        if spec.choices == SYNCHRONOUS_COMMIT_VALUES:
            value = _COMMIT_ALIASES.get(text.lower(), text.lower())
        else:
            value = text.upper()
        if value not in spec.choices:
            raise SettingError(f"{source} must be one of {', '.join(spec.choices)}, got {shown}")
        return value
    try:
        if spec.kind == "bool":
            if text.lower() not in TRUE_WORDS | FALSE_WORDS:
                raise ValueError(text)
            return text.lower() in TRUE_WORDS
        number: float = int(text) if spec.kind == "int" else float(text)
    except ValueError:
        words = _KIND_WORDS[spec.kind]
        if spec.kind == "bool":
            words += " (1/0, true/false, yes/no, on/off)"
        raise SettingError(f"{source} must be {words}, got {shown}") from None
    if number != number or number in (float("inf"), float("-inf")):
        raise SettingError(f"{source} must be a finite number, got {shown}")
    if spec.minimum is not None and number < spec.minimum:
        raise SettingError(f"{source} must be at least {spec.minimum:g}, got {shown}")
    return number


def clip(text: str, limit: int = 40) -> str:
    """repr() of a value for an error line; a long one cut, with its length, never in full."""
    if len(text) <= limit:
        return repr(text)
    return f"{text[:limit]!r}... ({len(text):,} characters)"


def env_setting(name: str, default: Any) -> Any:
    """The setting from its environment variable (typed, checked), else `default`."""
    spec = SPECS[name]
    assert spec.env is not None, name
    raw = os.environ.get(spec.env)
    if raw is None or raw.strip() == "":
        return default
    return parse(spec, raw, spec.env)


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    return parse(Spec("bool"), raw, name)


def command_line_settings(values: Mapping[str, str]) -> dict[str, Any]:
    """`-s NAME=VALUE` values typed like the settings they replace (booleans as booleans,
    numbers as numbers), or a UsageError naming the option. Scrapy's own settings that this
    project does not list are typed after Scrapy's default value."""
    from scrapy.settings import default_settings

    out: dict[str, Any] = {}
    for name, raw in values.items():
        spec = SPECS.get(name)
        if spec is None:
            default = getattr(default_settings, name, None)
            if isinstance(default, bool):
                spec = Spec("bool")
            elif isinstance(default, int | float):
                spec = Spec("float" if isinstance(default, float) else "int")
        if spec is None:
            out[name] = raw
        elif spec.kind == "int" and name not in SPECS:  # some are read with getfloat()
            number = parse(Spec("float"), raw, f"-s {name}")
            out[name] = int(number) if number.is_integer() else number
        else:
            out[name] = parse(spec, raw, f"-s {name}")
    return out


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


def synchronous_commit(value: object) -> str:
    """The setting's value, checked: it ends up in the connection's options string."""
    return parse(SPECS["NEWSCRAWL_SYNCHRONOUS_COMMIT"], value, "NEWSCRAWL_SYNCHRONOUS_COMMIT")


def topic_rules_path() -> str | None:
    """NEWSCRAWL_TOPIC_RULES: a rules file for the topic tagger; None: the packaged rules."""
    return env_setting("NEWSCRAWL_TOPIC_RULES", None)


def default_workers() -> int:
    """Extraction worker processes by default: one per core but one, at most 4 (1 on 2
    cores): the main process keeps downloading or storing while a worker extracts."""
    return max(0, min(4, (os.cpu_count() or 1) - 1))
