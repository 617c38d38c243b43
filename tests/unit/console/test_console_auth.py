"""Password hashes, lockout after repeated failures, and CSRF tokens."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from services.console.domain import (
    LockoutPolicy,
    LoginAttempts,
    csrf_token,
    csrf_valid,
    hash_password,
    verify_password,
)

SALT = bytes(range(16))
SECRET = b"k" * 32
T0 = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)


def test_a_hashed_password_verifies() -> None:
    encoded = hash_password("渝助-correct horse", SALT)
    assert verify_password("渝助-correct horse", encoded)


def test_the_encoding_names_the_scheme_its_parameters_and_the_salt() -> None:
    scheme, n, r, p, salt, digest = hash_password("pw", SALT).split("$")
    assert (scheme, n, r, p) == ("scrypt", "16384", "8", "1")
    assert salt == "AAECAwQFBgcICQoLDA0ODw=="
    assert len(digest) == 44  # 32 bytes in base64


def test_a_wrong_password_does_not_verify() -> None:
    assert not verify_password("wrong", hash_password("right", SALT))


def test_the_same_password_with_another_salt_hashes_differently() -> None:
    assert hash_password("pw", SALT) != hash_password("pw", bytes(16))


@pytest.mark.parametrize(
    "encoded",
    [
        "",
        "plain-text-password",
        "bcrypt$16384$8$1$AAECAwQFBgcICQoLDA0ODw==$AAAA",
        "scrypt$16384$8$1$AAECAwQFBgcICQoLDA0ODw==",
        "scrypt$16384$8$1$not*base64$AAECAwQFBgcICQoLDA0ODw==",
        "scrypt$16383$8$1$AAECAwQFBgcICQoLDA0ODw==$AAECAwQFBgcICQoLDA0ODw==",
        "scrypt$-1$8$1$AAECAwQFBgcICQoLDA0ODw==$AAECAwQFBgcICQoLDA0ODw==",
        "scrypt$1073741824$8$1$AAECAwQFBgcICQoLDA0ODw==$AAECAwQFBgcICQoLDA0ODw==",
        "scrypt$16384$8$1$AAEC$AAECAwQFBgcICQoLDA0ODw==",
    ],
)
def test_a_malformed_encoding_never_verifies_and_never_raises(encoded: str) -> None:
    assert not verify_password("pw", encoded)


def test_a_short_salt_is_refused() -> None:
    with pytest.raises(ValueError, match="salt"):
        hash_password("pw", b"short")


def fail(policy: LockoutPolicy, attempts: LoginAttempts, *minutes: float) -> LoginAttempts:
    for m in minutes:
        attempts = policy.register_failure(attempts, T0 + timedelta(minutes=m))
    return attempts


def test_five_failures_within_fifteen_minutes_lock_the_account() -> None:
    policy = LockoutPolicy()
    attempts = fail(policy, LoginAttempts(), 0, 1, 2, 3)
    assert not policy.is_locked(attempts, T0 + timedelta(minutes=3))
    attempts = fail(policy, attempts, 14)
    assert policy.is_locked(attempts, T0 + timedelta(minutes=14))
    assert policy.is_locked(attempts, T0 + timedelta(minutes=28, seconds=59))


def test_the_lock_ends_after_fifteen_minutes() -> None:
    policy = LockoutPolicy()
    attempts = fail(policy, LoginAttempts(), 0, 1, 2, 3, 4)
    assert attempts.locked_until == T0 + timedelta(minutes=19)
    assert not policy.is_locked(attempts, T0 + timedelta(minutes=19))
    # A fresh start: one more failure after the lock does not lock again.
    attempts = fail(policy, attempts, 20)
    assert not policy.is_locked(attempts, T0 + timedelta(minutes=20))


def test_failures_spread_over_more_than_fifteen_minutes_do_not_lock() -> None:
    policy = LockoutPolicy()
    # Every 4 minutes: the window never holds more than four of them.
    attempts = fail(policy, LoginAttempts(), 0, 4, 8, 12, 16, 20)
    assert not policy.is_locked(attempts, T0 + timedelta(minutes=20))
    assert attempts.failures == tuple(T0 + timedelta(minutes=m) for m in (8, 12, 16, 20))


def test_failures_during_a_lock_do_not_extend_it() -> None:
    policy = LockoutPolicy()
    locked = fail(policy, LoginAttempts(), 0, 1, 2, 3, 4)
    assert fail(policy, locked, 5, 10) == locked


def test_a_successful_login_resets_the_count() -> None:
    policy = LockoutPolicy()
    attempts = fail(policy, LoginAttempts(), 0, 1, 2, 3)
    attempts = fail(policy, policy.reset(), 4)
    assert not policy.is_locked(attempts, T0 + timedelta(minutes=4))
    assert len(attempts.failures) == 1


def test_login_attempts_survive_a_round_trip_through_their_dict() -> None:
    attempts = fail(LockoutPolicy(), LoginAttempts(), 0, 1)
    assert LoginAttempts.from_dict(attempts.to_dict()) == attempts


def test_a_csrf_token_is_valid_for_its_session() -> None:
    token = csrf_token(SECRET, "session-a")
    assert csrf_valid(SECRET, "session-a", token)


def test_a_csrf_token_is_invalid_for_another_session() -> None:
    assert not csrf_valid(SECRET, "session-b", csrf_token(SECRET, "session-a"))


@pytest.mark.parametrize("token", ["", "0" * 64, "不是令牌"])
def test_a_forged_csrf_token_is_invalid(token: str) -> None:
    assert not csrf_valid(SECRET, "session-a", token)


def test_a_csrf_token_under_another_secret_is_invalid() -> None:
    assert not csrf_valid(SECRET, "session-a", csrf_token(b"x" * 32, "session-a"))


def test_a_short_csrf_secret_is_refused() -> None:
    with pytest.raises(ValueError, match="secret"):
        csrf_token(b"short", "session-a")
