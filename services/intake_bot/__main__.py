"""``python -m services.intake_bot``: run the intake bot until SIGTERM."""

from services.common.service import run_service, start_logging
from services.intake_bot.bootstrap import build_app
from services.intake_bot.config import Settings


def main() -> None:
    settings = Settings.from_env()
    start_logging(settings.common)
    run_service(build_app(settings), settings.common)


if __name__ == "__main__":
    main()
