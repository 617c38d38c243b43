from __future__ import annotations

from services.notifier.domain import render_information_request


def test_a_caseworkers_request_shows_their_words_the_date_and_how_to_answer() -> None:
    notice = render_information_request("n1", "2026-11-28T10:00:00Z", {
        "application_id": "a1", "message": "请补充户口簿照片。", "reply_by": "2026-12-05",
    })  # fmt: skip
    assert notice.title == "工作人员请您补充一些情况"
    assert notice.lines[0] == "请补充户口簿照片。"
    assert "12月5日" in notice.lines[1]
    assert notice.kind == "information"
    assert len(notice.sms) <= 70
    assert "户口簿" not in notice.sms  # the text message only says there is something to read


def test_without_a_date_the_request_still_says_how_to_answer() -> None:
    notice = render_information_request(
        "n1", "t", {"application_id": "a1", "message": "请说明收入。"}
    )
    assert notice.lines == (
        "请说明收入。",
        "可以直接在这里回复，也可以带上材料到街道（乡镇）社会救助窗口。",
    )
