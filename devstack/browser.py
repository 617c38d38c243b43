"""Debian's Chromium for the page tests (Playwright drives it; no browser is downloaded)."""

from __future__ import annotations

import os

from devstack.apt import ensure_command

CANDIDATES = ("chromium", "chromium-browser")


def ensure_chromium() -> str:
    """Path of Chromium; installs Debian's package when it is missing and we are root (with a
    CJK font, so screenshots of the chat page show words rather than boxes)."""
    override = os.environ.get("YUZHU_CHROMIUM")
    if override:
        return override
    return ensure_command(
        CANDIDATES, ["chromium", "fonts-wqy-zenhei"], instead="set YUZHU_CHROMIUM to a binary"
    )
