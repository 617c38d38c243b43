"""The handoff.requested.v1 (转人工: a chat handed to a caseworker) data schema."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from schemas import EventType, SchemaViolation, validate_data
from services.common.districts import CANONICAL_NAMES, group_of

EXAMPLES = Path(__file__).resolve().parents[3] / "schemas" / "examples"

HANDOFF_FIELDS = [
    "handoff_id",
    "session_ref",
    "channel",
    "reason",
    "transcript",
    "requested_at",
]
OPTIONAL_FIELDS = ["district", "district_group", "application_id"]
MESSAGE = {"from": "resident", "text": "我想找工作人员问一下", "at": "2024-11-20T09:41:27+08:00"}
PERSONAL_TEXT = "我叫刘晓梅，身份证500238198003150245，电话13896052718"


def load(name: str) -> dict[str, Any]:
    event: dict[str, Any] = json.loads((EXAMPLES / name).read_text(encoding="utf-8"))
    return event


def failing(data: object) -> SchemaViolation:
    with pytest.raises(SchemaViolation) as caught:
        validate_data(EventType.HANDOFF_REQUESTED, data)
    return caught.value


def failing_path(data: object) -> str:
    return failing(data).path


@pytest.fixture
def handoff() -> dict[str, Any]:
    return copy.deepcopy(load("handoff.requested.v1.json")["data"])


# --- fields ---


@pytest.mark.parametrize("field", HANDOFF_FIELDS)
def test_handoff_missing_a_required_field_is_rejected_at_that_field(
    handoff: dict[str, Any], field: str
) -> None:
    del handoff[field]
    assert failing_path(handoff) == f"/{field}"


def test_handoff_without_any_optional_field_is_accepted(handoff: dict[str, Any]) -> None:
    for field in OPTIONAL_FIELDS:
        del handoff[field]
    validate_data(EventType.HANDOFF_REQUESTED, handoff)


def test_handoff_before_an_application_was_submitted_is_accepted(
    handoff: dict[str, Any],
) -> None:
    del handoff["application_id"]
    validate_data(EventType.HANDOFF_REQUESTED, handoff)


@pytest.mark.parametrize(
    ("present", "missing"), [("district", "district_group"), ("district_group", "district")]
)
def test_district_and_district_group_come_together_or_not_at_all(
    handoff: dict[str, Any], present: str, missing: str
) -> None:
    del handoff[missing]
    violation = failing(handoff)
    assert violation.path == f"/{missing}"
    assert "required property is missing" in violation.detail


@pytest.mark.parametrize("name", CANONICAL_NAMES)
def test_handoff_in_every_canonical_district_with_its_group_is_accepted(
    handoff: dict[str, Any], name: str
) -> None:
    handoff["district"] = name
    handoff["district_group"] = str(group_of(name))
    validate_data(EventType.HANDOFF_REQUESTED, handoff)


@pytest.mark.parametrize("reason", ["asked", "repeated_failures", "out_of_scope"])
def test_handoff_accepts_every_reason(handoff: dict[str, Any], reason: str) -> None:
    handoff["reason"] = reason
    validate_data(EventType.HANDOFF_REQUESTED, handoff)


@pytest.mark.parametrize("channel", ["palm", "fingertip"])
def test_handoff_accepts_both_chat_channels(handoff: dict[str, Any], channel: str) -> None:
    handoff["channel"] = channel
    validate_data(EventType.HANDOFF_REQUESTED, handoff)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("handoff_id", "handoff-1"),
        ("channel", "counter"),
        ("channel", "wechat"),
        ("reason", "angry"),
        ("reason", ""),
        ("requested_at", "2024-11-20T09:41:27"),
        ("district", "巫溪"),
        ("district_group", "渝西"),
        ("application_id", "APP-2024-0001"),
        ("application_id", None),
    ],
)
def test_handoff_with_invalid_field_is_rejected_at_it(
    handoff: dict[str, Any], field: str, value: Any
) -> None:
    handoff[field] = value
    assert failing_path(handoff) == f"/{field}"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("session_token", "Zq3vY8mN0pL5xR2tW7kB4hJ9cF1dG6sA"),
        ("phone", "13896052718"),
        ("id_number", "500238198003150245"),
        ("caseworker", "caseworker-7"),
    ],
)
def test_handoff_with_unexpected_top_level_field_is_rejected(
    handoff: dict[str, Any], field: str, value: str
) -> None:
    handoff[field] = value
    assert failing_path(handoff) == f"/{field}"


# --- session_ref ---


@pytest.mark.parametrize(
    "ref", ["a" * 16, "Z" * 64, "0123456789abcdef", "hS3kQ9vX2mLp7RtW4nYb8A", "a-b_c-d_e-f_g-h_"]
)
def test_session_ref_of_16_to_64_url_safe_characters_is_accepted(
    handoff: dict[str, Any], ref: str
) -> None:
    handoff["session_ref"] = ref
    validate_data(EventType.HANDOFF_REQUESTED, handoff)


@pytest.mark.parametrize(
    "ref",
    [
        "",
        "a" * 15,
        "a" * 65,
        "s:5009de8e7f6d04994b0ef92b3a6983cd",
        "5009de8e7f6d0499.4b0ef92b3a6983cd",
        "5009de8e7f6d0499 4b0ef92b3a6983cd",
        "5009de8e7f6d04994b0ef92b3a6983cd\n",
        "5009de8e7f6d04994b0ef92b3a6983c=",
        "会话5009de8e7f6d04994b0ef92b3a69",
        12345678901234567890,
    ],
)
def test_session_ref_that_is_not_16_to_64_url_safe_characters_is_rejected(
    handoff: dict[str, Any], ref: Any
) -> None:
    handoff["session_ref"] = ref
    assert failing_path(handoff) == "/session_ref"


# --- transcript ---


def test_transcript_of_one_message_is_accepted(handoff: dict[str, Any]) -> None:
    handoff["transcript"] = [MESSAGE]
    validate_data(EventType.HANDOFF_REQUESTED, handoff)


def test_transcript_of_200_messages_is_accepted_and_of_201_rejected(
    handoff: dict[str, Any],
) -> None:
    handoff["transcript"] = [MESSAGE] * 200
    validate_data(EventType.HANDOFF_REQUESTED, handoff)
    handoff["transcript"].append(MESSAGE)
    assert failing_path(handoff) == "/transcript"


@pytest.mark.parametrize("transcript", [[], MESSAGE, "我想找人工", None])
def test_transcript_that_is_not_a_non_empty_list_is_rejected(
    handoff: dict[str, Any], transcript: Any
) -> None:
    handoff["transcript"] = transcript
    assert failing_path(handoff) == "/transcript"


@pytest.mark.parametrize("field", ["from", "text", "at"])
def test_transcript_message_missing_a_field_is_rejected_at_it(
    handoff: dict[str, Any], field: str
) -> None:
    del handoff["transcript"][2][field]
    assert failing_path(handoff) == f"/transcript/2/{field}"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("from", "caseworker"),
        ("from", "system"),
        ("from", None),
        ("text", ""),
        ("text", "字" * 2001),
        ("text", 42),
        ("at", "2024-11-20 09:41:27"),
        ("at", "2024-11-20T09:41:27"),
    ],
)
def test_transcript_message_with_invalid_field_is_rejected_at_it(
    handoff: dict[str, Any], field: str, value: Any
) -> None:
    handoff["transcript"][0][field] = value
    assert failing_path(handoff) == f"/transcript/0/{field}"


def test_transcript_text_of_2000_characters_is_accepted(handoff: dict[str, Any]) -> None:
    handoff["transcript"][0]["text"] = "字" * 2000
    validate_data(EventType.HANDOFF_REQUESTED, handoff)


def test_transcript_message_with_unexpected_field_is_rejected(handoff: dict[str, Any]) -> None:
    handoff["transcript"][1]["intent"] = "ask_review"
    assert failing_path(handoff) == "/transcript/1/intent"


def test_transcript_message_that_is_not_an_object_is_rejected(handoff: dict[str, Any]) -> None:
    handoff["transcript"][1] = "我想找人工"
    assert failing_path(handoff) == "/transcript/1"


# --- the transcript is personal data: violations never quote it ---


@pytest.mark.parametrize(
    "mutate",
    [
        lambda d: d["transcript"][0].update(text=PERSONAL_TEXT + "字" * 2000),
        lambda d: d["transcript"][0].update({"from": PERSONAL_TEXT}),
        lambda d: d["transcript"][0].update(note=PERSONAL_TEXT),
        lambda d: d["transcript"].__setitem__(0, PERSONAL_TEXT),
        lambda d: d.update(transcript=PERSONAL_TEXT),
        lambda d: d.update(session_ref=PERSONAL_TEXT),
    ],
    ids=["too-long", "bad-speaker", "extra-field", "not-an-object", "not-a-list", "session-ref"],
)
def test_violation_detail_does_not_echo_the_transcript(
    handoff: dict[str, Any], mutate: Any
) -> None:
    mutate(handoff)
    detail = failing(handoff).detail
    for secret in ("刘晓梅", "500238198003150245", "13896052718"):
        assert secret not in detail


def test_violation_detail_does_not_echo_a_session_ref(handoff: dict[str, Any]) -> None:
    handoff["session_ref"] = "Zq3vY8mN0pL5xR2tW7kB4hJ9cF1dG6sA.token"
    assert "Zq3vY8mN0pL5xR2tW7kB4hJ9cF1dG6sA" not in failing(handoff).detail


# --- the example tells one consistent story ---


def test_handoff_example_id_is_its_event_id_and_its_subject_the_session_ref() -> None:
    event = load("handoff.requested.v1.json")
    assert event["data"]["handoff_id"] == event["id"]
    assert event["subject"] == event["data"]["session_ref"]


def test_handoff_example_is_about_the_example_application(handoff: dict[str, Any]) -> None:
    application = load("application.submitted.v1.json")["data"]
    assert handoff["application_id"] == application["application_id"]
    assert handoff["district"] == application["household"]["district"]
    assert handoff["district_group"] == group_of(handoff["district"])
    assert handoff["channel"] == application["channel"]
    assert handoff["requested_at"] > application["submitted_at"]


def test_handoff_example_transcript_is_in_order_and_ends_with_the_request(
    handoff: dict[str, Any],
) -> None:
    times = [message["at"] for message in handoff["transcript"]]
    assert times == sorted(times)
    assert times[-1] <= handoff["requested_at"]
    assert handoff["transcript"][-1]["from"] == "resident"
