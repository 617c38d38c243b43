"""Schemathesis fuzzes the intake bot's HTTP API from its published OpenAPI document.

Every documented operation gets valid and invalid input (schemathesis's examples, coverage and
fuzzing phases, a fixed seed, derandomized), and every response is checked against the
document with all of schemathesis's checks: no 5xx, documented status codes, content types,
headers and bodies, invalid input refused with a documented 4xx, missing required headers
refused, undocumented methods answered 405, token-protected operations refusing requests
without a valid token. On top of those, each case here asserts that a 4xx carries a machine
code, that valid input reaches the handler (the documented success status), and that the same
valid request without valid credentials is refused with 401 and its documented code.

aiohttp is not ASGI, so the app (with in-memory fakes, no servers) listens on a free loopback
port, with its event loop in a thread of its own, and schemathesis reads the document from
``http://127.0.0.1:<port>/openapi.yaml`` and the JSON Schemas it refers to from ``/schemas/``.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
import requests
import schemathesis
import yaml
from aiohttp import web
from schemathesis import Case
from schemathesis.config import SchemathesisConfig
from schemathesis.core.parameters import ParameterLocation
from schemathesis.generation.meta import TestPhase
from schemathesis.specs.openapi.schemas import OpenApiSchema

from services.common.publisher import MemoryPublisher
from services.common.settings import CommonSettings
from services.intake_bot.adapters.notices import MemoryNoticeReader
from services.intake_bot.adapters.outbox import MemoryOutbox
from services.intake_bot.adapters.ratelimit import MemoryRateLimiter
from services.intake_bot.adapters.replies import MemoryReplyCache
from services.intake_bot.adapters.sessions import MemorySessionStore, SessionRecord
from services.intake_bot.bootstrap import Adapters, build_app
from services.intake_bot.chat import new_session_id
from services.intake_bot.config import Settings
from services.intake_bot.entrypoints.pages import OPENAPI
from services.intake_bot.entrypoints.webhook import MAX_SKEW_SECONDS, sign
from tests.support.applications import application
from tests.unit.fuzz.strategies import SNAKE_CASE

SECRET = b"openapi-fuzz-secret"
SETTINGS = Settings(common=CommonSettings(service="intake_bot", topic_namespace="ns"),
                    webhook_secret=SECRET.decode(), max_body_bytes=4096)  # fmt: skip
# The resident whose inbox the token-protected operations open: one application, two notices.
TOKEN = new_session_id()
APPLICATION_ID = "0b9d4a8e-2f0c-4e55-9a43-5d4f0c1f7a10"
NOTICE_IDS = ("n-preliminary", "n-final")
MAX_EXAMPLES = 40  # per operation, in the fuzzing phase; the coverage phase adds its own cases
CONFIG = {
    "seed": 20261128,
    "generation": {"mode": "all", "max-examples": MAX_EXAMPLES, "deterministic": True,
                   "database": "none"},
    # One operation at a time: the stateful phase (links between operations) is not run.
    "phases": {"stateful": {"enabled": False}},
}  # fmt: skip
WEBHOOK = "POST /api/v1/webhook"
INBOX = "GET /api/v1/inbox"
ACK = "POST /api/v1/inbox/{notice_id}/ack"
# What valid input gets. A generated notice id is almost never one of the resident's: 404.
SUCCESS = {
    "POST /api/v1/applications": {202},
    WEBHOOK: {200},
    INBOX: {200},
    ACK: {204, 404},
    "GET /healthz": {200},
    "GET /readyz": {200},
    "GET /metrics": {200},
}
SIGNATURE_HEADERS = {"X-Yuzhu-Timestamp", "X-Yuzhu-Signature"}
# Routes the document leaves out on purpose: the chat page, its socket and static files.
UNDOCUMENTED = {"GET /", "GET /ws", "GET /openapi.yaml", "GET /static", "GET /schemas"}


@dataclass
class LoopbackServer:
    """The intake app on a free 127.0.0.1 port, its event loop in a thread of its own."""

    port: int = 0
    routes: set[str] = field(default_factory=set)
    sessions: MemorySessionStore = field(default_factory=MemorySessionStore)
    notices: MemoryNoticeReader = field(default_factory=MemoryNoticeReader)
    _loop: asyncio.AbstractEventLoop | None = None
    _stop: asyncio.Event | None = None
    _thread: threading.Thread | None = None
    _error: BaseException | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        ready = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(ready,), name="openapi-fuzz",
                                        daemon=True)  # fmt: skip
        self._thread.start()
        if not ready.wait(60):
            raise RuntimeError("the intake app did not start within 60 s")
        if self._error is not None:
            raise RuntimeError("the intake app did not start") from self._error

    def stop(self) -> None:
        assert self._loop is not None
        assert self._stop is not None
        assert self._thread is not None
        self._loop.call_soon_threadsafe(self._stop.set)
        self._thread.join(30)
        assert not self._thread.is_alive(), "the intake app did not stop within 30 s"
        if self._error is not None:
            raise RuntimeError("the intake app failed") from self._error

    def _run(self, ready: threading.Event) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        try:
            loop.run_until_complete(self._serve(ready))
        except BaseException as exc:  # handed to the test thread by start() and stop()
            self._error = exc
        finally:
            ready.set()
            loop.close()

    async def _serve(self, ready: threading.Event) -> None:
        self._stop = asyncio.Event()
        record = SessionRecord(dialog={"v": 1})
        record.applications.append({"application_id": APPLICATION_ID, "reference": "YZ"})
        await self.sessions.save(TOKEN, record)
        self.notices.stored[APPLICATION_ID] = [notice(i, n) for i, n in enumerate(NOTICE_IDS)]
        adapters = Adapters(
            sessions=self.sessions, outbox=MemoryOutbox(), publisher=MemoryPublisher(),
            notices=self.notices, limiter=MemoryRateLimiter(), replies=MemoryReplyCache(),
        )  # fmt: skip
        app = build_app(SETTINGS, adapters=adapters)
        self.routes = {f"{r.method} {r.resource.canonical}" for r in app.router.routes()
                       if r.resource is not None and r.method != "HEAD"}  # fmt: skip
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        try:
            site = web.TCPSite(runner, "127.0.0.1", 0)
            await site.start()
            self.port = runner.addresses[0][1]
            ready.set()
            await self._stop.wait()
        finally:
            await runner.cleanup()


def notice(minute: int, notice_id: str) -> dict[str, Any]:
    return {"notice_id": notice_id, "issued_at": f"2026-11-28T10:0{minute}:00Z",
            "application_id": APPLICATION_ID, "stage": "preliminary", "status": "eligible",
            "title": "您的申请有初步结果了", "lines": ["低保，每月562元。"]}  # fmt: skip


@pytest.fixture(scope="module")
def intake_server() -> Iterator[LoopbackServer]:
    server = LoopbackServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def intake_openapi(intake_server: LoopbackServer) -> OpenApiSchema:
    return schemathesis.openapi.from_url(
        f"{intake_server.url}/openapi.yaml",
        config=SchemathesisConfig.from_dict(CONFIG),
        timeout=10,
    )


schema = schemathesis.pytest.from_fixture("intake_openapi")


@schema.auth(refresh_interval=None).apply_to(path_regex="^/api/v1/inbox")
class SessionToken:
    """The inbox's bearer token: the resident's chat session token. Schemathesis leaves it out
    of the cases where it generates a missing or malformed Authorization header."""

    def get(self, case: Case, context: schemathesis.AuthContext) -> str:
        return TOKEN

    def set(self, case: Case, data: str, context: schemathesis.AuthContext) -> None:
        case.headers = {**(case.headers or {}), "Authorization": f"Bearer {data}"}


class WebhookSignature(requests.auth.AuthBase):
    """Signs the request as the messaging platform does, over the body exactly as sent;
    ``secret`` and ``age`` make forged and replayed signatures."""

    def __init__(self, secret: bytes = SECRET, age: int = 0) -> None:
        self.secret = secret
        self.age = age

    def __call__(self, request: requests.PreparedRequest) -> requests.PreparedRequest:
        body = request.body or b""
        raw = body.encode() if isinstance(body, str) else body
        assert isinstance(raw, bytes)
        timestamp = str(int(time.time()) - self.age)
        request.headers["X-Yuzhu-Timestamp"] = timestamp
        request.headers["X-Yuzhu-Signature"] = sign(self.secret, timestamp, raw)
        return request


def signs(case: Case) -> bool:
    """The webhook's cases are signed, except those where schemathesis made a signature header
    invalid or left it out on purpose: those must be refused with 401."""
    if case.operation.label != WEBHOOK:
        return False
    meta = case.meta
    if meta is None or not meta.generation.mode.is_negative:
        return True
    if meta.phase.name == TestPhase.COVERAGE:
        # Coverage cases change one thing at a time and say which.
        data = meta.phase.data
        return not (
            data.parameter_location == ParameterLocation.HEADER
            and data.parameter in SIGNATURE_HEADERS
        )
    return not meta.is_negative_at(ParameterLocation.HEADER)


def error_code(response: Any) -> str:
    """The machine code of a JSON error answer (and it has a message)."""
    assert response.headers.get("content-type", [""])[0].startswith("application/json")
    body = response.json()
    code = body["error"]["code"]
    assert isinstance(code, str), body
    assert SNAKE_CASE.match(code), body
    assert isinstance(body["error"]["message"], str), body
    assert body["error"]["message"], body
    return code


def without_valid_credentials(case: Case) -> list[tuple[Any, str]]:
    """The same valid request sent without valid credentials, each with the code it must get."""
    label = case.operation.label
    if label == WEBHOOK:
        forged = case.call(auth=WebhookSignature(secret=b"not-the-secret"))
        replayed = case.call(auth=WebhookSignature(age=MAX_SKEW_SECONDS + 60))
        return [(forged, "signature_invalid"), (replayed, "timestamp_out_of_window")]
    if label in (INBOX, ACK):
        headers = {k: v for k, v in case.headers.items() if k.lower() != "authorization"}
        missing = case.derive(headers=headers).call()
        unknown = case.derive(headers={**headers, "Authorization": "Bearer " + new_session_id()})
        return [(missing, "token_missing"), (unknown.call(), "token_invalid")]
    return []


CASES: Counter[tuple[str, str, int]] = Counter()


@schema.parametrize()
def test_every_documented_operation_answers_valid_and_invalid_input_as_documented(
    case: Case,
) -> None:
    signed = signs(case)
    response = case.call_and_validate(auth=WebhookSignature() if signed else None)
    label = case.operation.label
    mode = case.meta.generation.mode.value if case.meta else "positive"
    CASES[(label, mode, response.status_code)] += 1
    assert response.status_code < 500, (label, response.status_code, response.text[:300])
    if case.method.upper() != case.operation.method.upper():
        # A method the path does not take: schemathesis checks the 405 and its Allow header.
        if case.path.startswith("/api/"):
            assert error_code(response) == "method_not_allowed"
        return
    if 400 <= response.status_code < 500:
        error_code(response)
    if label == WEBHOOK and not signed:
        assert response.status_code == 401, (response.status_code, response.text[:300])
        assert error_code(response).startswith(("signature_", "timestamp_"))
    if mode == "positive":
        assert response.status_code in SUCCESS[label], (label, response.text[:300])
        for refused, code in without_valid_credentials(case):
            case.validate_response(refused)
            assert (refused.status_code, error_code(refused)) == (401, code), refused.text[:300]
            CASES[(label, "no valid credentials", refused.status_code)] += 1


def test_the_fuzzing_reached_every_operation_with_valid_and_invalid_input() -> None:
    if not CASES:
        pytest.skip("runs after the fuzzing test above, in the same session")
    for label, success in SUCCESS.items():
        valid = sum(n for (op, mode, status), n in CASES.items()
                    if op == label and mode == "positive" and status in success)  # fmt: skip
        invalid = sum(n for (op, mode, status), n in CASES.items()
                      if op == label and mode == "negative" and 400 <= status < 500)  # fmt: skip
        assert valid >= 1, (label, CASES)
        assert invalid >= 1, (label, CASES)
    for label in (WEBHOOK, INBOX, ACK):
        refused = CASES[(label, "no valid credentials", 401)]
        assert refused >= 2, (label, CASES)
    applications = sum(n for (op, mode, status), n in CASES.items()
                       if op == "POST /api/v1/applications" and status == 202)  # fmt: skip
    assert applications >= MAX_EXAMPLES // 4, CASES


# What schemathesis found, kept as explicit cases: each was a 500 or an answer the document
# does not describe.
@pytest.mark.parametrize(
    ("submitted_at", "status", "reference_day"),
    [
        ("2026-11-27T17:30:00z", 202, "20261128"),  # lower-case z: valid RFC 3339, was a 500
        ("2026-11-28t09:30:00+08:00", 202, "20261128"),
        ("0999-05-01T00:00:00Z", 422, None),  # was 202 with a reference "YZ9990501-…"
        ("9999-12-31T23:00:00-05:00", 422, None),  # year 10000 in Chongqing: was a 500
        ("0001-01-01T00:00:00+14:00", 422, None),  # year 0 in Chongqing: was a 500
        ("1999-12-31T23:59:59+08:00", 422, None),
        ("2999-12-31T23:59:59-12:00", 202, "30000101"),
    ],
)
def test_an_application_is_dated_in_the_documented_years_and_never_gets_a_500(
    intake_openapi: OpenApiSchema,
    intake_server: LoopbackServer,
    submitted_at: str,
    status: int,
    reference_day: str | None,
) -> None:
    payload = application(submitted_at=submitted_at)
    submit = intake_openapi["/api/v1/applications"]["POST"].Case(body=payload)
    response = submit.call(base_url=intake_server.url)
    submit.validate_response(response)
    assert response.status_code == status, response.text
    if reference_day is None:
        assert error_code(response) == "schema_violation"
        assert response.json()["error"]["path"] == "/submitted_at"
    else:
        assert response.json()["reference"].startswith(f"YZ{reference_day}-")


def test_an_unknown_token_cannot_tell_which_notices_exist(
    intake_openapi: OpenApiSchema, intake_server: LoopbackServer
) -> None:
    ack = intake_openapi["/api/v1/inbox/{notice_id}/ack"]["POST"]
    stranger = {"Authorization": f"Bearer {new_session_id()}"}
    answers = []
    for notice_id in (NOTICE_IDS[1], "n-nowhere"):
        case = ack.Case(path_parameters={"notice_id": notice_id}, headers=stranger)
        response = case.call(base_url=intake_server.url)
        case.validate_response(response)
        answers.append((response.status_code, error_code(response)))
    assert answers == [(401, "token_invalid")] * 2  # was 404 notice_not_found


def test_an_api_path_that_does_not_exist_gets_a_coded_404(intake_server: LoopbackServer) -> None:
    for path in ("/api/v1/nothing", "/api/v1/inbox//ack"):
        response = requests.post(f"{intake_server.url}{path}", timeout=10)
        assert response.status_code == 404
        assert response.json()["error"]["code"] == "not_found"


def test_acknowledging_one_of_the_residents_notices_answers_204_as_documented(
    intake_openapi: OpenApiSchema, intake_server: LoopbackServer
) -> None:
    ack = intake_openapi["/api/v1/inbox/{notice_id}/ack"]["POST"]
    inbox = intake_openapi["/api/v1/inbox"]["GET"]
    bearer = {"Authorization": f"Bearer {TOKEN}"}
    done = ack.Case(path_parameters={"notice_id": NOTICE_IDS[0]}, headers=bearer)
    response = done.call_and_validate(base_url=intake_server.url)
    assert response.status_code == 204
    listed = inbox.Case(headers=bearer).call_and_validate(base_url=intake_server.url).json()
    assert {n["notice_id"]: n["acknowledged"] for n in listed["notices"]}[NOTICE_IDS[0]] is True


def test_the_document_describes_every_route_but_the_page_the_socket_and_static_files(
    intake_server: LoopbackServer, intake_openapi: OpenApiSchema
) -> None:
    documented = {result.ok().label for result in intake_openapi.get_all_operations()}
    assert documented == set(SUCCESS)
    assert intake_server.routes - UNDOCUMENTED == documented
    served = requests.get(f"{intake_server.url}/openapi.yaml", timeout=10)
    assert served.headers["Content-Type"].startswith("application/yaml")
    assert yaml.safe_load(served.text) == yaml.safe_load(OPENAPI.read_text(encoding="utf-8"))
