"""Local development stack: a real single-node Apache Kafka broker (KRaft) resolved from Maven
Central with ``mvn``, and Debian's ``redis-server``, both on project ports, state under ``var/``.

Used by ``make up`` / ``make down`` and by the test fixtures. When ``YUZHU_KAFKA_BOOTSTRAP_SERVERS``
or ``YUZHU_REDIS_URL`` is set, the server it names is used and nothing is started for it.
"""

from devstack.config import StackConfig
from devstack.stack import Stack, StartedServers

__all__ = ["Stack", "StackConfig", "StartedServers"]
