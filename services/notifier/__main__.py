"""``python -m services.notifier``: run the notifier until SIGTERM."""

from services.common.service import run_service, start_logging
from services.notifier.bootstrap import build_app
from services.notifier.config import Settings


def main() -> None:
    settings = Settings.from_env()
    start_logging(settings.common)
    run_service(build_app(settings), settings.common)


if __name__ == "__main__":
    main()
