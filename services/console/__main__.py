"""``python -m services.console``: run the caseworker console until SIGTERM."""

from services.common.service import run_service, start_logging
from services.console.bootstrap import build_app
from services.console.config import Settings


def main() -> None:
    settings = Settings.from_env()
    start_logging(settings.common)
    run_service(build_app(settings), settings.common)


if __name__ == "__main__":
    main()
