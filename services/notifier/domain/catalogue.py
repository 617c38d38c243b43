"""Chinese text shown to residents. Short sentences, everyday words (read aloud to a
grandparent in 巫溪, it should need no explaining). Every sentence the notifier sends is here;
``notice.py`` only chooses and fills them.

Keys of the per-case tables are ``(stage, status)``: stage ``preliminary`` (the eligibility
service's answer to what the resident said) or ``final`` (after a caseworker checked), status as
in the determination (policy SPEC §4). Time limits are those of 民发〔2021〕57号 (FACTS.md):
investigation within 3 working days (Art. 15), 7-day public notice (Art. 19), county decision
within 10 working days (Art. 20), payment from the month after approval (Art. 21).

Sentences that rest on something FACTS.md does not give are listed in ``ASSUMPTIONS`` with what
has to be confirmed; change the sentence and its entry together.
"""

from __future__ import annotations

from typing import Final

# Program names live in services/common/programs.py: staff-facing tools use them too.

# ---------------------------------------------------------------------------------------------
# Decision notices (cq.yuzhu.determination.issued.v1)

_PRELIMINARY_TITLE = "您的申请有初步结果了"
_FINAL_TITLE = "您的申请审批好了"
TITLE: Final[dict[tuple[str, str], str]] = {
    ("preliminary", "eligible"): _PRELIMINARY_TITLE,
    ("preliminary", "needs_review"): _PRELIMINARY_TITLE,
    ("preliminary", "ineligible"): _PRELIMINARY_TITLE,
    ("final", "eligible"): _FINAL_TITLE,
    ("final", "needs_review"): "您的申请还要再核实一下",  # not decided yet: not 审批好了
    ("final", "ineligible"): _FINAL_TITLE,
}
TITLE_FALLBACK: Final = "您的申请有新消息了"

HEADLINE: Final[dict[tuple[str, str], str]] = {
    ("preliminary", "eligible"): "按您填的情况，您可以享受：",
    ("preliminary", "needs_review"): "您的情况需要工作人员再核实一下，核实后会告诉您结果。",
    ("preliminary", "ineligible"): "按您填的情况，这次暂时不符合条件。",
    ("final", "eligible"): "经过核实，您的申请通过了，可以享受：",
    ("final", "needs_review"): "您的情况还需要工作人员再核实一下，核实后会告诉您结果。",
    ("final", "ineligible"): "经过核实，您的申请这次没有通过。",
}
HEADLINE_FALLBACK: Final = "您的申请有新消息了。"

# One line per program that matters to the resident.
PROGRAM_LINE_MONTHLY: Final = "{program}，每月{amount}元。"
PROGRAM_LINE_ONE_OFF: Final = "{program}，一次性{amount}元。"
PROGRAM_LINE_BOTH: Final = "{program}，每月{monthly}元，另外一次性{one_off}元。"
PROGRAM_LINE_REGISTERED: Final = "{program}：已经登记，遇到困难可以优先得到帮助。"
ELIGIBLE_SO_FAR: Final = "初步看，可以享受："  # before the amounts when other programs still wait
REVIEW_LINE: Final = "{program}：需要工作人员核实。"

# The total, when more than one amount was listed.
TOTAL_MONTHLY: Final = "一共每月{monthly}元。"
TOTAL_ONE_OFF: Final = "一共一次性{one_off}元。"
TOTAL_BOTH: Final = "一共每月{monthly}元，另外一次性{one_off}元。"

