"""Caseworker console: district queues with legal deadlines, decisions that flow back."""
