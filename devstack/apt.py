"""Installing a Debian package the stack needs, when it is missing and we may."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Sequence

from services.common.errors import DependencyUnavailable


def ensure_command(commands: Sequence[str], packages: Sequence[str], *, instead: str) -> str:
    """Path of the first of ``commands`` on PATH; installs ``packages`` with apt-get when none
    is and we are root. ``instead`` says what the user can do otherwise."""
    found = _which(commands)
    if found:
        return found
    listed = " ".join(packages)
    if os.geteuid() != 0:
        raise DependencyUnavailable(
            f"{commands[0]} is not installed: run `sudo apt-get update && sudo apt-get install "
            f"-y {listed}` or {instead}"
        )
    print(f"devstack: installing {listed} with apt-get …", flush=True)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for argv in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", *packages]):
        subprocess.run(argv, check=True, env=env, stdout=subprocess.DEVNULL)
    found = _which(commands)
    if not found:
        raise DependencyUnavailable(f"apt-get installed {listed} but {commands[0]} is not on PATH")
    return found


def _which(commands: Sequence[str]) -> str | None:
    return next((path for c in commands if (path := shutil.which(c))), None)
