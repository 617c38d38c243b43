"""Every line of the case files under ``cases/``: hand-computed expectations from SPEC."""

from __future__ import annotations

import json

import pytest
from eligibility_support import Case, check_determination, load_cases

from services.eligibility.domain import EvaluationError, PolicyBook, evaluate

CASES = list(load_cases("cq-2021-09.jsonl", "cq-2022-09.jsonl", "errors.jsonl"))


def test_case_names_are_unique_sentences_within_each_file() -> None:
    names = [(c.file, c.name) for c in CASES]
    assert len(names) == len(set(names))
    assert all(n == n.lower() and " " not in n and n.count("_") >= 3 for _, n in names)


def test_case_files_cover_both_versions_and_every_error_code() -> None:
    versions = {c.expect.get("policy_version") for c in CASES} - {None}
    assert versions == {"cq-2021-09", "cq-2022-09"}
    codes = {c.expect["error"] for c in CASES if "error" in c.expect}
    assert codes == {
        "no_policy",
        "invalid_id_checksum",
        "invalid_id_format",
        "invalid_id_birthdate",
        "unknown_district",
        "invalid_members",
        "negative_amount",
        "invalid_enum",
        "invalid_timestamp",
        "missing_field",
        "invalid_type",
        "invalid_phone",
    }


@pytest.mark.parametrize(
    "case", CASES, ids=[f"{c.file.removesuffix('.jsonl')}:{c.name}" for c in CASES]
)
def test_case_gives_its_hand_computed_result(case: Case, book: PolicyBook) -> None:
    if "error" in case.expect:
        with pytest.raises(EvaluationError) as caught:
            evaluate(case.input, book)
        assert caught.value.code == case.expect["error"]
        if "field" in case.expect:
            assert caught.value.field == case.expect["field"]
        assert caught.value.message.endswith("。")
        return
    determination = evaluate(case.input, book)
    # Through JSON, as a consumer of the event sees it.
    result = json.loads(json.dumps(determination.to_dict(), ensure_ascii=False))
    check_determination(result, case.expect)
