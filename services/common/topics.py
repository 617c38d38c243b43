"""The Kafka topics of the suite: one place for their names, partition counts and settings.

Names are ``<namespace>.<name>``; the default namespace is ``yuzhu``. Tests run in their own
namespace so they never see the events of a running ``make up`` stack. The local broker runs with
``auto.create.topics.enable=false``: topics exist because something created them from this list
(``devstack``, the test fixtures, or Strimzi ``KafkaTopic`` objects in production).
"""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_NAMESPACE = "yuzhu"
DEFAULT_PARTITIONS = 6

# Consumer group ids. A faust app's group id is its app id (KEDA scales on these names).
ELIGIBILITY_GROUP = "yuzhu-eligibility"
NOTIFIER_GROUP = "yuzhu-notifier"
CONSOLE_GROUP = "yuzhu-console"


@dataclass(frozen=True, slots=True)
class TopicSpec:
    name: str
    partitions: int = DEFAULT_PARTITIONS
    config: tuple[tuple[str, str], ...] = ()

    def config_dict(self) -> dict[str, str]:
        return dict(self.config)


_WEEK_MS = str(7 * 24 * 3600 * 1000)
_MONTH_MS = str(30 * 24 * 3600 * 1000)


@dataclass(frozen=True, slots=True)
class Topics:
    """Topic names in one namespace."""

    namespace: str = DEFAULT_NAMESPACE

    def _name(self, suffix: str) -> str:
        return f"{self.namespace}.{suffix}"

    @property
    def applications(self) -> str:
        return self._name("applications")

    @property
    def decisions(self) -> str:
        return self._name("decisions")

    @property
    def review_tasks(self) -> str:
        return self._name("review-tasks")

    @property
    def outreach(self) -> str:
        return self._name("outreach")

    @property
    def information_requests(self) -> str:
        return self._name("information-requests")

    @property
    def handoffs(self) -> str:
        return self._name("handoffs")

    @property
    def receipts(self) -> str:
        return self._name("notification-receipts")

    @property
    def eligibility_dlq(self) -> str:
        return self._name("eligibility.dlq")

    @property
    def notifier_dlq(self) -> str:
        return self._name("notifier.dlq")

    @property
    def console_dlq(self) -> str:
        return self._name("console.dlq")

    def specs(self, partitions: int = DEFAULT_PARTITIONS) -> tuple[TopicSpec, ...]:
        """Every topic the suite needs, with its partition count and retention."""
        # The applications topic is the application store: compacted, never expired, one record
        # per application id (the latest), so 主动发现 can replay every application ever made
        # (docs/decisions/0007). Producers must key every record (compaction requires a key).
        store = (("cleanup.policy", "compact"), ("retention.ms", "-1"))
        # Decisions, review tasks and outreach are the record of what residents were told and
        # what caseworkers must do: a month on the broker (the console keeps its own copy).
        # Dead letters are kept a month too, so an operator has time to inspect and replay.
        keep_month = (("retention.ms", _MONTH_MS),)
        return (
            TopicSpec(self.applications, partitions, store),
            TopicSpec(self.decisions, partitions, keep_month),
            TopicSpec(self.review_tasks, partitions, keep_month),
            TopicSpec(self.outreach, partitions, keep_month),
            TopicSpec(self.handoffs, partitions, keep_month),
            TopicSpec(self.information_requests, partitions, keep_month),
            TopicSpec(self.receipts, partitions, (("retention.ms", _WEEK_MS),)),
            TopicSpec(self.eligibility_dlq, partitions, keep_month),
            TopicSpec(self.notifier_dlq, partitions, keep_month),
            TopicSpec(self.console_dlq, partitions, keep_month),
        )
