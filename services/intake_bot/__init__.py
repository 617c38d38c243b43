"""Intake bot: residents apply by chatting; applications go to Kafka."""
