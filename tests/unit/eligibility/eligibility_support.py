"""Helpers for the eligibility unit tests: ID numbers, payloads, case files, expectations.

Imported by module name (pytest puts this folder on ``sys.path``, as it has no
``__init__.py``); the name is unique so it cannot clash with other test folders.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from stdnum.cn import ric

CASES_DIR = Path(__file__).parent / "cases"

# Chongqing 渝中区 and an ordinary sequence number; only the birth date matters to the rules.
DEFAULT_REGION = "500103"
DEFAULT_SEQUENCE = "123"

_PLACEHOLDER = re.compile(
    r"@(?P<kind>id|badcheck):(?P<birth>[0-9]{8})(?::(?P<region>[0-9]{6}))?(?::(?P<seq>[0-9]{3}))?"
)


def make_id(
    birth: date | str, region: str = DEFAULT_REGION, sequence: str = DEFAULT_SEQUENCE
) -> str:
    """A GB 11643 ID number with a correct check character for a birth date.

    ``birth`` may be a date or the raw eight digits (which need not be a real date, so a test
    can build a well-checksummed number with an impossible birth date).
    """
    digits = birth.strftime("%Y%m%d") if isinstance(birth, date) else birth
    body = f"{region}{digits}{sequence}"
    # calc_check_digit ignores the last character of what it is given.
    return body + ric.calc_check_digit(body + "?")


def with_wrong_check(id_number: str) -> str:
    """The same number with a different (so wrong) check character."""
    check = id_number[-1]
    replacement = "0" if check != "0" else "1"
    return id_number[:-1] + replacement


def expand(value: Any) -> Any:
    """Replace ``"@id:YYYYMMDD[:region[:seq]]"`` and ``"@badcheck:YYYYMMDD"`` strings in a
    case's input with real ID numbers."""
    if isinstance(value, dict):
        return {k: expand(v) for k, v in value.items()}
    if isinstance(value, list):
        return [expand(v) for v in value]
    if isinstance(value, str):
        match = _PLACEHOLDER.fullmatch(value)
        if match:
            number = make_id(
                match["birth"], match["region"] or DEFAULT_REGION, match["seq"] or DEFAULT_SEQUENCE
            )
            return with_wrong_check(number) if match["kind"] == "badcheck" else number
    return value


BASE_PAYLOAD: dict[str, Any] = {
    "application_id": "7d3f5c2e-0000-4000-8000-000000000001",
    "submitted_at": "2022-03-01T10:00:00+08:00",
    "channel": "palm",
    "applicant": {"name": "张秀英", "id_number": make_id("19700315"), "phone": "13800000000"},
    "household": {
        "district": "渝中区",
        "residence": "urban",
        "members": 3,
        "monthly_income": 3000.0,
        "financial_assets": 10000.0,
    },
    "emergency": None,
    "programs_requested": ["dibao"],
}


def payload(**sections: Any) -> dict[str, Any]:
    """The base payload with top-level keys replaced and nested dicts merged one level deep;
    a value of ``...`` removes the key."""
    result = copy.deepcopy(BASE_PAYLOAD)
    for key, value in sections.items():
        if value is ...:
            result.pop(key, None)
        elif isinstance(value, dict) and isinstance(result.get(key), dict):
            merged = dict(result[key])
            for inner, inner_value in value.items():
                if inner_value is ...:
                    merged.pop(inner, None)
                else:
                    merged[inner] = inner_value
            result[key] = merged
        else:
            result[key] = value
    return result


@dataclass(frozen=True)
class Case:
    file: str
    line: int
    name: str
    input: dict[str, Any]
    expect: dict[str, Any]


def load_cases(*names: str) -> Iterator[Case]:
    for name in names:
        path = CASES_DIR / name
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            raw = json.loads(line)
            yield Case(name, number, raw["name"], expand(raw["input"]), raw["expect"])


def check_determination(result: Mapping[str, Any], expect: Mapping[str, Any]) -> None:
    """Assert the parts of a determination dict that a case states."""
    for key in (
        "policy_version",
        "status",
        "marginal",
        "stage",
        "total_monthly_amount",
        "total_one_off_amount",
    ):
        if key in expect:
            assert result[key] == expect[key], f"{key}: {result[key]!r} != {expect[key]!r}"
    programs = {p["program"]: p for p in result["programs"]}
    for program, wanted in expect.get("programs", {}).items():
        got = programs[program]
        where = f"programs.{program}"
        for key in ("outcome", "monthly_amount", "one_off_amount"):
            if key in wanted:
                assert got[key] == wanted[key], f"{where}.{key}: {got[key]!r} != {wanted[key]!r}"
        reasons = {r["rule"]: r for r in got["reasons"]}
        for rule, passed in wanted.get("reasons", {}).items():
            assert rule in reasons, f"{where}: no reason {rule} in {sorted(reasons)}"
            assert reasons[rule]["passed"] is passed, f"{where}: {rule} passed != {passed}"
        for rule, message in wanted.get("messages", {}).items():
            assert reasons[rule]["message"] == message, f"{where}: {rule} message"
        for rule in wanted.get("absent_reasons", []):
            assert rule not in reasons, f"{where}: unexpected reason {rule}"
