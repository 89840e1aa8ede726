"""Handle and password rules, and argon2id hashing."""
from __future__ import annotations

import re
import secrets
import unicodedata

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

HANDLE_RE = re.compile(r"[A-Za-z0-9_-]{3,32}")
MIN_PASSWORD = 10
MAX_PASSWORD = 1024  # argon2 hashes anything, but a megabyte password is a DoS, not a password

# A short list of the most common passwords that meet the length rule
# (from public breach-frequency lists); the point is to stop the obvious.
COMMON_PASSWORDS = frozenset({
    "1234567890", "0123456789", "12345678910", "1234567891", "qwertyuiop", "1q2w3e4r5t",
    "1qaz2wsx3edc", "password1", "password12", "password123", "password1234", "passw0rd123",
    "iloveyou12", "iloveyou123", "qwerty1234", "qwerty12345", "qwerty123456", "abc1234567",
    "abcdefghij", "aaaaaaaaaa", "1111111111", "0000000000", "9876543210", "letmein123",
    "welcome123", "administrator", "sunshine123", "football123", "baseball123", "princess123",
    "dragon1234", "monkey1234", "trustno1234", "superman123", "michael123", "qazwsxedcrfv",
    "zaq12wsxcde", "asdfghjkl1", "asdfghjkl;", "changeme123", "securebase", "securebase1",
    "securebase123", "passwordpassword", "1234qwerasdf", "q1w2e3r4t5", "987654321a",
})

_hasher = PasswordHasher()  # argon2id with the library's current recommended parameters


def handle_error(handle: object) -> str | None:
    """Return a sentence saying what is wrong with a handle, or None if it is fine."""
    if not isinstance(handle, str) or not HANDLE_RE.fullmatch(handle):
        return "Handles are 3 to 32 characters: letters, digits, _ and -."
    return None


def handle_key(handle: object) -> str | None:
    """The lookup key (lowercase) of something that could be a handle, or None: check before any lookup.

    The rule is ASCII, so lowercasing cannot grow the text ("İ".lower() is two characters).
    """
    if handle_error(handle) is not None:
        return None
    assert isinstance(handle, str)
    return handle.lower()


def password_error(password: object, handle: str | None = None) -> str | None:
    if not isinstance(password, str):
        return "Please choose a password."
    if len(password) < MIN_PASSWORD:
        return f"Passwords need at least {MIN_PASSWORD} characters."
    if len(password) > MAX_PASSWORD:
        return f"Passwords can be at most {MAX_PASSWORD} characters."
    if not _encodable(password):
        return "That password contains characters that aren't valid text."
    folded = unicodedata.normalize("NFKC", password).lower()
    if folded in COMMON_PASSWORDS or (handle and folded == handle.lower()):
        return "That password is too common or too easy to guess. Please choose another."
    return None


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def _encodable(text: str) -> bool:
    """A lone surrogate (JSON's "\\ud800") is a str that has no UTF-8: argon2 can't hash it."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def verify_password(stored_hash: str, password: str) -> bool:
    if not _encodable(password):
        return False
    try:
        return _hasher.verify(stored_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    try:
        return _hasher.check_needs_rehash(stored_hash)
    except InvalidHashError:
        return True


# A hash to verify against when the handle does not exist, so a login for an
# unknown handle costs as much as one for a real handle (no timing oracle).
DUMMY_HASH = _hasher.hash("not-a-real-password-for-timing")


# --- recovery codes -------------------------------------------------------------
# A code is 12 random characters (60 bits) from Crockford's base32, shown as xxxx-xxxx-xxxx.
# Guessing is throttled like sign-in, so 60 random bits need no slow hash; argon2id with light
# parameters keeps a leaked table useless while sign-up (ten hashes) stays quick.
RECOVERY_CODE_COUNT = 10
CODE_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"
CODE_LENGTH = 12
MAX_CODE_INPUT = 64  # what a person might paste (spaces, dashes); anything longer is not a code
_CONFUSABLE = str.maketrans({"o": "0", "i": "1", "l": "1"})
_CODE_RE = re.compile(f"[{CODE_ALPHABET}]{{{CODE_LENGTH}}}")
_code_hasher = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1)


def new_recovery_codes(count: int = RECOVERY_CODE_COUNT) -> list[str]:
    """Fresh codes in their display form (xxxx-xxxx-xxxx)."""
    out = []
    for _ in range(count):
        raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        out.append("-".join(raw[i:i + 4] for i in range(0, CODE_LENGTH, 4)))
    return out


def normalize_code(code: object) -> str | None:
    """The canonical form of something typed as a code (case, spaces, dashes and look-alikes
    forgiven), or None when it cannot be one: check before any lookup."""
    if not isinstance(code, str) or len(code) > MAX_CODE_INPUT:
        return None
    folded = "".join(code.lower().split()).replace("-", "").translate(_CONFUSABLE)
    return folded if _CODE_RE.fullmatch(folded) else None


def hash_code(code: str) -> str:
    """Hash a code given in display or canonical form."""
    canonical = normalize_code(code)
    assert canonical is not None, "only codes made by new_recovery_codes are hashed"
    return _code_hasher.hash(canonical)


def verify_code(stored_hash: str, canonical: str) -> bool:
    try:
        return _code_hasher.verify(stored_hash, canonical)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


DUMMY_CODE_HASH = _code_hasher.hash("0" * CODE_LENGTH)
