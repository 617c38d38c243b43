"""``PolicyFacts`` from the eligibility service's policy data, so the bot quotes the very
figures the rules apply."""

from __future__ import annotations

from datetime import date

from services.eligibility.domain import PolicyBook

from .model import PolicyFacts


def policy_facts_from(book: PolicyBook, on: date) -> PolicyFacts:
    """The version in force on the local date ``on``; ``NoPolicyError`` before the first."""
    version = book.version_for(on)
    return PolicyFacts(
        version=version.id,
        effective_from=version.effective_from,
        values={name: entry.value for name, entry in version.parameters.items()},
    )
