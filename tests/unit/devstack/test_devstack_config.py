"""The local broker's configuration says what the brief requires, without starting anything."""

from __future__ import annotations

from devstack.config import StackConfig
from devstack.kafka import _server_properties


def properties(cfg: StackConfig) -> dict[str, str]:
    lines = _server_properties(cfg).splitlines()
    return dict(line.split("=", 1) for line in lines if line and not line.startswith("#"))


def test_the_local_broker_is_a_single_kraft_node_on_project_ports() -> None:
    props = properties(StackConfig(kafka_port=40001, controller_port=40002))
    assert props["process.roles"] == "broker,controller"
    assert props["controller.quorum.voters"] == "1@127.0.0.1:40002"
    assert props["advertised.listeners"] == "PLAINTEXT://127.0.0.1:40001"


def test_topics_exist_only_because_someone_created_them() -> None:
    assert properties(StackConfig())["auto.create.topics.enable"] == "false"


def test_internal_topics_fit_a_single_broker() -> None:
    props = properties(StackConfig())
    single_node = (
        "offsets.topic.replication.factor",
        "transaction.state.log.replication.factor",
        "transaction.state.log.min.isr",
        "share.coordinator.state.topic.replication.factor",
    )
    assert {key: props[key] for key in single_node} == dict.fromkeys(single_node, "1")


def test_existing_servers_named_in_the_environment_are_used_instead_of_starting_ours() -> None:
    cfg = StackConfig.from_env(
        {"YUZHU_KAFKA_BOOTSTRAP_SERVERS": "kafka:9092", "YUZHU_REDIS_URL": "redis://r:6379/2"}
    )
    assert cfg.env() == {
        "YUZHU_KAFKA_BOOTSTRAP_SERVERS": "kafka:9092",
        "YUZHU_REDIS_URL": "redis://r:6379/2",
    }
    assert cfg.external_kafka == "kafka:9092"