# What happens next, as the rules set it. Payment lines are added after these (below).
_VISIT = "3个工作日内，社区或乡镇的工作人员会上门或打电话，核实您家的情况。"
_COUNTY_DECIDES = "区县会在10个工作日内作出决定。"
PUBLIC_NOTICE: Final = "名单要在村里或社区张榜公示7天。"  # ASSUMPTION, see ASSUMPTIONS
_WHO_CALLS = "3个工作日内，社区或乡镇的工作人员会联系您。"
# ASSUMPTION (see ASSUMPTIONS): the list of documents.
PREPARE_DOCUMENTS: Final = "请准备好身份证、户口簿、收入证明；有残疾证的，也请准备好。"
_APPLY_AGAIN = "以后情况有变化，可以再申请。"
_ASK = "有疑问，可以回复“转人工”，或者到街道（乡镇）社会救助窗口问。"
# ASSUMPTION (see ASSUMPTIONS): FACTS.md gives no deadline or office for asking again.
REVIEW_RIGHTS: Final = "如果不同意这个结果，从收到通知那天起60天内，可以向区县民政局申请复核。"

NEXT_STEPS: Final[dict[tuple[str, str], tuple[str, ...]]] = {
    ("preliminary", "eligible"): ("接下来：", _VISIT, _COUNTY_DECIDES, PUBLIC_NOTICE),
    ("preliminary", "needs_review"): ("接下来：", _WHO_CALLS, PREPARE_DOCUMENTS),
    ("preliminary", "ineligible"): (_APPLY_AGAIN, _ASK),
    ("final", "eligible"): ("接下来：", PUBLIC_NOTICE),
    ("final", "needs_review"): ("接下来：", _WHO_CALLS, PREPARE_DOCUMENTS),
    ("final", "ineligible"): (REVIEW_RIGHTS, _APPLY_AGAIN, _ASK),
}
NEXT_STEPS_FALLBACK: Final[tuple[str, ...]] = (_ASK,)

# Payment, for eligible decisions: monthly money by stage, one-off money, where it goes.
PAY_MONTHLY: Final = {
    "preliminary": "如果批准了，从批准的下个月开始发钱。",
    "final": "公示时没有人提出不同意见，就从批准的下个月开始发钱。",
}
PAY_ONE_OFF: Final = "一次性的钱，批准后发给您。"  # ASSUMPTION, see ASSUMPTIONS
PAY_TO_ACCOUNT: Final = "钱会打到您登记的银行卡或存折上。"  # ASSUMPTION, see ASSUMPTIONS

# ---------------------------------------------------------------------------------------------
# Outreach notices (主动发现, cq.yuzhu.outreach.suggested.v1): kind, no pressure, no promise.

TITLE_OUTREACH: Final = "政策有调整，您可能可以申请救助"
OUTREACH_OFFER: Final = "政策调整后，您可能可以享受{programs}{amounts}。"
SOME_ASSISTANCE: Final = "新的救助"  # stands in for {programs} if none were named
OUTREACH_HOW: Final = "想申请的话，请回复“我要申请”，或者到街道（乡镇）社会救助窗口重新申请。"
OUTREACH_NO_PROMISE: Final = "能不能享受，要工作人员核实后才知道。"
OUTREACH_NO_PRESSURE: Final = "不想申请也没关系，不用回复。"
# The approximate amounts, in brackets after the programs.
ABOUT_MONTHLY: Final = "（每月约{monthly}元）"
ABOUT_ONE_OFF: Final = "（一次性约{one_off}元）"
ABOUT_BOTH: Final = "（每月约{monthly}元，另外一次性约{one_off}元）"

# ---------------------------------------------------------------------------------------------
# Text messages: one segment (≤ 70 characters). No ID numbers, names, phones or incomes; the
# amounts the resident will receive are fine. The first variant that fits is sent.

SMS_LIMIT: Final = 70
LIST_SEPARATOR: Final = "、"

SMS_MONTHLY: Final = "每月{monthly}元"
SMS_ONE_OFF: Final = "一次性{one_off}元"
SMS_BOTH: Final = "每月{monthly}元，另有一次性{one_off}元"

