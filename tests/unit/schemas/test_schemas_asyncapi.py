"""The AsyncAPI document: parses, is 3.x, and every reference in it resolves."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from schemas import EVENT_TYPES

SCHEMAS = Path(__file__).resolve().parents[3] / "schemas"


@pytest.fixture(scope="module")
def doc() -> Any:
    return yaml.safe_load((SCHEMAS / "asyncapi.yaml").read_text(encoding="utf-8"))


def refs(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref":
                yield value
            else:
                yield from refs(value)
    elif isinstance(node, list):
        for item in node:
            yield from refs(item)


def resolve_local(doc: Any, ref: str) -> Any:
    node = doc
    for part in ref.removeprefix("#/").split("/"):
        node = node[part.replace("~1", "/").replace("~0", "~")]
    return node


def test_asyncapi_document_parses_as_yaml_and_declares_version_3(doc: Any) -> None:
    assert str(doc["asyncapi"]).startswith("3.")


def test_every_message_payload_ref_resolves_to_an_existing_schema_file(doc: Any) -> None:
    payload_refs = [
        m["payload"]["$ref"] for m in doc["components"]["messages"].values() if "payload" in m
    ]
    assert len(payload_refs) == len(EVENT_TYPES)
    for ref in payload_refs:
        assert (SCHEMAS / ref).is_file(), ref


def test_every_file_ref_in_the_document_points_to_an_existing_file(doc: Any) -> None:
    file_refs = [r for r in refs(doc) if not r.startswith("#")]
    assert file_refs
    for ref in file_refs:
        assert (SCHEMAS / ref.split("#")[0]).is_file(), ref


def test_every_local_ref_in_the_document_resolves(doc: Any) -> None:
    for ref in (r for r in refs(doc) if r.startswith("#")):
        assert resolve_local(doc, ref) is not None, ref


def test_every_event_type_has_a_message_named_after_it_with_its_ce_type_header(doc: Any) -> None:
    messages = {m["name"]: m for m in doc["components"]["messages"].values()}
    for event_type in EVENT_TYPES:
        headers = messages[event_type.value]["headers"]["properties"]
        assert headers["ce_type"] == {"const": event_type.value}
        assert headers["content-type"] == {"const": "application/cloudevents+json"}


def test_topics_are_namespaced_with_yuzhu_by_default_and_have_six_partitions(doc: Any) -> None:
    channels = doc["channels"].values()
    assert sorted(c["address"] for c in channels) == [
        "{namespace}.applications",
        "{namespace}.decisions",
        "{namespace}.eligibility.dlq",
        "{namespace}.handoffs",
        "{namespace}.information-requests",
        "{namespace}.notification-receipts",
        "{namespace}.notifier.dlq",
        "{namespace}.outreach",
        "{namespace}.review-tasks",
    ]
    assert doc["components"]["parameters"]["namespace"]["default"] == "yuzhu"
    assert all(c["bindings"]["kafka"]["partitions"] == 6 for c in channels)


def test_consumers_use_the_documented_consumer_groups(doc: Any) -> None:
    groups: dict[str, list[str]] = {}
    for op in doc["operations"].values():
        if op["action"] == "receive" and "bindings" in op:
            groups.setdefault(op["channel"]["$ref"], []).extend(
                op["bindings"]["kafka"]["groupId"]["enum"]
            )
    assert groups == {
        "#/channels/applications": ["yuzhu-eligibility", "yuzhu-notifier"],
        "#/channels/decisions": ["yuzhu-notifier"],
        "#/channels/reviewTasks": ["yuzhu-console"],
        "#/channels/outreach": ["yuzhu-notifier"],
        "#/channels/handoffs": ["yuzhu-console"],
        "#/channels/informationRequests": ["yuzhu-notifier"],
    }


def test_applications_topic_is_compacted_with_unlimited_retention(doc: Any) -> None:
    config = doc["channels"]["applications"]["bindings"]["kafka"]["topicConfiguration"]
    assert config == {"cleanup.policy": ["compact"], "retention.ms": -1}


@pytest.mark.parametrize(
    ("channel", "message", "sender", "receiver"),
    [
        (
            "reviewTasks",
            "reviewRequested",
            "eligibilityRequestsReview",
            "caseworkerConsoleConsumesReviewTasks",
        ),
        (
            "outreach",
            "outreachSuggested",
            "eligibilityDiscoverySuggestsOutreach",
            "notifierConsumesOutreach",
        ),
        (
            "handoffs",
            "handoffRequested",
            "intakeBotRequestsHandoff",
            "caseworkerConsoleConsumesHandoffs",
        ),
        (
            "informationRequests",
            "informationRequested",
            "caseworkerConsoleRequestsInformation",
            "notifierConsumesInformationRequests",
        ),
    ],
)
def test_review_tasks_outreach_handoffs_and_information_requests_have_one_sender_and_receiver(
    doc: Any, channel: str, message: str, sender: str, receiver: str
) -> None:
    ref = {"$ref": f"#/channels/{channel}/messages/{message}"}
    ops = {
        name: op
        for name, op in doc["operations"].items()
        if op["channel"]["$ref"] == f"#/channels/{channel}"
    }
    assert {name: op["action"] for name, op in ops.items()} == {
        sender: "send",
        receiver: "receive",
    }
    assert all(op["messages"] == [ref] for op in ops.values())


@pytest.mark.parametrize(
    "message", ["reviewRequested", "outreachSuggested", "informationRequested"]
)
def test_new_messages_are_keyed_by_application_id(doc: Any, message: str) -> None:
    key = doc["components"]["messages"][message]["bindings"]["kafka"]["key"]
    assert key["type"] == "string"
    assert key["format"] == "uuid"


def test_handoffs_are_keyed_by_the_session_ref_not_an_application_id(doc: Any) -> None:
    key = doc["components"]["messages"]["handoffRequested"]["bindings"]["kafka"]["key"]
    session_ref = json.loads(
        (SCHEMAS / "json" / "handoff.requested.v1.json").read_text(encoding="utf-8")
    )["properties"]["session_ref"]
    assert key["type"] == session_ref["type"] == "string"
    assert "format" not in key
    assert (key["minLength"], key["maxLength"]) == (
        session_ref["minLength"],
        session_ref["maxLength"],
    )
    assert session_ref["pattern"].startswith(key["pattern"])


def test_every_operation_message_belongs_to_its_channel(doc: Any) -> None:
    for name, op in doc["operations"].items():
        channel_ref = op["channel"]["$ref"]
        for message in op["messages"]:
            assert message["$ref"].startswith(channel_ref + "/messages/"), name
