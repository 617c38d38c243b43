"""Eligibility settings (``YUZHU_ELIGIBILITY_*``, falling back to ``YUZHU_*``), read once."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from services.common.settings import CommonSettings, EnvReader
from services.common.topics import DEFAULT_PARTITIONS, ELIGIBILITY_GROUP

DEFAULT_PORT = 38081


@dataclass(frozen=True, slots=True)
class Settings:
    common: CommonSettings
    # The faust app id is the consumer group id (KEDA's consumerGroup must match it).
    app_id: str = ELIGIBILITY_GROUP
    partitions: int = DEFAULT_PARTITIONS
    # Extra policy parameter files (comma-separated paths) layered over the shipped ones.
    extra_policy_files: tuple[str, ...] = ()
    # How long a "this application was decided" record is kept for dedupe (days).
    dedupe_ttl_days: int = 400
    # faust's working directory (it keeps nothing durable here: the store is in memory).
    data_dir: str = "var/faust"
    # How long the group waits for a worker that stopped answering (killed, node lost) before
    # its partitions go to the others; faust's default, 60 s, halts the group that long.
    session_timeout_seconds: float = 10.0

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        env = EnvReader("eligibility", environ)
        extra = env.text("EXTRA_POLICY_FILES", "")
        return cls(
            common=CommonSettings.read(env, "eligibility", default_port=DEFAULT_PORT),
            app_id=env.text("APP_ID", ELIGIBILITY_GROUP),
            partitions=env.integer("PARTITIONS", DEFAULT_PARTITIONS, minimum=1),
            extra_policy_files=tuple(p.strip() for p in extra.split(",") if p.strip()),
            dedupe_ttl_days=env.integer("DEDUPE_TTL_DAYS", 400, minimum=1),
            data_dir=env.text("DATA_DIR", "var/faust"),
            session_timeout_seconds=env.number("SESSION_TIMEOUT_SECONDS", 10.0, minimum=6.0),
        )
