"""Everything the eligibility domain raises.

::

    EligibilityError                    base: catch this to catch everything below
    ├── EvaluationError(code, message)  this application cannot be evaluated; ``message`` is
    │   │                               Chinese, for the resident; ``code`` is stable
    │   ├── InvalidApplication          the payload breaks the v1 contract (missing_field,
    │   │                               invalid_type, invalid_id_checksum, …)
    │   └── NoPolicyError               no policy version in force on that date (no_policy)
    └── PolicyDataError                 the policy data itself is wrong or incomplete: an
        │                               operator's problem, never shown to a resident
        └── UnknownParameterError       a rule asked for a parameter the version lacks

An ``EvaluationError`` is an answer to the resident ("please correct your ID number"), not a
rejection: rejections are determinations with status ``ineligible``.
"""

from __future__ import annotations

from enum import StrEnum


class ErrorCode(StrEnum):
    """Machine codes of ``EvaluationError``; stable, because clients branch on them."""

    NO_POLICY = "no_policy"
    INVALID_JSON = "invalid_json"
    MISSING_FIELD = "missing_field"
    INVALID_TYPE = "invalid_type"
    INVALID_ENUM = "invalid_enum"
    INVALID_TIMESTAMP = "invalid_timestamp"
    INVALID_ID_FORMAT = "invalid_id_format"
    INVALID_ID_CHECKSUM = "invalid_id_checksum"
    INVALID_ID_BIRTHDATE = "invalid_id_birthdate"
    INVALID_PHONE = "invalid_phone"
    UNKNOWN_DISTRICT = "unknown_district"
    INVALID_MEMBERS = "invalid_members"
    NEGATIVE_AMOUNT = "negative_amount"


class EligibilityError(Exception):
    """Base of every error raised by the eligibility domain."""


class EvaluationError(EligibilityError):
    """The application cannot be evaluated as submitted.

    ``field`` is the dotted path of the offending input (``"applicant.id_number"``), or None
    when the problem is not tied to one field.
    """

    def __init__(self, code: ErrorCode | str, message: str, field: str | None = None) -> None:
        super().__init__(f"{code}: {message}")
        self.code = str(code)
        self.message = message
        self.field = field

    def to_dict(self) -> dict[str, str | None]:
        return {"code": self.code, "message": self.message, "field": self.field}


class InvalidApplication(EvaluationError):
    """The payload does not satisfy the v1 input contract (SPEC §2, §5)."""


class NoPolicyError(EvaluationError):
    """The application was submitted before the first policy version took effect."""


class PolicyDataError(EligibilityError):
    """The policy data (parameter files, citations, versions) is malformed or incomplete."""


class UnknownParameterError(PolicyDataError, KeyError):
    """A rule asked for a parameter that the policy version does not define."""

    def __str__(self) -> str:
        # KeyError would quote the message; keep it readable in logs.
        return str(self.args[0]) if self.args else ""
