"""The eligibility rules engine: pure domain code, no I/O.

Public API::

    evaluate(payload, book) -> Determination          # raises EvaluationError
    validate_application(payload) -> NormalizedApplication
    PolicyBook.version_for(local_date) -> PolicyVersion
    PolicyVersion.param(name) -> Decimal

Policy figures come from data (``services/eligibility/policy/*.yaml``), loaded by
``services.eligibility.adapters.policy_files.load_policy_book``.
"""

from __future__ import annotations

from .application import NormalizedApplication, Program
from .determination import Determination, Outcome, ProgramResult, Reason, Status
from .engine import evaluate
from .errors import (
    EligibilityError,
    ErrorCode,
    EvaluationError,
    InvalidApplication,
    NoPolicyError,
    PolicyDataError,
    UnknownParameterError,
)
from .parameters import Param
from .policy import Citation, ParameterValue, PolicyBook, PolicyVersion, Source
from .rules import Rule
from .validation import validate_application

__all__ = [
    "Citation",
    "Determination",
    "EligibilityError",
    "ErrorCode",
    "EvaluationError",
    "InvalidApplication",
    "NoPolicyError",
    "NormalizedApplication",
    "Outcome",
    "Param",
    "ParameterValue",
    "PolicyBook",
    "PolicyDataError",
    "PolicyVersion",
    "Program",
    "ProgramResult",
    "Reason",
    "Rule",
    "Source",
    "Status",
    "UnknownParameterError",
    "evaluate",
    "validate_application",
]
