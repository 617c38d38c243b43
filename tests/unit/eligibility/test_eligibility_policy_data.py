"""Policy parameters are data: the packaged file, the loader's checks, and a new version
added without touching code."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from eligibility_support import make_id, payload

from services.eligibility.adapters.policy_files import load_policy_book, parse_policy_document
from services.eligibility.domain import (
    NoPolicyError,
    Param,
    PolicyBook,
    PolicyDataError,
    Program,
    Rule,
    UnknownParameterError,
    evaluate,
)

# SPEC §1, typed from the table (plus the thresholds the brief moved into data).
SPEC_TABLE = {
    "dibao.standard.urban": ("636", "717"),
    "dibao.standard.rural": ("515", "581"),
    "tekun.basic": ("827", "932"),
    "orphan.institution": ("1477", "1582"),
    "orphan.scattered": ("1277", "1382"),
    "unsupported_child": ("1225", "1382"),
    "assets.max_months": ("24", "24"),
    "marginal.income_multiple": ("1.5", "1.5"),
    "tekun.minor_age": ("16", "16"),
    "tekun.elderly_age": ("60", "60"),
    "temporary.advance_months": ("2", "2"),
    "disability.living": ("70", "70"),
    "disability.care.grade1": ("100", "100"),
    "disability.care.grade2": ("83.34", "83.34"),
    "orphan.max_age": ("18", "18"),
}
ASSUMED = {
    "assets.max_months",
    "temporary.advance_months",
    "disability.living",
    "disability.care.grade1",
    "disability.care.grade2",
}


def test_packaged_book_has_the_two_spec_versions(book: PolicyBook) -> None:
    assert [(v.id, v.effective_from) for v in book.versions] == [
        ("cq-2021-09", date(2021, 9, 1)),
        ("cq-2022-09", date(2022, 9, 1)),
    ]
    assert all(v.documents for v in book.versions)


@pytest.mark.parametrize("name", sorted(SPEC_TABLE))
def test_packaged_values_match_the_spec_table(book: PolicyBook, name: str) -> None:
    old, new = SPEC_TABLE[name]
    assert book.version("cq-2021-09").param(name) == Decimal(old)
    assert book.version("cq-2022-09").param(name) == Decimal(new)


def test_assumptions_are_marked_exactly_where_spec_and_facts_say(book: PolicyBook) -> None:
    for version in book.versions:
        assumed = {v.name for v in version.assumptions}
        assert assumed == ASSUMED


def test_every_value_names_its_source(book: PolicyBook) -> None:
    for version in book.versions:
        for value in version.parameters.values():
            assert value.source.document
            assert value.source.where


def test_money_with_fen_is_an_exact_decimal(book: PolicyBook) -> None:
    value = book.version("cq-2021-09").param(Param.DISABILITY_CARE_GRADE2)
    assert value == Decimal("83.34")
    assert value.as_tuple().exponent == -2


def test_every_rule_has_a_citation_in_the_packaged_data(book: PolicyBook) -> None:
    for version in book.versions:
        for rule in Rule:
            assert str(version.citation(rule))


def test_version_is_chosen_by_local_date(book: PolicyBook) -> None:
    assert book.version_for(date(2021, 9, 1)).id == "cq-2021-09"
    assert book.version_for(date(2022, 8, 31)).id == "cq-2021-09"
    assert book.version_for(date(2022, 9, 1)).id == "cq-2022-09"
    assert book.version_for(date(2030, 1, 1)).id == "cq-2022-09"
    with pytest.raises(NoPolicyError):
        book.version_for(date(2021, 8, 31))


def test_unknown_parameter_is_a_policy_data_error(book: PolicyBook) -> None:
    with pytest.raises(UnknownParameterError):
        book.versions[0].param("dibao.standard.suburban")


EXTRA_2023 = """
versions:
  - id: cq-2023-07
    effective_from: 2023-07-01
    documents: [渝民发〔2023〕10号]
parameters:
  dibao.standard.urban:
    history:
      - {effective_from: 2023-07-01, value: "735", assumption: false,
         source: {document: 渝民发〔2023〕10号, where: 城市低保标准}}
  dibao.standard.rural:
    history:
      - {effective_from: 2023-07-01, value: 600, assumption: false,
         source: {document: 渝民发〔2023〕10号, where: 农村低保标准}}
  tekun.basic:
    history:
      - {effective_from: 2023-07-01, value: 955, assumption: false,
         source: {document: 渝民发〔2023〕10号, where: 特困人员基本生活标准}}
  orphan.institution:
    history:
      - {effective_from: 2023-07-01, value: 1605, assumption: false,
         source: {document: 渝民发〔2023〕10号, where: 集中养育孤儿基本生活费标准},
         note: 生效日期为测试假设}
