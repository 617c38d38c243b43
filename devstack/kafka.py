"""A real single-node KRaft broker from Maven Central jars (see docs/sources/KAFKA-LOCAL.md)."""

from __future__ import annotations

import asyncio
import base64
import logging
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from devstack.config import DEPENDENCY_PLUGIN, LOG4J_VERSION, ROOT, StackConfig
from devstack.process import pid_alive, port_open, read_pid, start_detached, stop_pid_file, tail
from services.common.errors import DependencyUnavailable
from services.common.kafka import wait_for_kafka

log = logging.getLogger(__name__)

_POM = """<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>org.yuzhu.devstack</groupId>
  <artifactId>kafka-broker-classpath</artifactId>
  <version>1</version>
  <dependencies>
    <dependency><groupId>org.apache.kafka</groupId><artifactId>kafka_2.13</artifactId>
      <version>{kafka}</version></dependency>
    <dependency><groupId>org.apache.logging.log4j</groupId><artifactId>log4j-core</artifactId>
      <version>{log4j}</version></dependency>
    <dependency><groupId>org.apache.logging.log4j</groupId>
      <artifactId>log4j-slf4j-impl</artifactId><version>{log4j}</version></dependency>
  </dependencies>
</project>
"""


def ensure_jars(cfg: StackConfig) -> Path:
    """Resolve the broker's classpath into the ignored cache once; later runs reuse it."""
    libs = cfg.kafka_libs
    marker = libs / ".complete"
    if marker.exists():
        return libs
    if shutil.which("mvn") is None:
        raise DependencyUnavailable("mvn is not installed: install Maven (apt-get install maven)")
    build = libs.parent / "resolve"
    build.mkdir(parents=True, exist_ok=True)
    (build / "pom.xml").write_text(_POM.format(kafka=cfg.kafka_version, log4j=LOG4J_VERSION))
    print(f"devstack: resolving Apache Kafka {cfg.kafka_version} from Maven Central …", flush=True)
    started = time.monotonic()
    result = subprocess.run(
        [
            "mvn", "-q", "-B", f"{DEPENDENCY_PLUGIN}:copy-dependencies",
            "-DincludeScope=runtime", f"-DoutputDirectory={libs}",
        ],
        cwd=build, capture_output=True, text=True, check=False,
    )  # fmt: skip
    if result.returncode != 0:
        raise DependencyUnavailable(
            f"mvn could not resolve kafka_2.13:{cfg.kafka_version}:\n{result.stdout[-3000:]}"
        )
    marker.write_text(f"{cfg.kafka_version}\n")
    jars = len(list(libs.glob("*.jar")))
    print(f"devstack: {jars} jars in {libs} ({time.monotonic() - started:.0f}s)", flush=True)
    return libs


def _server_properties(cfg: StackConfig) -> str:
    data = cfg.kafka_dir / "data"
    settings = {
        "process.roles": "broker,controller",
        "node.id": "1",
        "controller.quorum.voters": f"1@127.0.0.1:{cfg.controller_port}",
        "listeners": (
            f"PLAINTEXT://127.0.0.1:{cfg.kafka_port},CONTROLLER://127.0.0.1:{cfg.controller_port}"
        ),
        "advertised.listeners": f"PLAINTEXT://127.0.0.1:{cfg.kafka_port}",
        "controller.listener.names": "CONTROLLER",
        "listener.security.protocol.map": "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
        "inter.broker.listener.name": "PLAINTEXT",
        "log.dirs": str(data),
        "num.partitions": "6",
        "auto.create.topics.enable": "false",
        "offsets.topic.replication.factor": "1",
        "offsets.topic.num.partitions": "6",
        "transaction.state.log.replication.factor": "1",
        "transaction.state.log.min.isr": "1",
        "share.coordinator.state.topic.replication.factor": "1",
        "share.coordinator.state.topic.min.isr": "1",
        "group.initial.rebalance.delay.ms": "0",
        "delete.topic.enable": "true",
        # A development broker: small segments and a short retention check keep var/ small.
        "log.segment.bytes": str(64 * 1024 * 1024),
        "log.retention.check.interval.ms": "60000",
    }
    return "".join(f"{k}={v}\n" for k, v in settings.items())


def _java(cfg: StackConfig, *args: str) -> list[str]:
    logs = cfg.kafka_dir / "logs"
    return [
        "java", "-Xms256m", "-Xmx512m", "-XX:+UseG1GC", "-Djava.awt.headless=true",
        f"-Dkafka.logs.dir={logs}",
        f"-Dlog4j2.configurationFile={ROOT / 'devstack' / 'log4j2.properties'}",
        "-cp", f"{cfg.kafka_libs}/*", *args,
    ]  # fmt: skip


def _format_storage(cfg: StackConfig, properties: Path) -> None:
    if (cfg.kafka_dir / "data" / "meta.properties").exists():
        return
    cluster_id = "-"
    while cluster_id.startswith("-"):
        cluster_id = base64.urlsafe_b64encode(os.urandom(16)).decode().rstrip("=")
    result = subprocess.run(
        _java(cfg, "kafka.tools.StorageTool", "format", "-t", cluster_id, "-c", str(properties)),
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    if result.returncode != 0:
        raise DependencyUnavailable(
            f"formatting Kafka storage failed:\n{result.stdout}{result.stderr}"
        )


def pid_file(cfg: StackConfig) -> Path:
    return cfg.kafka_dir / "kafka.pid"


def is_running(cfg: StackConfig) -> bool:
    return port_open(cfg.kafka_port)


def start(cfg: StackConfig, *, timeout: float = 90.0) -> bool:
    """Start the broker unless one already listens on the port. True when this call started it."""
    if is_running(cfg):
        asyncio.run(wait_for_kafka(cfg.kafka_bootstrap, timeout=timeout))
        return False
    ensure_jars(cfg)
    cfg.kafka_dir.mkdir(parents=True, exist_ok=True)
    properties = cfg.kafka_dir / "server.properties"
    properties.write_text(_server_properties(cfg))
    _format_storage(cfg, properties)
    out = cfg.kafka_dir / "logs" / "kafka.out"
    started = time.monotonic()
    pid = start_detached(
        _java(cfg, "kafka.Kafka", str(properties)), log_file=out, pid_file=pid_file(cfg)
    )
    try:
        asyncio.run(_wait_alive(cfg, pid, timeout))
    except DependencyUnavailable:
        stop(cfg)
        print(tail(cfg.kafka_dir / "logs" / "server.log"), file=sys.stderr)
        print(tail(out), file=sys.stderr)
        raise
    print(f"devstack: Kafka {cfg.kafka_version} ready on {cfg.kafka_bootstrap} "
          f"in {time.monotonic() - started:.1f}s", flush=True)  # fmt: skip
    return True


async def _wait_alive(cfg: StackConfig, pid: int, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not pid_alive(pid):
            raise DependencyUnavailable("the Kafka broker exited during start-up; see its log")
        try:
            await wait_for_kafka(cfg.kafka_bootstrap, timeout=2.0)
            return
        except DependencyUnavailable:
            continue
    raise DependencyUnavailable(f"Kafka did not become ready within {timeout:.0f}s")


def stop(cfg: StackConfig) -> bool:
    """Stop the broker this checkout started (a controlled shutdown takes a few seconds)."""
    return stop_pid_file(pid_file(cfg), timeout=60.0)


def running_pid(cfg: StackConfig) -> int | None:
    return read_pid(pid_file(cfg))
