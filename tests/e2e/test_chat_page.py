"""A resident on a phone-sized screen, in real headless Chromium: types free Chinese text,
completes an application, sees the reference number and then the decision, pushed live."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest
from playwright.async_api import Browser, Page, async_playwright

from devstack import StackConfig, resident
from devstack.browser import ensure_chromium
from devstack.config import ROOT
from services.common.topics import Topics
from tests.support.services import Suite, running_suite

pytestmark = pytest.mark.e2e

CHROMIUM_FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
SHOTS = ROOT / "var" / "test" / "screenshots"


@pytest.fixture
def suite(stack: StackConfig, topics: Topics) -> Iterator[Suite]:
    with running_suite(stack, topics) as suite:
        yield suite


@pytest.fixture
async def browser() -> AsyncIterator[Browser]:
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=ensure_chromium(), args=CHROMIUM_FLAGS)
        yield browser
        await browser.close()


async def last_bot_text(page: Page) -> str:
    return str(await page.locator(".msg.bot").last.inner_text())


async def say(page: Page, text: str) -> None:
    """Type ``text`` and wait for the bot's answer to appear."""
    before = await page.locator(".msg.bot").count()
    await page.fill("#text", text)
    await page.click("#send")
    await page.wait_for_function(
        f"document.querySelectorAll('.msg.bot').length > {before}", timeout=10_000
    )


async def apply_as_resident(page: Page, *, differently: tuple[tuple[str, str], ...] = ()) -> None:
    """The scripted resident's whole application, up to the reference number."""
    await say(page, resident.OPENING)
    for _ in range(20):
        texts = await page.locator(".msg.bot").all_inner_texts()
        if any(resident.REFERENCE.search(t) for t in texts):
            return
        asked = await last_bot_text(page)
        answer = resident.answer(asked, differently=differently)
        assert answer is not None, f"the scripted resident does not know how to answer: {asked}"
        await say(page, answer)
    transcript = await page.locator(".msg").all_inner_texts()
    raise AssertionError("no reference number after 20 answers:\n" + "\n".join(transcript))


async def test_a_resident_applies_by_typing_chinese_and_sees_the_decision_pushed(
    suite: Suite, browser: Browser
) -> None:
    context = await browser.new_context(viewport={"width": 360, "height": 640},
                                        device_scale_factor=2, is_mobile=True, has_touch=True,
                                        locale="zh-CN")  # fmt: skip
    page = await context.new_page()
    await page.goto(suite.intake.url + "/")
    await page.locator(".msg.bot").first.wait_for(timeout=10_000)

    await apply_as_resident(page)
    transcript = await page.locator(".msg").all_inner_texts()
    assert len(transcript) <= 20, "a resident who says a lot at once is asked little"

    notice = page.locator(".notice")
    await notice.wait_for(timeout=30_000)
    assert "结果" in await notice.locator("h2").inner_text()
    SHOTS.mkdir(parents=True, exist_ok=True)
    await page.screenshot(path=str(SHOTS / "chat-decision-360x640.png"), full_page=False)

    # The large-text switch makes the words bigger and is remembered on the phone.
    before = await page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    await page.click("#bigger")
    after = await page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    assert after > before
    assert await page.evaluate("localStorage.getItem('yuzhu.big')") == "1"
    await context.close()


async def test_a_reconnecting_page_resumes_the_same_dialog(suite: Suite, browser: Browser) -> None:
    context = await browser.new_context(viewport={"width": 360, "height": 640})
    page = await context.new_page()
    await page.goto(suite.intake.url + "/")
    await page.locator(".msg.bot").first.wait_for(timeout=10_000)
    await page.fill("#text", "我想办低保")
    await page.click("#send")
    await page.wait_for_function("document.querySelectorAll('.msg.bot').length > 1")
    asked = await last_bot_text(page)

    await page.reload()  # a new socket with the token kept on the phone
    await page.locator(".note").wait_for(timeout=10_000)
    assert "接上" in await page.locator(".note").inner_text()
    assert await last_bot_text(page) == asked
    await context.close()


async def test_a_caseworker_approves_a_review_case_and_the_residents_chat_shows_it(
    suite: Suite, browser: Browser
) -> None:
    resident_context = await browser.new_context(viewport={"width": 360, "height": 640})
    chat = await resident_context.new_page()
    await chat.goto(suite.intake.url + "/")
    await chat.locator(".msg.bot").first.wait_for(timeout=10_000)

    # Nobody to look after her in a two-person household: 特困 needs a caseworker.
    await apply_as_resident(chat, differently=((r"有没有子女", "没有"),))
    first = chat.locator(".notice").first
    await first.wait_for(timeout=30_000)
    assert "核实" in await first.inner_text()

    office = await (await browser.new_context(viewport={"width": 1280, "height": 900})).new_page()
    await office.goto(suite.console.url + "/login")
    await office.fill("input[name=user_id]", "wuxi")
    await office.fill("input[name=password]", "wuxi-dev-pass")
    await office.click("button[type=submit]")
    await office.locator("a[href^='/cases/']").first.wait_for(timeout=30_000)
    # The live overview fills itself in without a reload.
    await office.goto(suite.console.url + "/live")
    await office.locator("#queues tr", has_text="巫溪县").wait_for(timeout=10_000)
    assert "渝东北" in await office.locator("#queues").inner_text()
    await office.goto(suite.console.url + "/queue")
    await office.locator("a[href^='/cases/']").first.click()
    await office.click("#claim")
    await office.fill("#monthly_tekun", "932")
    await office.click("#approve")
    assert "已批准" in await office.locator(".notice").inner_text()

    final = chat.locator(".notice", has_text="审批好了")
    await final.wait_for(timeout=30_000)
    assert "932" in await final.inner_text()
    await chat.screenshot(path=str(SHOTS / "chat-final-decision-360x640.png"))
    await office.screenshot(path=str(SHOTS / "console-case-approved.png"))
