"""Debian's Chromium for the page tests (Playwright drives it; no browser is downloaded)."""

from __future__ import annotations

import os
import shutil
import subprocess

from services.common.errors import DependencyUnavailable

CANDIDATES = ("chromium", "chromium-browser")


def chromium_path() -> str | None:
    override = os.environ.get("YUZHU_CHROMIUM")
    if override:
        return override
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


def ensure_chromium() -> str:
    """Path of Chromium; installs Debian's package when it is missing and we are root."""
    found = chromium_path()
    if found:
        return found
    if os.geteuid() != 0:
        raise DependencyUnavailable(
            "chromium is not installed: run `sudo apt-get install -y chromium` "
            "or set YUZHU_CHROMIUM to a Chromium binary"
        )
    print("devstack: installing chromium with apt-get …", flush=True)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    # A CJK font too, so screenshots of the chat page show words rather than boxes.
    packages = ["chromium", "fonts-wqy-zenhei"]
    for argv in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", *packages]):
        subprocess.run(argv, check=True, env=env, stdout=subprocess.DEVNULL)
    found = chromium_path()
    if not found:
        raise DependencyUnavailable("apt-get installed chromium but it is not on PATH")
    return found
