"""A 72-year-old in 巫溪 applies for 低保 the way residents write (cf. the NLU dev set).

Each step pairs what he writes with the parse the NLU contract prescribes for it; the dialog
only ever sees the parse.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from dialog_support import Chat, id_number

HIS_ID = id_number(date(1952, 3, 15), region="500238", sequence="771")

# (what he writes, what the bot expects before it, intent, slots)
SCRIPT: list[tuple[str, str | None, str, dict[str, Any]]] = [
    ("早上好", None, "greet", {}),
    ("我想办低保", "name", "apply", {"program": "dibao"}),
    ("我叫王德贵", "name", "inform", {"name": "王德贵"}),
    (f"身份证 {HIS_ID[:6]} {HIS_ID[6:14]} {HIS_ID[14:]}", "id_number", "inform",
     {"id_number": HIS_ID}),
    ("139 0838 1234", "phone", "inform", {"phone": "13908381234"}),
    ("是", "relation", "affirm", {}),
    ("巫溪", "district", "inform", {"district": "巫溪县"}),
    ("农村的", "residence", "inform", {"residence": "rural"}),
    ("我和老伴两个人", "household_size", "inform", {"household_size": 2}),
    ("城市低保标准是多少", "monthly_income", "ask_policy",
     {"program": "dibao", "residence": "urban"}),
    ("每月就几百块，大概六百", "monthly_income", "inform", {"monthly_income": 600}),
    ("没存款", "savings", "inform", {"savings": 0}),
    ("没有", "disability_grade", "inform", {"disability_grade": 0}),
    ("儿子在外面打工，顾不上", "able_supporter", "inform",
     {"relation": "child", "able_supporter": False}),
    ("不对，是三口人", "confirm", "deny", {"household_size": 3}),
    ("对的，就这样提交", "confirm", "affirm", {}),
]  # fmt: skip


def test_a_72_year_old_in_wuxi_gets_his_application_submitted_with_the_right_facts() -> None:
    chat = Chat(start=False)
    for _text, expecting, intent, slots in SCRIPT:
        assert chat.expecting == expecting
        chat.say(intent, **slots)
        assert chat.handoffs == []
    [payload] = chat.payloads
    assert payload == {
        "application_id": "00000000-0000-0000-0000-000000000001",
        "submitted_at": "2024-11-20T09:30:00+08:00",
        "channel": "palm",
        "applicant": {"name": "王德贵", "id_number": HIS_ID, "phone": "13908381234"},
        "beneficiary": {"disability_grade": 0, "disability_kind": None, "able_supporter": False},
        "household": {
            "district": "巫溪县",
            "residence": "rural",
            "members": 3,
            "monthly_income": 600.0,
            "financial_assets": 0.0,
        },
        "emergency": None,
        "programs_requested": ["dibao"],
    }

    chat.submitted("YZ20241120-000000")
    chat.say("check_status")  # 审核通过了没有
    assert chat.text == "还没有结果，一般10个工作日内会告诉您。您的申请编号是YZ20241120-000000。"
    chat.say("thanks")  # 多谢
    assert chat.text == "不客气，有事随时找我。"


def test_every_reply_to_him_is_short_plain_chinese() -> None:
    chat = Chat(start=False)
    for _text, _expecting, intent, slots in SCRIPT:
        chat.say(intent, **slots)
    chat.submitted("YZ20241120-000000")
    for turn in chat.turns:
        for reply in turn.replies:
            letters = [c for c in reply.text if c.isascii() and c.isalpha()]
            assert letters in ([], list("YZ")), reply.text  # no English besides the reference
            for sentence in reply.text.replace("？", "。").replace("！", "。").split("。"):
                if "\n" not in sentence:
                    assert len(sentence) <= 60, sentence
