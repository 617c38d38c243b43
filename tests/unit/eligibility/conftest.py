from __future__ import annotations

import pytest

from services.eligibility.adapters.policy_files import load_policy_book
from services.eligibility.domain import PolicyBook


@pytest.fixture(scope="session")
def book() -> PolicyBook:
    """The policy book shipped with the service."""
    return load_policy_book()
