"""The batch interface: JSON Lines of applications in, one JSON line per input out, in order.

Each output line is the determination (policy SPEC §4, keys sorted) or
``{"application_id": …, "error": {"code": …, "message": …}}`` — a line that is not JSON or
not an object is answered too (``invalid_json`` / ``invalid_type``), so every input gets an
answer and the exit status is 0. Blank lines are not inputs and get no answer.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TextIO

from services.eligibility.adapters.policy_files import load_policy_book
from services.eligibility.domain import (
    ErrorCode,
    EvaluationError,
    PolicyBook,
    PolicyDataError,
    evaluate,
)
from services.eligibility.domain.messages import error_message


def answer(line: str, book: PolicyBook, under: str | None = None) -> dict[str, Any]:
    """The output object for one input line (never raises for bad input)."""
    try:
        payload = json.loads(line)
    except json.JSONDecodeError:
        return _error(None, ErrorCode.INVALID_JSON, error_message(ErrorCode.INVALID_JSON))
    if not isinstance(payload, dict):
        return _error(None, ErrorCode.INVALID_TYPE, error_message(ErrorCode.INVALID_TYPE))
    raw_id = payload.get("application_id")
    application_id = raw_id if isinstance(raw_id, str) else None
    try:
        return evaluate(payload, book, under=under).to_dict()
    except EvaluationError as exc:
        return _error(application_id, exc.code, exc.message)


def _error(application_id: str | None, code: str, message: str) -> dict[str, Any]:
    return {"application_id": application_id, "error": {"code": str(code), "message": message}}


def run(lines: Iterable[str], out: TextIO, book: PolicyBook, under: str | None = None) -> int:
    """Answer every non-blank line; return how many were answered."""
    answered = 0
    for line in lines:
        if not line.strip():
            continue
        result = answer(line, book, under)
        out.write(json.dumps(result, ensure_ascii=False, sort_keys=True) + "\n")
        answered += 1
    return answered


def main(
    argv: list[str] | None = None, stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout
) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m services.eligibility.evaluate",
        description="Evaluate applications (JSON Lines on stdin) under the city's rules; "
        "write one determination or error per line to stdout.",
    )
    parser.add_argument(
        "--policy-file", action="append", default=[], type=Path, metavar="PATH",
        help="an extra policy parameter file layered over the shipped ones (repeatable)",
    )  # fmt: skip
    parser.add_argument(
        "--under", metavar="VERSION",
        help="evaluate under this policy version instead of the one in force at submission",
    )  # fmt: skip
    args = parser.parse_args(argv)
    try:
        book = load_policy_book(*args.policy_file)
    except (OSError, PolicyDataError) as exc:
        print(f"cannot load the policy parameters: {exc}", file=sys.stderr)
        return 2
    known = [v.id for v in book.versions]
    if args.under is not None and args.under not in known:
        print(f"unknown policy version {args.under!r}; known: {', '.join(known)}", file=sys.stderr)
        return 2
    run(stdin, stdout, book, args.under)
    stdout.flush()
    return 0
