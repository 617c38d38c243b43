"""Chinese text shown to residents. Short sentences, everyday words (read aloud to a
grandparent in 巫溪, it should need no explaining)."""

from __future__ import annotations

# Program names live in services/common/programs.py: staff-facing tools use them too.

TITLE = {
    "preliminary": "您的申请有初步结果了",
    "final": "您的申请审批好了",
}

HEADLINE = {
    "eligible": "按您填的情况，您可以享受：",
    "needs_review": "您的情况需要工作人员再核实一下，核实后会告诉您结果。",
    "ineligible": "按您填的情况，这次暂时不符合条件。",
}

PROGRAM_LINE_MONTHLY = "{program}，每月{amount}元。"
PROGRAM_LINE_ONE_OFF = "{program}，一次性{amount}元。"
PROGRAM_LINE_REGISTERED = "{program}，已登记，有困难可以优先帮扶。"
REVIEW_LINE = "{program}：需要工作人员核实。"
TOTAL_MONTHLY = "合计每月{amount}元。"
REFERENCE = "受理编号：{reference}"
