"""Fixtures of the console domain tests: the shipped calendar, the committed event examples
(a 巫溪县 household applying for 特困 for a 72-year-old father) and a few users."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from services.console.domain import User, WorkCalendar, load_shipped_calendar

EXAMPLES = Path(__file__).resolve().parents[3] / "schemas" / "examples"


def example_data(name: str) -> dict[str, Any]:
    """The ``data`` of ``schemas/examples/<name>.json``."""
    event = json.loads((EXAMPLES / f"{name}.json").read_text(encoding="utf-8"))
    data: dict[str, Any] = event["data"]
    return data


@pytest.fixture(scope="session")
def calendar() -> WorkCalendar:
    return load_shipped_calendar()


@pytest.fixture
def review_data() -> dict[str, Any]:
    return example_data("review.requested.v1")


@pytest.fixture
def handoff_data() -> dict[str, Any]:
    return example_data("handoff.requested.v1")


@pytest.fixture
def determination_data() -> dict[str, Any]:
    return example_data("determination.issued.v1")


@pytest.fixture
def application_data() -> dict[str, Any]:
    return example_data("application.submitted.v1")


@pytest.fixture
def wuxi_worker() -> User:
    return User("cw-wuxi-1", "王芳", "caseworker", "巫溪县")


@pytest.fixture
def wuxi_colleague() -> User:
    return User("cw-wuxi-2", "陈刚", "caseworker", "巫溪县")


@pytest.fixture
def yuzhong_worker() -> User:
    return User("cw-yuzhong-1", "李娜", "caseworker", "渝中区")


@pytest.fixture
def supervisor() -> User:
    return User("sv-1", "赵敏", "supervisor")
