"""``make demo``: scripted residents apply through the running stack; prints what each would see.

Until the chat channels land (issue 4) the residents' applications go through the intake bot's
HTTP API, and their notices are read from the inbox the notifier keeps in Redis.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

import aiohttp

from devstack.config import StackConfig
from devstack.generate import id_number
from devstack.stack import SERVICES
from services.common.redis import make_redis
from services.notifier.adapters.inbox import inbox_key


@dataclass(frozen=True)
class Resident:
    says: str
    district: str
    residence: str
    members: int
    monthly_income: float
    financial_assets: float
    birth: date
    name: str


RESIDENTS = (
    Resident("我今年72了，和老伴两个人住巫溪农村，每个月就六百块钱收入。", "巫溪县", "rural", 2,
             600.0, 3000.0, date(1954, 3, 2), "刘德贵"),
    Resident("我们家三口人住渝中区，每个月收入两千五，存款一万。", "渝中区", "urban", 3,
             2500.0, 10000.0, date(1980, 6, 18), "王秀英"),
    Resident("一家四口住开县城里，每个月收入三千五。", "开州区", "urban", 4, 3500.0, 0.0,
             date(1975, 11, 9), "陈国平"),
)  # fmt: skip


def _payload(resident: Resident) -> dict[str, Any]:
    return {
        "application_id": str(uuid.uuid4()),
        "submitted_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "channel": "palm",
        "applicant": {"name": resident.name, "id_number": id_number(resident.birth),
                      "phone": "13908381234"},
        "household": {"district": resident.district, "residence": resident.residence,
                      "members": resident.members, "monthly_income": resident.monthly_income,
                      "financial_assets": resident.financial_assets},
        "emergency": None,
        "programs_requested": ["dibao"],
    }  # fmt: skip


async def main() -> int:
    cfg = StackConfig.from_env()
    intake = f"http://127.0.0.1:{SERVICES[0].port}"
    redis = make_redis(cfg.redis_url)
    try:
        async with aiohttp.ClientSession() as http:
            for resident in RESIDENTS:
                print(f"\n居民：{resident.says}")
                payload = _payload(resident)
                try:
                    resp = await http.post(f"{intake}/api/v1/applications", json=payload)
                except aiohttp.ClientConnectionError:
                    print("The stack is not running: start it with `make up`.", file=sys.stderr)
                    return 1
                body = await resp.json()
                if resp.status != 202:
                    print(f"  intake refused it: {resp.status} {body}")
                    continue
                print(f"渝助：收到了，您的受理编号是 {body['reference']}。")
                notice = await _wait_for_notice(redis, payload["application_id"])
                if notice is None:
                    print("  (no notice within 30 s: see `make status` and var/log/)")
                    continue
                print(f"渝助：{notice['title']}")
                for line in notice["lines"]:
                    print(f"      {line}")
    finally:
        await redis.aclose()
    return 0


async def _wait_for_notice(redis: Any, application_id: str) -> dict[str, Any] | None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        stored = await redis.hgetall(inbox_key("yuzhu", application_id))
        if stored:
            return dict(json.loads(next(iter(stored.values()))))
        await asyncio.sleep(0.1)
    return None


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
