"""``python -m devstack {ensure,infra,up,down,status,env}`` — see ``make help``."""

from __future__ import annotations

import argparse
import sys

from devstack import kafka, redis
from devstack.browser import ensure_chromium
from devstack.stack import SERVICES, Stack
from services.common.errors import DependencyUnavailable


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m devstack", description=__doc__)
    parser.add_argument(
        "command",
        choices=["ensure", "infra", "up", "down", "status", "env"],
        help="ensure: install redis-server and Chromium (apt), resolve the Kafka jars; "
        "infra: start Kafka and "
        "Redis and create the topics; up: infra plus the four services; down: stop all of "
        "ours; status: what runs; env: the variables that point at this stack",
    )
    args = parser.parse_args(argv)
    stack = Stack()
    cfg = stack.cfg
    try:
        if args.command == "ensure":
            redis.ensure_installed()
            kafka.ensure_jars(cfg)
            ensure_chromium()
        elif args.command == "infra":
            stack.up_infra()
        elif args.command == "up":
            stack.up_infra()
            stack.start_services()
            _print_up(stack)
        elif args.command == "down":
            stopped = stack.stop_services()
            stack.down_infra()
            print(f"devstack: stopped {', '.join(stopped) or 'no services'}, Kafka and Redis")
        elif args.command == "status":
            for name, state in stack.status().items():
                print(f"{name:<12} {state}")
        elif args.command == "env":
            for key, value in cfg.env().items():
                print(f"export {key}={value}")
    except DependencyUnavailable as exc:
        print(f"devstack: {exc}", file=sys.stderr)
        return 1
    return 0


def _print_up(stack: Stack) -> None:
    cfg = stack.cfg
    print("\n渝助 is running:")
    print(f"  chat page    http://127.0.0.1:{SERVICES[0].port}/   (掌上办, phone-sized window)")
    for svc in SERVICES:
        print(f"  {svc.name:<12} http://127.0.0.1:{svc.port}   (/healthz /readyz /metrics)")
    print(f"  intake API   http://127.0.0.1:{SERVICES[0].port}/api/v1/applications")
    print(f"  sign-in      http://127.0.0.1:{SERVICES[3].port}/login   (dev-users.yaml)")
    print(f"  Kafka        {cfg.kafka_bootstrap}   Redis {cfg.redis_url}")
    print(f"  logs         {cfg.log_dir}/<service>.log, {cfg.kafka_dir}/logs/server.log")
    print("Stop everything with `make down`.")


if __name__ == "__main__":
    sys.exit(main())
