"""Intake bot settings (``YUZHU_INTAKE_*``, falling back to ``YUZHU_*``), read once."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from services.common.settings import CommonSettings, EnvReader

DEFAULT_PORT = 38080


@dataclass(frozen=True, slots=True)
class Settings:
    common: CommonSettings
    # An application is a few kilobytes; a request body larger than this is refused with 413.
    max_body_bytes: int = 64 * 1024

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        env = EnvReader("intake", environ)
        return cls(
            common=CommonSettings.read(env, "intake_bot", default_port=DEFAULT_PORT),
            max_body_bytes=env.integer("MAX_BODY_BYTES", 64 * 1024, minimum=1024),
        )
