"""Intake bot settings (``YUZHU_INTAKE_*``, falling back to ``YUZHU_*``), read once."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from services.common.settings import CommonSettings, EnvReader

DEFAULT_PORT = 38080
_DEV_WEBHOOK_SECRET = "dev-only-webhook-secret"  # noqa: S105 — refused in production


@dataclass(frozen=True, slots=True)
class Settings:
    common: CommonSettings
    # An application is a few kilobytes; a request body larger than this is refused with 413.
    max_body_bytes: int = 64 * 1024
    # The shared secret the messaging platform signs webhook requests with.
    webhook_secret: str = _DEV_WEBHOOK_SECRET
    # A chat session (and so an unfinished dialog) is kept this long after its last message.
    session_ttl_seconds: int = 7 * 24 * 3600
    max_message_chars: int = 500
    messages_per_window: int = 20
    window_seconds: int = 10
    # New chat sockets a minute from one address (a village office's shared address needs room).
    connects_per_minute: int = 30
    # How long a resident waits for the broker before being answered from the outbox.
    publish_wait_seconds: float = 2.0

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        env = EnvReader("intake", environ)
        common = CommonSettings.read(env, "intake_bot", default_port=DEFAULT_PORT)
        return cls(
            common=common,
            max_body_bytes=env.integer("MAX_BODY_BYTES", 64 * 1024, minimum=1024),
            webhook_secret=env.secret(
                "WEBHOOK_SECRET", _DEV_WEBHOOK_SECRET, production=common.production
            ),
            session_ttl_seconds=env.integer("SESSION_TTL_SECONDS", 7 * 24 * 3600, minimum=60),
            max_message_chars=env.integer("MAX_MESSAGE_CHARS", 500, minimum=10),
            messages_per_window=env.integer("MESSAGES_PER_WINDOW", 20, minimum=1),
            window_seconds=env.integer("RATE_WINDOW_SECONDS", 10, minimum=1),
            connects_per_minute=env.integer("CONNECTS_PER_MINUTE", 30, minimum=1),
            publish_wait_seconds=env.number("PUBLISH_WAIT_SECONDS", 2.0),
        )
