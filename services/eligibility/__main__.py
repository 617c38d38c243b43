"""``python -m services.eligibility``: run one faust worker until SIGTERM."""

from __future__ import annotations

import faust

from services.common.service import start_logging
from services.eligibility.bootstrap import build_app
from services.eligibility.config import Settings


def main() -> None:
    settings = Settings.from_env()
    start_logging(settings.common)
    app = build_app(settings)
    worker = faust.Worker(
        app, loglevel=settings.common.log_level, override_logging=False, quiet=True
    )
    worker.spinner = None  # a terminal spinner has no place in a container's log
    worker.execute_from_commandline()


if __name__ == "__main__":
    main()
