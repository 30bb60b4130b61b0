"""Where the client's settings come from: arguments, then the environment, then a config file.

- API key: `api_key=`, else `JAOT_API_KEY`, else `api_key` in the config file.
- Base URL: `base_url=`, else `JAOT_BASE_URL`, else `base_url` in the config file, else
  http://127.0.0.1:8000/api/v2 (`make run`). `/api/v2` is added when the URL lacks it.
- Config file: `JAOT_CONFIG`, else `$XDG_CONFIG_HOME/jaot/config.toml`, else
  `~/.config/jaot/config.toml`. TOML, top-level keys `api_key` and `base_url`; a
  `[profiles.<name>]` table holds the same keys for `JAOT_PROFILE=<name>` / `profile=`.
"""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

from jaot.errors import ConfigurationError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

DEFAULT_BASE_URL = "http://127.0.0.1:8000/api/v2"
API_PATH = "/api/v2"


@dataclass(frozen=True)
class Settings:
    api_key: Optional[str]
    base_url: str


def config_path() -> Path:
    if os.environ.get("JAOT_CONFIG"):
        return Path(os.environ["JAOT_CONFIG"]).expanduser()
    root = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(root) / "jaot" / "config.toml"


def read_config(path: Optional[Path] = None, profile: Optional[str] = None) -> dict[str, Any]:
    path = path or config_path()
    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigurationError(f"cannot read {path}: {error}") from None
    profile = profile or os.environ.get("JAOT_PROFILE")
    if profile:
        profiles = data.get("profiles") or {}
        if profile not in profiles:
            raise ConfigurationError(f"{path} has no [profiles.{profile}] table")
        data = {**data, **profiles[profile]}
    return data


def normalise_base_url(url: str) -> str:
    url = url.rstrip("/")
    return url if url.endswith(API_PATH) else url + API_PATH


def resolve(api_key: Optional[str] = None, base_url: Optional[str] = None,
            profile: Optional[str] = None) -> Settings:
    config: dict[str, Any] = {}
    if api_key is None or base_url is None:
        config = read_config(profile=profile)
    key = api_key or os.environ.get("JAOT_API_KEY") or config.get("api_key")
    url = base_url or os.environ.get("JAOT_BASE_URL") or config.get("base_url") or DEFAULT_BASE_URL
    return Settings(api_key=key or None, base_url=normalise_base_url(str(url)))