# (stage, status) → variants, longest first; {programs} and {amounts} as above.
SMS: Final[dict[tuple[str, str], tuple[str, ...]]] = {
    ("preliminary", "eligible"): (
        "【渝助】您的{programs}申请初步符合条件，{amounts}。详情请打开渝助查看。",
        "【渝助】您的申请初步符合条件，{amounts}。详情请打开渝助查看。",
        "【渝助】您的申请初步符合条件。详情请打开渝助查看。",
    ),
    ("preliminary", "needs_review"): (
        "【渝助】您的申请需要工作人员再核实，3个工作日内会联系您。详情请打开渝助查看。",
    ),
    ("preliminary", "ineligible"): (
        "【渝助】按您填的情况，您的申请这次暂时不符合条件。详情请打开渝助查看。",
    ),
    ("final", "eligible"): (
        "【渝助】您的{programs}申请审批通过了，{amounts}。详情请打开渝助查看。",
        "【渝助】您的申请审批通过了，{amounts}。详情请打开渝助查看。",
        "【渝助】您的申请审批通过了。详情请打开渝助查看。",
    ),
    ("final", "needs_review"): (
        "【渝助】您的申请还需要工作人员再核实，3个工作日内会联系您。详情请打开渝助查看。",
    ),
    ("final", "ineligible"): (
        "【渝助】您的申请这次没有通过。不同意可以申请复核，详情请打开渝助查看。",
    ),
}
SMS_FALLBACK: Final = "【渝助】您的申请有新消息了。详情请打开渝助查看。"

SMS_OUTREACH: Final[tuple[str, ...]] = (
    "【渝助】政策调整后，您可能可以享受{programs}，{amounts}。想申请的话，请打开渝助回复“我要申请”。",
    "【渝助】政策调整后，您可能可以享受{programs}。想申请的话，请打开渝助回复“我要申请”。",
    "【渝助】政策调整后，您可能可以享受{amounts}的救助。想申请的话，请打开渝助回复“我要申请”。",
    "【渝助】政策调整后，您可能可以申请救助了。想申请的话，请打开渝助回复“我要申请”。",
)
SMS_OUTREACH_MONTHLY: Final = "每月约{monthly}元"
SMS_OUTREACH_ONE_OFF: Final = "一次性约{one_off}元"
SMS_OUTREACH_BOTH: Final = "每月约{monthly}元，另有一次性约{one_off}元"

# ---------------------------------------------------------------------------------------------
# Sentences to confirm before going live: catalogue name → what FACTS.md does not settle.

ASSUMPTIONS: Final = {
    "REVIEW_RIGHTS": (
        "The 60-day deadline and the office (区县民政局) for 复核 are not in FACTS.md "
        "(60 days is the 行政复议 deadline; 民发〔2021〕57号 as summarised gives none): confirm "
        "the remedy, its name and its deadline with the civil affairs bureau."
    ),
    "PUBLIC_NOTICE": (
        "57号 Art. 19 (7-day notice in the village or community) comes before the county's "
        "decision (Art. 20); the sentence avoids saying before or after. Confirm at which step "
        "a final determination from the caseworker console is issued."
    ),
    "PREPARE_DOCUMENTS": (
        "The list of documents (身份证、户口簿、收入证明、残疾证) comes from the product brief, "
        "not from FACTS.md: confirm with the 街道（乡镇）窗口."
    ),
    "PAY_ONE_OFF": (
        "FACTS.md gives no payment time for one-off money (临时救助; 急难型 is paid first, "
        "先行救助): the sentence promises no date."
    ),
    "PAY_TO_ACCOUNT": (
        "Payment to the registered bank card or 存折 (社保卡/一卡通) is usual practice, not "
        "in FACTS.md."
    ),
}


# A caseworker asks the resident for more (cq.yuzhu.information.requested.v1).
TITLE_INFORMATION = "工作人员请您补充一些情况"
INFORMATION_REPLY_BY = "请在{date}前回复。"
INFORMATION_HOW = "可以直接在这里回复，也可以带上材料到街道（乡镇）社会救助窗口。"
SMS_INFORMATION = "【渝助】工作人员请您补充申请的情况，请打开渝助查看。"
