"""The batch CLI as a user runs it: a subprocess reading JSON Lines on stdin."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.unit.eligibility.eligibility_support import check_determination, load_cases

ROOT = Path(__file__).resolve().parents[3]
CASES = list(load_cases("cq-2021-09.jsonl", "cq-2022-09.jsonl", "errors.jsonl"))


def run_cli(stdin: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "services.eligibility.evaluate", *args],
        input=stdin, capture_output=True, text=True, cwd=ROOT, check=False, timeout=120,
    )  # fmt: skip


def test_the_cli_answers_every_case_file_line_in_order_as_the_cases_expect() -> None:
    stdin = "".join(json.dumps(c.input, ensure_ascii=False) + "\n" for c in CASES)
    result = run_cli(stdin)
    assert result.returncode == 0, result.stderr
    answers = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(answers) == len(CASES)
    for case, got in zip(CASES, answers, strict=True):
        if "error" in case.expect:
            assert got["error"]["code"] == case.expect["error"], case.name
            assert got["error"]["message"].endswith("。"), case.name
            given = case.input.get("application_id") if isinstance(case.input, dict) else None
            assert got["application_id"] == (given if isinstance(given, str) else None), case.name
        else:
            check_determination(got, case.expect)


def test_lines_that_are_not_applications_still_get_an_answer_each() -> None:
    result = run_cli('not json\n[1, 2]\n\n{"application_id": "a-1"}\n')
    assert result.returncode == 0
    answers = [json.loads(line) for line in result.stdout.splitlines()]
    assert [a["error"]["code"] for a in answers] == [
        "invalid_json",
        "invalid_type",
        "missing_field",
    ]
    assert [a["application_id"] for a in answers] == [None, None, "a-1"]


def test_output_is_canonical_so_a_replay_is_byte_for_byte_the_same() -> None:
    stdin = "".join(json.dumps(c.input, ensure_ascii=False) + "\n" for c in CASES[:20])
    first, second = run_cli(stdin), run_cli(stdin)
    assert first.stdout == second.stdout
    line = first.stdout.splitlines()[0]
    assert line == json.dumps(json.loads(line), ensure_ascii=False, sort_keys=True)


def test_under_evaluates_old_applications_with_a_newer_versions_standards() -> None:
    case = next(c for c in CASES if c.expect.get("policy_version") == "cq-2021-09"
                and "error" not in c.expect)  # fmt: skip
    line = json.dumps(case.input, ensure_ascii=False) + "\n"
    assert json.loads(run_cli(line).stdout)["policy_version"] == "cq-2021-09"
    assert (
        json.loads(run_cli(line, "--under", "cq-2022-09").stdout)["policy_version"] == "cq-2022-09"
    )


def test_an_unknown_version_is_a_usage_error_naming_the_known_ones() -> None:
    result = run_cli("", "--under", "cq-1999-01")
    assert result.returncode == 2
    assert "cq-2021-09, cq-2022-09" in result.stderr
