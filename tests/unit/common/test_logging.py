from __future__ import annotations

import json
import logging
from datetime import date

import pytest

from services.common.logs import JsonFormatter, MaskingFilter
from tests.support.applications import id_number


def render(record: logging.LogRecord) -> dict[str, object]:
    MaskingFilter().filter(record)
    return dict(json.loads(JsonFormatter("intake_bot").format(record)))


def make_record(msg: str, *args: object, **extra: object) -> logging.LogRecord:
    record = logging.LogRecord("t", logging.INFO, __file__, 1, msg, args, None)
    for key, value in extra.items():
        setattr(record, key, value)
    return record


def test_json_log_lines_mask_ids_and_phones_passed_as_arguments() -> None:
    number = id_number(date(1960, 5, 5))
    line = render(make_record("applicant %s phone %s", number, "13908381234"))
    assert number not in str(line["msg"])
    assert "139****1234" in str(line["msg"])
    assert line["service"] == "intake_bot"
    assert line["level"] == "INFO"


def test_structured_fields_are_masked_before_they_are_written() -> None:
    line = render(make_record("received", fields={"phone": "13908381234", "monthly_income": 900}))
    assert line["phone"] == "139****1234"
    assert line["monthly_income"] == "***"


def test_tracebacks_are_masked_too() -> None:
    number = id_number(date(1960, 5, 5))
    try:
        raise ValueError(f"bad {number}")
    except ValueError:
        import sys

        record = logging.LogRecord("t", logging.ERROR, __file__, 1, "failed", None, sys.exc_info())
    line = render(record)
    assert number not in str(line["exc"])
    assert "ValueError" in str(line["exc"])


@pytest.mark.parametrize("level", ["INFO", "WARNING"])
def test_configure_logging_installs_one_masking_handler(level: str) -> None:
    from services.common.logs import configure_logging
    from services.common.settings import LogFormat

    root = logging.getLogger()
    saved_handlers, saved_level = list(root.handlers), root.level
    try:
        configure_logging("notifier", level, LogFormat.JSON)
        configure_logging("notifier", level, LogFormat.JSON)
        handlers = root.handlers
        assert len(handlers) == 1
        assert any(isinstance(f, MaskingFilter) for f in handlers[0].filters)
        assert root.level == logging.getLevelName(level)
    finally:
        root.handlers[:] = saved_handlers
        root.setLevel(saved_level)
