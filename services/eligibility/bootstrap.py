"""Wires the eligibility service: policy parameters, the faust app, Redis."""

from __future__ import annotations

from pathlib import Path

import faust

from services.eligibility.adapters.policy_files import load_policy_book
from services.eligibility.config import Settings
from services.eligibility.entrypoints.stream import create_app


def build_app(settings: Settings) -> faust.App:
    book = load_policy_book(*(Path(p) for p in settings.extra_policy_files))
    return create_app(settings, book)
