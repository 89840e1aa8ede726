"""Handle and password rules; argon2id hashing, verification and rehash."""
from __future__ import annotations

import pytest
from argon2 import PasswordHasher

from server import passwords


@pytest.mark.parametrize("handle", ["abc", "a_b-c", "Calm_River-22", "x" * 32, "ABC123"])
def test_valid_handles(handle: str) -> None:
    assert passwords.handle_error(handle) is None


@pytest.mark.parametrize("handle", ["ab", "x" * 33, "has space", "émile", "semi;colon", "dot.name", "",
                                    "<script>", "a\x00b", 123, None, "name\n"])
def test_invalid_handles(handle: object) -> None:
    assert passwords.handle_error(handle) is not None


def test_password_rules() -> None:
    assert passwords.password_error("a calm long password") is None
    assert "at least 10" in (passwords.password_error("short") or "")
    assert passwords.password_error("password123") is not None  # common
    assert passwords.password_error("PASSWORD123") is not None  # common, case-folded
    assert passwords.password_error("calm_river", handle="calm_river") is not None  # same as handle
    assert passwords.password_error(None) is not None
    assert passwords.password_error(12345678901) is not None
    assert passwords.password_error("x" * (passwords.MAX_PASSWORD + 1)) is not None


def test_hash_is_argon2id_and_verifies() -> None:
    h = passwords.hash_password("a calm long password")
    assert h.startswith("$argon2id$")
    assert passwords.verify_password(h, "a calm long password")
    assert not passwords.verify_password(h, "a calm long passwore")
    assert not passwords.verify_password("not a hash", "anything")
    assert not passwords.needs_rehash(h)


def test_rehash_when_parameters_change() -> None:
    weak = PasswordHasher(time_cost=1, memory_cost=8 * 1024, parallelism=1).hash("a calm long password")
    assert passwords.verify_password(weak, "a calm long password")
    assert passwords.needs_rehash(weak)
    assert passwords.needs_rehash("garbage")
