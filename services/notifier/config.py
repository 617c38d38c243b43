"""Notifier settings (``YUZHU_NOTIFIER_*``, falling back to ``YUZHU_*``), read once."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from services.common.errors import SettingsError
from services.common.settings import CommonSettings, EnvReader
from services.common.topics import NOTIFIER_GROUP

DEFAULT_PORT = 38082


@dataclass(frozen=True, slots=True)
class SmsProviderSetting:
    name: str
    url: str


@dataclass(frozen=True, slots=True)
class SmsSettings:
    """Text messages go out only when providers are configured (none on a laptop)."""

    providers: tuple[SmsProviderSetting, ...] = ()
    token: str = ""
    max_attempts: int = 5
    timeout_seconds: float = 3.0
    backoff_initial: float = 0.5
    backoff_max: float = 30.0
    # A replica that took a job and went quiet this long is presumed dead: others take it over.
    idle_seconds: float = 30.0
    # How long a job waits for the application (with the phone) to be read before giving up.
    contact_wait_seconds: float = 600.0

    @property
    def enabled(self) -> bool:
        return bool(self.providers)


@dataclass(frozen=True, slots=True)
class Settings:
    common: CommonSettings
    group_id: str = NOTIFIER_GROUP
    sms: SmsSettings = SmsSettings()

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        env = EnvReader("notifier", environ)
        common = CommonSettings.read(env, "notifier", default_port=DEFAULT_PORT)
        providers = _providers(env.text("SMS_PROVIDERS", ""))
        sms = SmsSettings(
            providers=providers,
            token=env.secret(
                "SMS_TOKEN", "dev-only-sms-token", production=common.production and bool(providers)
            ),
            max_attempts=env.integer("SMS_MAX_ATTEMPTS", 5, minimum=1, maximum=50),
            timeout_seconds=env.number("SMS_TIMEOUT_SECONDS", 3.0, minimum=0.1),
            backoff_initial=env.number("SMS_BACKOFF_INITIAL_SECONDS", 0.5),
            backoff_max=env.number("SMS_BACKOFF_MAX_SECONDS", 30.0),
            idle_seconds=env.number("SMS_IDLE_SECONDS", 30.0, minimum=0.1),
            contact_wait_seconds=env.number("CONTACT_WAIT_SECONDS", 600.0),
        )
        return cls(common=common, group_id=env.text("GROUP_ID", NOTIFIER_GROUP), sms=sms)


def _providers(raw: str) -> tuple[SmsProviderSetting, ...]:
    """``primary=https://a/send,backup=https://b/send`` → providers, in failover order."""
    providers = []
    for item in filter(None, (p.strip() for p in raw.split(","))):
        name, sep, url = item.partition("=")
        if not sep or not name.strip() or not url.strip().startswith(("http://", "https://")):
            raise SettingsError(
                f"YUZHU_NOTIFIER_SMS_PROVIDERS item {item!r}: expected name=http(s)://url"
            )
        providers.append(SmsProviderSetting(name.strip(), url.strip()))
    return tuple(providers)
