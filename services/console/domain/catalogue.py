"""Every Chinese sentence and label the console shows to people, in one place.

Caseworkers read the labels all day; residents read the decision sentences in their notice, so
those are short, carry the actual figures and no article numbers (the ``citation`` carries
those). Wording is reviewed and changed here without touching the logic.
"""

from __future__ import annotations

from decimal import Decimal

from services.common.programs import PROGRAM_NAMES

from .cases import PRIORITY_CONFIRM, PRIORITY_REVIEW, PRIORITY_URGENT
from .money import yuan_text

KIND_LABELS: dict[str, str] = {
    "review": "待审核",
    "handoff": "转人工",
    "confirm": "待确认",
}

STATUS_LABELS: dict[str, str] = {
    "open": "待认领",
    "claimed": "办理中",
    "decided": "已决定",
    "closed": "已关闭",
}

STAGE_LABELS: dict[str, str] = {
    "investigation": "调查核实",
    "decision": "审核确认",
}

ROLE_LABELS: dict[str, str] = {
    "caseworker": "经办人员",
    "supervisor": "主管",
}

PRIORITY_LABELS: dict[int, str] = {
    PRIORITY_URGENT: "紧急",
    PRIORITY_REVIEW: "待审核",
    PRIORITY_CONFIRM: "待确认",
}

DEADLINE_APPROXIMATE = "期限跨越了未录入节假日安排的年份，暂按周一至周五计算，请人工核对。"
DEADLINE_ASSUMED = "期限所用的节假日安排尚未与国务院办公厅通知核对，请人工核对。"

# Pages and sign-in.
BAD_LOGIN = "账号或密码不对。"
LOCKED = "密码错误次数太多，账号已暂时锁定，请15分钟后再试。"
CSRF_FAILED = "页面已过期，请刷新后重新操作。"
NOT_FOUND = "没有这个事项。"
TRY_AGAIN = "系统暂时忙，请稍后再试。"
CHANGED_MEANWHILE = "该事项刚被其他人处理过，请刷新后再看。"

ERROR_MESSAGES: dict[str, str] = {
    "case_already_claimed": "该事项已由其他工作人员认领。",
    "not_claimed_by_you": "您没有认领该事项，请先认领。",
    "case_closed": "该事项已办结，不能再操作。",
    "access_denied": "您没有权限办理该事项。",
    "nothing_to_approve": "请至少选择一项批准的救助。",
    "amounts_required": "该事项有需要人工认定的项目，请填写批准的金额。",
    "unknown_program": "救助项目不存在。",
    "invalid_amount": "金额应为不小于0的数字。",
    "reason_required": "请填写不予批准的理由。",
    "text_too_long": "说明文字过长，请精简。",
    "no_determination": "转人工事项没有认定结果，办完后请关闭。",
    "message_required": "请写明要居民补充什么。",
    "invalid_request": "补充说明里不能有身份证号或电话号码，请改一下。",
}


def program_name(program: str) -> str:
    """ "低保" for ``dibao``."""
    return PROGRAM_NAMES[program]


def countdown_text(days_left: int, overdue: bool) -> str:
    """ "还剩3个工作日", "今天到期", "已超期2个工作日"."""
    if overdue:
        late = max(-days_left, 0)
        return f"已超期{late}个工作日" if late else "已超期"
    if days_left == 0:
        return "今天到期"
    return f"还剩{days_left}个工作日"


def approved_message(program: str, monthly: Decimal, one_off: Decimal) -> str:
    """The resident's sentence for an approved program, with the amounts."""
    name = program_name(program)
    parts: list[str] = []
    if monthly:
        parts.append(f"每月{yuan_text(monthly)}元")
    if one_off:
        parts.append(f"一次性{yuan_text(one_off)}元")
    if not parts:
        return f"经审核，您家符合{name}条件。"
    return f"经审核，批准{name}，" + "，".join(parts) + "。"


def not_approved_message(program: str) -> str:
    """The resident's sentence for a program the caseworker did not approve."""
    return f"经审核，{program_name(program)}未予批准。"
