"""The date-time, date and uuid format checks (implemented here, no extra packages)."""

from __future__ import annotations

import pytest

from schemas._formats import is_date, is_date_time, is_uuid


@pytest.mark.parametrize(
    "value",
    [
        "2024-11-20T09:30:00+08:00",
        "2024-11-20T01:30:00Z",
        "2024-11-20t01:30:00z",
        "2024-11-20T09:30:00.417+08:00",
        "2024-02-29T23:59:59-05:30",
        "2024-11-20T09:30:00+00:00",
    ],
)
def test_rfc3339_timestamps_with_an_offset_are_date_times(value: str) -> None:
    assert is_date_time(value)


@pytest.mark.parametrize(
    "value",
    [
        "2024-11-20T09:30:00",
        "2024-11-20 09:30:00+08:00",
        "2024-11-20T09:30+08:00",
        "2024-11-20T09:30:00+0800",
        "2024-11-20T09:30:00+08",
        "2023-02-29T09:30:00Z",
        "2024-13-01T09:30:00Z",
        "2024-11-20T24:00:00Z",
        "2024-11-20T09:60:00Z",
        "2024-11-20T23:59:60Z",
        "2024-11-20T09:30:00+24:00",
        "2024-11-20T09:30:00Z\n",
        "２０２４-11-20T09:30:00Z",
        "",
    ],
)
def test_timestamps_without_offset_or_out_of_range_are_not_date_times(value: str) -> None:
    assert not is_date_time(value)


@pytest.mark.parametrize("value", ["2024-11-28", "2024-02-29", "2025-12-31", "2025-01-01"])
def test_calendar_days_written_yyyy_mm_dd_are_dates(value: str) -> None:
    assert is_date(value)


@pytest.mark.parametrize(
    "value",
    [
        "2024-11-28T18:00:00+08:00",
        "2024-11-28Z",
        "20241128",
        "2024-W48-4",
        "2024-333",
        "2024-11-8",
        "24-11-28",
        "2023-02-29",
        "2024-11-31",
        "2024-13-01",
        "2024-00-10",
        "2024-11-00",
        "2024-11-28\n",
        " 2024-11-28",
        "２０２４-11-28",
        "2024年11月28日",
        "",
    ],
)
def test_other_date_spellings_and_impossible_days_are_not_dates(value: str) -> None:
    assert not is_date(value)


@pytest.mark.parametrize(
    "value", ["3f6c1d2a-8b4e-4c7a-9e21-5d0b7a6f4c93", "3F6C1D2A-8B4E-4C7A-9E21-5D0B7A6F4C93"]
)
def test_canonical_uuids_are_uuids(value: str) -> None:
    assert is_uuid(value)


@pytest.mark.parametrize(
    "value",
    [
        "3f6c1d2a8b4e4c7a9e215d0b7a6f4c93",
        "{3f6c1d2a-8b4e-4c7a-9e21-5d0b7a6f4c93}",
        "urn:uuid:3f6c1d2a-8b4e-4c7a-9e21-5d0b7a6f4c93",
        "3f6c1d2a-8b4e-4c7a-9e21-5d0b7a6f4c9",
        "3f6c1d2a-8b4e-4c7a-9e21-5d0b7a6f4c93\n",
        "",
    ],
)
def test_other_uuid_spellings_are_not_uuids(value: str) -> None:
    assert not is_uuid(value)


def test_non_strings_are_left_to_the_type_keyword() -> None:
    assert is_date_time(20241120)
    assert is_date(20241128)
    assert is_uuid(None)
