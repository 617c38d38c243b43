"""Primitives for console logins: password hashes, lockout after repeated failures, CSRF tokens.

Pure functions over values the caller stores (Redis, a cookie); no clock: ``now`` is passed in.

* Passwords: scrypt (memory-hard, in the standard library) with n=2**14, r=8, p=1 — the
  parameters ``hashlib``'s documentation and OWASP give for interactive logins — encoded as
  ``scrypt$n$r$p$salt_b64$hash_b64`` so the parameters can be raised later without breaking
  stored hashes.
* Lockout: 5 failures within 15 minutes lock the account for 15 minutes. Guessing is slowed to
  a handful of tries per quarter hour, while a caseworker who mistyped is back soon.
* CSRF: an HMAC-SHA256 of the session id under a server secret, so the token needs no storage
  and is useless in another session.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from .timestamps import require_aware

SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 1
SCRYPT_DKLEN = 32
_SCHEME = "scrypt"
_MIN_SALT_BYTES = 16
_MIN_SECRET_BYTES = 32
# A stored hash names its own cost; refuse costs that would let a forged record exhaust memory
# or CPU (scrypt needs 128·n·r·p bytes) instead of trusting them.
_MAX_N = 2**20
_MAX_R = 16
_MAX_P = 16
_MAX_MEMORY = 128 * 1024 * 1024
_CSRF_CONTEXT = b"yuzhu-console-csrf\x00"


def hash_password(password: str, salt: bytes) -> str:
    """The encoded scrypt hash of ``password``; ``salt`` must be random, at least 16 bytes."""
    if len(salt) < _MIN_SALT_BYTES:
        raise ValueError(f"the salt must be at least {_MIN_SALT_BYTES} random bytes")
    digest = _scrypt(password, salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, dklen=SCRYPT_DKLEN)
    return "$".join(
        (_SCHEME, str(SCRYPT_N), str(SCRYPT_R), str(SCRYPT_P), _b64(salt), _b64(digest))
    )


def verify_password(password: str, encoded: str) -> bool:
    """True when ``password`` matches ``encoded``; False for a wrong password and for any
    malformed or unsupported encoding (a login must fail closed, never raise)."""
    parsed = _parse(encoded)
    if parsed is None:
        return False
    n, r, p, salt, expected = parsed
    try:
        actual = _scrypt(password, salt, n=n, r=r, p=p, dklen=len(expected))
    except (ValueError, MemoryError):
        return False
    return hmac.compare_digest(actual, expected)


def _scrypt(password: str, salt: bytes, *, n: int, r: int, p: int, dklen: int) -> bytes:
    return hashlib.scrypt(
        password.encode("utf-8"),
        salt=salt,
        n=n,
        r=r,
        p=p,
        maxmem=_MAX_MEMORY + 1024**2,
        dklen=dklen,
    )


def _parse(encoded: str) -> tuple[int, int, int, bytes, bytes] | None:
    if not isinstance(encoded, str):
        return None
    parts = encoded.split("$")
    if len(parts) != 6 or parts[0] != _SCHEME:
        return None
    try:
        n, r, p = (_positive_int(x) for x in parts[1:4])
        salt, digest = _unb64(parts[4]), _unb64(parts[5])
    except ValueError:
        return None
    power_of_two = n > 1 and n & (n - 1) == 0
    if not power_of_two or n > _MAX_N or r > _MAX_R or p > _MAX_P:
        return None
    if 128 * n * r * p > _MAX_MEMORY or len(salt) < _MIN_SALT_BYTES or not 16 <= len(digest) <= 64:
        return None
    return n, r, p, salt, digest


def _positive_int(text: str) -> int:
    if not (text.isascii() and text.isdigit()) or len(text) > 8:
        raise ValueError("not a positive integer")
    value = int(text)
    if value < 1:
        raise ValueError("not a positive integer")
    return value


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _unb64(text: str) -> bytes:
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError) as exc:
        raise ValueError("not base64") from exc


@dataclass(frozen=True, slots=True)
class LoginAttempts:
    """The failures of one account inside the current window, and the lock, if any."""

    failures: tuple[datetime, ...] = ()
    locked_until: datetime | None = None

    def to_dict(self) -> dict[str, object]:
        return {
            "failures": [f.isoformat() for f in self.failures],
            "locked_until": None if self.locked_until is None else self.locked_until.isoformat(),
        }

    @classmethod
    def from_dict(cls, record: Mapping[str, object]) -> LoginAttempts:
        failures = record.get("failures", [])
        locked = record.get("locked_until")
        if not isinstance(failures, list) or not (locked is None or isinstance(locked, str)):
            raise ValueError("not a LoginAttempts record")
        return cls(
            failures=tuple(_aware(datetime.fromisoformat(str(f))) for f in failures),
            locked_until=None if locked is None else _aware(datetime.fromisoformat(locked)),
        )


@dataclass(frozen=True, slots=True)
class LockoutPolicy:
    """Lock an account for ``lock_for`` after ``max_failures`` failures within ``window``."""

    max_failures: int = 5
    window: timedelta = field(default=timedelta(minutes=15))
    lock_for: timedelta = field(default=timedelta(minutes=15))

    def is_locked(self, attempts: LoginAttempts, now: datetime) -> bool:
        """True while the lock lasts; the service refuses the login without checking it."""
        return attempts.locked_until is not None and _aware(now) < attempts.locked_until

    def register_failure(self, attempts: LoginAttempts, now: datetime) -> LoginAttempts:
        """``attempts`` after one more failed login at ``now``.

        Failures during a lock change nothing: extending the lock on every try would let
        anyone keep a caseworker out indefinitely. Reaching the limit starts the lock and
        clears the count, so the account is fresh when the lock ends.
        """
        now = _aware(now)
        if self.is_locked(attempts, now):
            return attempts
        recent = (*(f for f in attempts.failures if now - f < self.window), now)
        if len(recent) >= self.max_failures:
            return LoginAttempts(failures=(), locked_until=now + self.lock_for)
        return LoginAttempts(failures=recent, locked_until=None)

    def reset(self) -> LoginAttempts:
        """The record after a successful login: no failures, no lock."""
        return LoginAttempts()


def _aware(moment: datetime) -> datetime:
    return require_aware(moment, "login time")


def csrf_token(secret: bytes, session_id: str) -> str:
    """The CSRF token of ``session_id`` (hex HMAC-SHA256 under ``secret``)."""
    return _csrf_mac(secret, session_id).hex()


def csrf_valid(secret: bytes, session_id: str, token: str) -> bool:
    """True when ``token`` is ``session_id``'s token; compared in constant time."""
    expected = _csrf_mac(secret, session_id).hex().encode("ascii")
    if not isinstance(token, str):
        return False
    return hmac.compare_digest(expected, token.encode("utf-8", "replace"))


def _csrf_mac(secret: bytes, session_id: str) -> bytes:
    # A short or empty secret is a deployment mistake: fail loudly rather than sign weakly.
    if len(secret) < _MIN_SECRET_BYTES:
        raise ValueError(f"the CSRF secret must be at least {_MIN_SECRET_BYTES} bytes")
    message = _CSRF_CONTEXT + session_id.encode("utf-8")
    return hmac.new(secret, message, hashlib.sha256).digest()
