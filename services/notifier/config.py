"""Notifier settings (``YUZHU_NOTIFIER_*``, falling back to ``YUZHU_*``), read once."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from services.common.settings import CommonSettings, EnvReader
from services.common.topics import NOTIFIER_GROUP

DEFAULT_PORT = 38082


@dataclass(frozen=True, slots=True)
class Settings:
    common: CommonSettings
    group_id: str = NOTIFIER_GROUP

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        env = EnvReader("notifier", environ)
        return cls(
            common=CommonSettings.read(env, "notifier", default_port=DEFAULT_PORT),
            group_id=env.text("GROUP_ID", NOTIFIER_GROUP),
        )
