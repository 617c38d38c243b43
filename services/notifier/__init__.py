"""Notifier: delivers every decision to the resident exactly once."""
