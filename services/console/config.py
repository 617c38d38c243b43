"""Console settings (``YUZHU_CONSOLE_*``, falling back to ``YUZHU_*``), read once."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from services.common.errors import SettingsError
from services.common.settings import CommonSettings, EnvReader
from services.common.topics import CONSOLE_GROUP
from services.console.adapters.users import DEV_USERS_FILE

DEFAULT_PORT = 38083
_DEV_SECRET = "dev-only-console-secret-not-for-production"  # noqa: S105 — refused in production


@dataclass(frozen=True, slots=True)
class Settings:
    common: CommonSettings
    group_id: str = CONSOLE_GROUP
    users_file: Path = DEV_USERS_FILE
    # Signs CSRF tokens; rotate it to invalidate every open form.
    secret: str = _DEV_SECRET
    # A login lasts a working day; after that the caseworker signs in again.
    session_ttl_seconds: int = 8 * 3600

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        env = EnvReader("console", environ)
        common = CommonSettings.read(env, "console", default_port=DEFAULT_PORT)
        users_file = Path(env.text("USERS_FILE", str(DEV_USERS_FILE)))
        if common.production and users_file == DEV_USERS_FILE:
            raise SettingsError("YUZHU_CONSOLE_USERS_FILE must name the real accounts file")
        return cls(
            common=common,
            group_id=env.text("GROUP_ID", CONSOLE_GROUP),
            users_file=users_file,
            secret=env.secret("SECRET", _DEV_SECRET, production=common.production),
            session_ttl_seconds=env.integer("SESSION_TTL_SECONDS", 8 * 3600, minimum=60),
        )
