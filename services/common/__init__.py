"""Code every Yuzhu service shares, kept in one place: settings, logging with personal data
masked, probes and metrics, Kafka and Redis client factories, topics, the event codec and the
consumer loop. Import from the submodules (``services.common.events`` …)."""
