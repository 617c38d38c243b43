"""The console's pages: sign-in, the district queue, a case with its actions, the audit trail,
and the live overview. Server-rendered (jinja2, autoescaped); every form carries a CSRF token;
every case URL checks the district, so typing another district's case id gets 403.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import jinja2
from aiohttp import web
from prometheus_client import Counter

from schemas import EventType
from services.common.errors import DependencyUnavailable, InvalidEvent
from services.common.events import new_event, stable_id
from services.common.masking import mask_text
from services.common.programs import PROGRAM_NAMES
from services.common.publisher import EventPublisher
from services.console.adapters.store import CaseStore
from services.console.adapters.users import Account, LoginStore
from services.console.domain import (
    AS_PRELIMINARY,
    Case,
    ConsoleError,
    InvalidDecision,
    LockoutPolicy,
    User,
    WorkCalendar,
    approve,
    audit_entry,
    can_act,
    can_claim,
    can_see,
    claim,
    close,
    csrf_token,
    csrf_valid,
    deadlines_for,
    mark_decided,
    queue_order,
    reject,
    release,
    verify_password,
    visible_districts,
)
from services.console.domain import catalogue as words

log = logging.getLogger(__name__)

CHONGQING = ZoneInfo("Asia/Shanghai")
COOKIE = "yz_console"
PRELOGIN = "yz_prelogin"
SOURCE = "/yuzhu/console"
TEMPLATES = Path(__file__).parent / "templates"

ACTIONS = Counter("yuzhu_console_actions_total", "Caseworker actions", ["action"])


@dataclass
class Console:
    """Everything the pages need, wired by bootstrap."""

    store: CaseStore
    logins: LoginStore
    accounts: dict[str, Account]
    publisher: EventPublisher
    decisions_topic: str
    information_topic: str
    calendar: WorkCalendar
    secret: bytes
    session_ttl: int
    secure_cookies: bool
    overview: Callable[[User], Awaitable[dict[str, Any]]]
    lockout: LockoutPolicy = field(default_factory=LockoutPolicy)
    clock: Callable[[], datetime] = lambda: datetime.now(CHONGQING)


CONSOLE = web.AppKey("console", Console)
USER = web.RequestKey("user", User)
TOKEN = web.RequestKey("token", str)
_env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True)
_env.globals.update(words=words, program_names=PROGRAM_NAMES, mask=mask_text)


def render(request: web.Request, template: str, status: int = 200, **context: Any) -> web.Response:
    user: User | None = request.get(USER)
    token = request.get(TOKEN) or request.cookies.get(PRELOGIN, "")
    csrf = csrf_token(request.app[CONSOLE].secret, token) if token else ""
    html = _env.get_template(template).render(user=user, csrf=csrf, **context)
    return web.Response(text=html, content_type="text/html", status=status)


def add_console_routes(app: web.Application) -> None:
    app.router.add_get("/", home)
    app.router.add_get("/login", login_page)
    app.router.add_post("/login", login)
    app.router.add_post("/logout", logout)
    app.router.add_get("/queue", queue_page)
    app.router.add_get("/cases/{case_id}", case_page)
    app.router.add_get("/cases/{case_id}/audit", audit_page)
    app.router.add_post("/cases/{case_id}/{action:claim|release|approve|reject|close|ask}", act)
    app.router.add_get("/live", live_page)
    app.router.add_get("/live.json", live_data)
    app.router.add_static("/static/", Path(__file__).parent / "static", append_version=False)


_OPEN_PATHS = ("/login", "/static/", "/healthz", "/readyz", "/metrics")


@web.middleware
async def security(request: web.Request, handler: Any) -> web.StreamResponse:
    """Who is asking (or off to the sign-in page), CSRF on every POST, safe headers."""
    console = request.app[CONSOLE]
    if not request.path.startswith(_OPEN_PATHS):
        token = request.cookies.get(COOKIE, "")
        user_id = await console.logins.user_of(token) if token else None
        account = console.accounts.get(user_id or "")
        if account is None:
            return _redirect("/login")
        request[USER], request[TOKEN] = account.user, token
    if request.method == "POST":
        token = request.get(TOKEN) or request.cookies.get(PRELOGIN, "")
        form = await request.post()
        if not token or not csrf_valid(console.secret, token, str(form.get("csrf", ""))):
            return render(request, "error.html", 403, message=words.CSRF_FAILED, code="csrf")
    response: web.StreamResponse = await handler(request)
    response.headers.setdefault("X-Frame-Options", "DENY")
    response.headers.setdefault("Content-Security-Policy", "default-src 'self'")
    response.headers.setdefault("Referrer-Policy", "no-referrer")
    response.headers.setdefault("Cache-Control", "no-store")
    return response


async def home(request: web.Request) -> web.Response:
    return _redirect("/queue")


def _redirect(location: str) -> web.Response:
    return web.Response(status=303, headers={"Location": location})


async def login_page(request: web.Request) -> web.Response:
    token = request.cookies.get(PRELOGIN) or secrets.token_urlsafe(16)
    request[TOKEN] = token
    response = render(request, "login.html", error=None)
    response.set_cookie(PRELOGIN, token, httponly=True, samesite="Strict",
                        secure=request.app[CONSOLE].secure_cookies)  # fmt: skip
    return response


async def login(request: web.Request) -> web.Response:
    console = request.app[CONSOLE]
    form = await request.post()
    user_id, password = str(form.get("user_id", "")), str(form.get("password", ""))
    now = console.clock()
    attempts = await console.logins.attempts(user_id)
    if console.lockout.is_locked(attempts, now):
        return render(request, "login.html", 429, error=words.LOCKED)
    account = console.accounts.get(user_id)
    if account is None or not verify_password(password, account.password_hash):
        await console.logins.save_attempts(user_id, console.lockout.register_failure(attempts, now))
        log.info("failed console sign-in")
        return render(request, "login.html", 401, error=words.BAD_LOGIN)
    await console.logins.save_attempts(user_id, console.lockout.reset())
    token = secrets.token_urlsafe(32)
    await console.logins.open(token, user_id, console.session_ttl)
    response = _redirect("/queue")
    response.set_cookie(COOKIE, token, httponly=True, samesite="Strict",
                        max_age=console.session_ttl, secure=console.secure_cookies)  # fmt: skip
    response.del_cookie(PRELOGIN)
    return response


async def logout(request: web.Request) -> web.Response:
    await request.app[CONSOLE].logins.close(request[TOKEN])
    response = _redirect("/login")
    response.del_cookie(COOKIE)
    return response


def _visible(user: User) -> list[str] | None:
    return None if user.is_supervisor else list(visible_districts(user))


def _row(console: Console, case: Case) -> dict[str, Any]:
    countdown = deadlines_for(case.received_at, console.calendar).countdown(console.clock())
    return {"case": case, "countdown": countdown}


async def queue_page(request: web.Request) -> web.Response:
    console, user = request.app[CONSOLE], request[USER]
    cases = queue_order(await console.store.active(_visible(user)))
    by_district: dict[str, list[dict[str, Any]]] = {}
    for case in cases:
        if can_see(user, case):
            by_district.setdefault(case.district or "—", []).append(_row(console, case))
    return render(request, "queue.html", queues=by_district)


async def _case_or_error(request: web.Request) -> Case | web.Response:
    case = await request.app[CONSOLE].store.get(request.match_info["case_id"])
    if case is None:
        return render(request, "error.html", 404, message=words.NOT_FOUND, code="case_not_found")
    if not can_see(request[USER], case):
        return render(request, "error.html", 403, message=words.ERROR_MESSAGES["access_denied"],
                      code="access_denied")  # fmt: skip
    return case


async def case_page(request: web.Request) -> web.Response:
    case = await _case_or_error(request)
    if isinstance(case, web.Response):
        return case
    console = request.app[CONSOLE]
    user = request[USER]
    return render(request, "case.html", row=_row(console, case), case=case,
                  can_claim=can_claim(user, case), can_act=can_act(user, case),
                  notice=request.query.get("notice"), error=None)  # fmt: skip


async def audit_page(request: web.Request) -> web.Response:
    case = await _case_or_error(request)
    if isinstance(case, web.Response):
        return case
    trail = await request.app[CONSOLE].store.trail(case.case_id)
    return render(request, "audit.html", case=case, trail=trail)


async def act(request: web.Request) -> web.Response:
    case = await _case_or_error(request)
    if isinstance(case, web.Response):
        return case
    console, user = request.app[CONSOLE], request[USER]
    action = request.match_info["action"]
    form = await request.post()
    now = console.clock()
    try:
        if action == "claim":
            after = claim(case, user.user_id)
        elif action == "release":
            after = release(case, user.user_id, override=user.is_supervisor)
        elif not can_act(user, case):
            denied = words.ERROR_MESSAGES["access_denied"]
            return render(request, "error.html", 403, message=denied, code="access_denied")
        elif action == "close":
            after = close(case, user.user_id, override=user.is_supervisor)
        elif action == "ask":
            await _ask(console, case, form, now)
            after = case
        else:
            decision = (_approve(case, form, user, now) if action == "approve"
                        else reject(case, str(form.get("reason", "")), user, now))  # fmt: skip
            await _publish_final(console, decision)
            after = mark_decided(case, user.user_id, override=user.is_supervisor)
    except ConsoleError as exc:
        code = getattr(exc, "code", type(exc).__name__)
        message = words.ERROR_MESSAGES.get(str(code), str(exc))
        return render(request, "case.html", 409, row=_row(console, case), case=case,
                      can_claim=can_claim(user, case), can_act=can_act(user, case),
                      notice=None, error=message)  # fmt: skip
    except DependencyUnavailable:
        return render(request, "error.html", 503, message=words.TRY_AGAIN, code="unavailable")
    if after is not case and not await console.store.swap(case, after):
        return render(request, "error.html", 409, message=words.CHANGED_MEANWHILE, code="conflict")
    await console.store.audit(case.case_id, audit_entry(action, case, after, user, now))
    ACTIONS.labels(action).inc()
    return _redirect(f"/cases/{case.case_id}?notice={action}")


def _approve(case: Case, form: Any, user: User, now: datetime) -> dict[str, Any]:
    if form.get("as_preliminary"):
        return approve(case, AS_PRELIMINARY, user, now, note=str(form.get("note", "")) or None)
    amounts: dict[str, tuple[Decimal, Decimal]] = {}
    for program in PROGRAM_NAMES:
        monthly, one_off = form.get(f"monthly_{program}", ""), form.get(f"one_off_{program}", "")
        if not monthly and not one_off:
            continue
        try:
            amounts[program] = (Decimal(str(monthly or "0")), Decimal(str(one_off or "0")))
        except InvalidOperation:
            raise InvalidDecision("invalid_amount", program) from None
    return approve(case, amounts, user, now, note=str(form.get("note", "")) or None)


async def _publish_final(console: Console, determination: dict[str, Any]) -> None:
    application_id = str(determination["application_id"])
    event = new_event(
        EventType.DETERMINATION_ISSUED,
        source=SOURCE,
        subject=application_id,
        data=determination,
        event_id=stable_id(application_id, "final", str(determination["policy_version"])),
    )
    await console.publisher.publish(console.decisions_topic, application_id, event)


async def _ask(console: Console, case: Case, form: Any, now: datetime) -> None:
    """Ask the resident for more: the notifier tells them in the chat and by text."""
    message = str(form.get("message", "")).strip()
    if not message or case.application_id is None or case.district is None:
        raise InvalidDecision("message_required", "a request needs words and an application")
    request_id = stable_id(case.case_id, "ask", now.isoformat())
    data: dict[str, Any] = {
        "request_id": request_id,
        "application_id": case.application_id,
        "district": case.district,
        "message": message,
        "requested_at": now.isoformat(timespec="seconds"),
    }
    reply_by = str(form.get("reply_by", "")).strip()
    if reply_by:
        data["reply_by"] = reply_by
    event = new_event(EventType.INFORMATION_REQUESTED, source=SOURCE, subject=case.application_id,
                      data=data, event_id=request_id)  # fmt: skip
    try:
        await console.publisher.publish(console.information_topic, case.application_id, event)
    except InvalidEvent as exc:  # the schema refused it: say what to fix, publish nothing
        raise InvalidDecision("invalid_request", exc.detail) from None


async def live_page(request: web.Request) -> web.Response:
    return render(request, "live.html")


async def live_data(request: web.Request) -> web.Response:
    data = await request.app[CONSOLE].overview(request[USER])
    return web.json_response(data)
