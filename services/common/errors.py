"""Errors shared by the services. Each says what the caller should do about it::

YuzhuError
├── SettingsError          fix the named environment variable, then restart
├── DependencyUnavailable  a broker or Redis is down: retry later (recoverable)
└── InvalidEvent           the record can never be processed: dead-letter it, carry on
    (code: a snake_case machine reason, detail: text without personal data)
"""

from __future__ import annotations


class YuzhuError(Exception):
    """Base of every error this suite raises on purpose."""


class SettingsError(YuzhuError):
    """A setting is missing or malformed. The message names the variable and what it expects."""


class DependencyUnavailable(YuzhuError):
    """Kafka or Redis did not answer. Recoverable: retry with backoff, do not drop the work."""


class InvalidEvent(YuzhuError):
    """A record that no retry will fix. Send it to the dead-letter topic with ``code``."""

    def __init__(self, code: str, detail: str) -> None:
        super().__init__(f"{code}: {detail}")
        self.code = code
        self.detail = detail