"""


@pytest.fixture
def book_with_2023(tmp_path: Path) -> PolicyBook:
    extra = tmp_path / "cq-2023.yaml"
    extra.write_text(EXTRA_2023, encoding="utf-8")
    return load_policy_book(extra)


def test_new_version_from_an_extra_file_is_used_for_later_applications(
    book_with_2023: PolicyBook,
) -> None:
    result = evaluate(
        payload(submitted_at="2023-07-01T09:00:00+08:00", household={"monthly_income": 1500.0}),
        book_with_2023,
    )
    assert result.policy_version == "cq-2023-07"
    # 735 × 3 − 1500 = 705
    assert result.to_dict()["total_monthly_amount"] == 705.0
    reason = result.program(Program.DIBAO).reasons[0]
    assert reason.message == "您家人均月收入500元，低于城市低保标准735元。"
    assert "渝民发〔2023〕10号" in reason.citation


def test_new_version_uses_its_tekun_and_orphan_rates(book_with_2023: PolicyBook) -> None:
    elderly = evaluate(
        payload(
            submitted_at="2023-08-01T09:00:00+08:00",
            applicant={"id_number": make_id("19500601")},
            beneficiary={"able_supporter": False},
            household={"members": 1, "monthly_income": 300.0, "financial_assets": 0},
        ),
        book_with_2023,
    )
    assert elderly.program(Program.TEKUN).monthly_amount == Decimal("955.00")
    orphan = evaluate(
        payload(
            submitted_at="2023-08-01T09:00:00+08:00",
            beneficiary={
                "id_number": make_id("20150101"),
                "parents": "both_deceased_or_missing",
                "in_institution": True,
            },
        ),
        book_with_2023,
    )
    assert orphan.program(Program.ORPHAN).monthly_amount == Decimal("1605.00")


def test_values_the_new_file_does_not_change_carry_forward(book_with_2023: PolicyBook) -> None:
    version = book_with_2023.version("cq-2023-07")
    assert version.param(Param.ORPHAN_SCATTERED) == Decimal(1382)
    assert version.param(Param.ASSETS_MAX_MONTHS) == Decimal(24)


def test_applications_before_the_new_version_keep_the_old_standards(
    book_with_2023: PolicyBook,
) -> None:
    result = evaluate(
        payload(submitted_at="2023-06-30T15:59:59Z", household={"monthly_income": 1500.0}),
        book_with_2023,
    )
    assert result.policy_version == "cq-2022-09"
    assert result.to_dict()["total_monthly_amount"] == 651.0


def _load_with_extra(tmp_path: Path, text: str) -> PolicyBook:
    extra = tmp_path / "extra.yaml"
    extra.write_text(text, encoding="utf-8")
    return load_policy_book(extra)


def test_extra_file_with_a_misspelt_parameter_is_refused(tmp_path: Path) -> None:
    text = EXTRA_2023.replace("dibao.standard.rural", "dibao.standard.rual")
    with pytest.raises(PolicyDataError, match=r"unknown parameter dibao\.standard\.rual"):
        _load_with_extra(tmp_path, text)


def test_extra_file_cannot_silently_override_a_packaged_value(tmp_path: Path) -> None:
    text = """
parameters:
  dibao.standard.urban:
    history:
      - {effective_from: 2022-09-01, value: 700, assumption: false,
         source: {document: x, where: y}}
"""
    with pytest.raises(PolicyDataError, match="declared twice"):
        _load_with_extra(tmp_path, text)


def test_value_changing_between_versions_is_refused(tmp_path: Path) -> None:
    text = """
parameters:
  dibao.standard.urban:
    history:
      - {effective_from: 2023-01-01, value: 720, assumption: false,
         source: {document: x, where: y}}
"""
    with pytest.raises(PolicyDataError, match="no policy version starts"):
        _load_with_extra(tmp_path, text)


def test_redeclared_version_is_refused(tmp_path: Path) -> None:
    text = "versions:\n  - {id: cq-2022-09, effective_from: 2024-01-01, documents: [x]}\n"
    with pytest.raises(PolicyDataError, match="declared twice"):
        _load_with_extra(tmp_path, text)


def test_entry_without_an_assumption_flag_is_refused() -> None:
    text = """
parameters:
  tekun.basic:
    history:
      - {effective_from: 2021-09-01, value: 827, source: {document: x, where: y}}
"""
    with pytest.raises(PolicyDataError, match="assumption"):
        parse_policy_document(text, "inline")


def test_non_numeric_value_is_refused() -> None:
    text = """
parameters:
  tekun.basic:
    history:
      - {effective_from: 2021-09-01, value: "八百", assumption: false,
         source: {document: x, where: y}}
"""
    with pytest.raises(PolicyDataError, match="not a number"):
        parse_policy_document(text, "inline")


def test_unquoted_yaml_number_is_read_exactly() -> None:
    text = """
parameters:
  disability.care.grade2:
    history:
      - {effective_from: 2021-09-01, value: 83.34, assumption: true,
         source: {document: x, where: y}}
"""
    (entry,) = parse_policy_document(text, "inline").parameters
    assert entry.value == Decimal("83.34")


def test_unknown_section_is_refused() -> None:
    with pytest.raises(PolicyDataError, match="unknown section"):
        parse_policy_document("standards: {}\n", "inline")


def test_base_file_missing_a_citation_is_refused(tmp_path: Path) -> None:
    packaged = Path(__file__).parents[3] / "services/eligibility/policy/parameters.yaml"
    text = packaged.read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("  dibao.amount:")]
    base = tmp_path / "base.yaml"
    base.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(PolicyDataError, match=r"no citation for rules: dibao\.amount"):
        load_policy_book(base=base)


def test_version_without_a_value_for_every_parameter_is_refused(tmp_path: Path) -> None:
    text = """
versions:
  - {id: cq-2020-01, effective_from: 2020-01-01, documents: [x]}
"""
    with pytest.raises(PolicyDataError, match="cq-2020-01 has no value"):
        _load_with_extra(tmp_path, text)
