"""One ``Understanding`` for all NLU tests: it loads jieba's dictionary (about a second)."""

from __future__ import annotations

import pytest

from services.intake_bot.domain.nlu import Understanding, load_understanding


@pytest.fixture(scope="session")
def nlu() -> Understanding:
    return load_understanding()
