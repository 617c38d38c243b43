"""The intent of a message, by keywords and what the bot just asked.

A decision list, most specific first: at the confirmation step yes/no/cancel come before
anything else; a request for a person or to stop wins over the rest; progress questions are
``check_status`` before the general question words make them ``ask_policy``; a question about
the programs is ``ask_policy``; wanting help or naming a program is ``apply``; facts are
``inform``; greetings and thanks only when nothing else is said.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from services.intake_bot.domain.understanding import Intent

from .text import CLAUSE_BREAKS

BOOLEAN_SLOTS = frozenset({"serious_illness", "able_supporter", "in_institution"})

_HUMAN_RE = re.compile(
    r"人工|真人|客服|工作人员|社工|领导|负责人|投诉|网格员|村干部|社区干部|找个人|叫个人|跟人说|"
    r"和人说|换个人|活人|不要机器|不想跟机器|不和机器|机器人听不懂|"
    r"(?:和|跟|找|让|叫)(?:你们)?(?:社区|街道|村委|居委|民政|村上|村里)(?:的|里的|上的)?(?:人|干部|同志)"
)
# Asking to be phoned is asking for a person, unless the message is giving the number.
_CALL_ME_RE = re.compile(r"打电话|给我打|联系我|回电话|热线")
_CANCEL_RE = re.compile(
    r"取消|不办了|不申请了|不想申请了|不想办了|不用办了|不用申请了|撤回|撤销|不弄了|不搞了|"
    r"退出|不要了|停止办理|不办理了|算了|先不办|不想弄了|不需要了|不用了"
)
_THANKS_RE = re.compile(r"谢谢|多谢|感谢|谢了|谢啦|辛苦了|辛苦你|thank|thx|3q")
_GREET_RE = re.compile(
    r"你好|您好|你们好|大家好|早上好|上午好|中午好|下午好|晚上好|早安|早啊|^早$|在吗|在不在|在没|有人吗|"
    r"有人没|哈喽|哈罗|hello|^hi\b|嗨|^喂|老师好"
)
_STATUS_RE = re.compile(
    r"进度|审核(?:结果|通过|得怎么样|得咋样|到|了没|没|完|中)|还在审核|在审核|审批结果|批下来|"
    r"批了|批没批|批没有|通过没|通过了没|通过了吗|有消息|有没有消息|结果出来|有结果|没得结果|"
    r"没有结果|到账|到哪一步|到哪了|到哪儿了|办得怎么样|办得咋样|办得如何|办下来|办好了没|"
    r"办好没|申请状态|查(?:一下|下|询)?(?:我的|我们的|我家的)?申请|办到哪|申请结果|"
    r"(?:审核|审批|批|通过|办好|办下来|下来)过?了?(?:没|吗|没有|没得|莫得)|"
    r"(?:提交|申请|交)(?:的|了)?[^。]{0,12}(?:啥情况|什么情况|怎么样了|咋样了|如何了)|"
    r"(?:没|没有|没得|莫得)(?:啥)?(?:消息|动静|回音|回复|下文)|提交了吗|提交成功|交上去了|"
    r"(?:什么时候|啥时候|好久|多久)(?:能|可以|才能)?(?:拿到|领到|收到|到账)|yz\d{8}"
)
# "Hardly any", not a question: 没得啥子存款.
_NONE_TO_SPEAK_OF_RE = re.compile(r"(?:没有|没得|莫得|没)(?:啥子|什么|啥)")
# Asking for help with question words is a request, not a question (能不能给点补助).
_REQUEST_RE = re.compile(
    r"能不能(?:给|帮|救|补)|可不可以(?:给|帮)|可以(?:给|帮)|能(?:给|帮)(?:我|下|点|个)|"
    r"请(?:帮|给)|求(?:帮|助|救|你们)|麻烦(?:你|您)?(?:帮|给)"
)
# 怎么办 is helplessness (房子垮了怎么办), unless it follows a program (低保咋个办: how to apply).
_HELPLESS_RE = re.compile(r"怎么办(?!理)|咋个?办(?!理)|咋个整|怎么整")
# Interrogatives: a message with one of these is a question.
_ASKING_RE = re.compile(
    r"多少|(?<![了花])好多|怎么|怎样|如何|咋|什么|啥|哪些|哪里|哪儿|在哪|哪个部门|要带|多久|"
    r"多长时间|几次|几级|几天|几个月|能不能|可不可以|可以不|行不行|算不算|是不是|有没有|要不要|"
    r"(?<!了)好久(?!了)|"
    r"还是|区别|问一下|问下|想问|请问|咨询|了解一下|打听"
)
# Question particles, which also end requests (能帮我申请一下吗).
_PARTICLE_RE = re.compile(r"吗|么|\?|[^不]不$|呢$")
# Topic words of policy questions, which also occur in statements (符合条件，想申请).
_TOPIC_RE = re.compile(r"标准|条件|材料|政策|规定|资格|认定|符合|手续")
# Only "can I" (no how / how much / what): after an emergency that is asking for the help.
_CAN_I_RE = re.compile(r"能不能|可不可以|可以|能")
_DOMAIN_RE = re.compile(
    r"低保|补贴|补助|救助|救济|申请|办理|材料|收入|存款|户口|残疾|证明|政策|标准|条件|审批|"
    r"审核|领|发|街道|社区|民政|钱|供养|孤儿|抚养|五保|特困|边缘|困难|资格|表|手续|办|复查|"
    r"身份证|填|信息|资料|办公|地址|窗口|时间"
)
_WANT_RE = re.compile(r"想|要|申请|办|帮我|帮忙|给点|求")
_HELP_RE = re.compile(
    r"救助|补助|补贴|救济|帮助|帮忙|困难|过不下去|活不下去|申请|照顾|兜底|救急|帮下忙|帮帮"
)
_FORM_WORDS_RE = re.compile(r"申请人|申请表|申请书")
_HARDSHIP_RE = re.compile(r"困难|恼火|造孽|可怜|没钱|没得钱|莫得钱|穷")
_STRONG_HELP_RE = re.compile(
    r"求助|需要帮助|过不下去|活不下去|过不走|求帮忙|帮下忙|帮帮|救救|申请救助|申请补助|"
    r"恼火得很|日子难过|日子苦|吃不起饭|看不起病|没钱看病|揭不开锅|没法活|走投无路|"
    + _HELPLESS_RE.pattern
)
# Whole answers only: 没错 and 没问题 are yes even though they contain 错 and 没.
_YES_WORDS = (
    "是", "是的", "是滴", "是嘞", "对", "对的", "对头", "对啊", "对呀", "嗯", "嗯嗯", "恩", "好",
    "好的", "好滴", "好嘞", "行", "可以", "可以的", "要得", "没问题", "没错", "确认", "确定",
    "ok", "okay", "yes", "y", "同意", "有", "有的", "在",
)  # fmt: skip
_NO_WORDS = (
    "不", "不是", "不是的", "不对", "否", "no", "n", "没有", "没得", "莫得", "没", "无", "不在",
    "不同意", "不行", "错", "错了", "不要",
)  # fmt: skip
_CONFIRM_YES_RE = re.compile(
    r"没错|没问题|没有问题|没得问题|莫得问题|^(?:是|对|好|嗯|恩|行|可以|要得|确认|确定|ok)|"
    r"就这样|提交|确认|对的|是的|要得|对头|都对|正确|无误|对着的"
)
_CONFIRM_NO_RE = re.compile(
    r"不对|不是|错了|有误|不正确|写错|填错|搞错|弄错|改一下|改成|修改|重新|不行|不要提交|"
    r"不同意|没对|^错|^否|^no\b|有点问题"
)
_NO_START_RE = re.compile(r"^(?:没有|没得|莫得|没|无|不是|不在|不|否|no\b)")
_YES_START_RE = re.compile(r"^(?:有|是|对|在|嗯|恩|好|要得|对头|yes\b)")
_SEPARATORS_RE = re.compile(r"[\s" + re.escape(CLAUSE_BREAKS) + r"\"'“”‘’()（）【】]+")
_TRAILING_PARTICLES = "啊呀哦嘛噻哈的了嘞呢吧"


def classify(text: str, slots: Mapping[str, Any], expecting: str | None) -> Intent:
    """The intent of ``text`` (normalised) given the slots found in it."""
    bare = _SEPARATORS_RE.sub("", text)
    if not bare:
        return Intent.OUT_OF_SCOPE
    if expecting == "confirm":
        decided = _at_confirmation(text, slots)
        if decided is not None:
            return decided
    if expecting in BOOLEAN_SLOTS and len(bare) <= 12:
        said = False if _NO_START_RE.match(bare) else True if _YES_START_RE.match(bare) else None
        # 有个儿子但是不管我: starts like a yes, but the slot it carries says no.
        if said is not None and slots.get(expecting, said) == said:
            return Intent.AFFIRM if said else Intent.DENY
    question = _is_question(text, slots)
    if _HUMAN_RE.search(text) or (_CALL_ME_RE.search(text) and "phone" not in slots):
        return Intent.HUMAN
    if _CANCEL_RE.search(text) and not question:
        return Intent.CANCEL
    if _STATUS_RE.search(text):
        return Intent.CHECK_STATUS
    if question and ("program" in slots or expecting or _DOMAIN_RE.search(text)):
        return Intent.ASK_POLICY
    if _wants_help(text, slots):
        return Intent.APPLY
    if slots:
        return Intent.INFORM
    if _THANKS_RE.search(text):
        return Intent.THANKS
    if _HARDSHIP_RE.search(text):
        return Intent.APPLY  # 生活太困难了: telling us how hard it is is asking for help
    if _GREET_RE.search(text):
        return Intent.GREET
    answer = bare.rstrip(_TRAILING_PARTICLES) or bare
    if answer in _YES_WORDS or bare in _YES_WORDS:
        return Intent.AFFIRM
    if answer in _NO_WORDS or bare in _NO_WORDS:
        return Intent.DENY
    return Intent.OUT_OF_SCOPE


def _at_confirmation(text: str, slots: Mapping[str, Any]) -> Intent | None:
    if _CANCEL_RE.search(text):
        return Intent.CANCEL
    if _HUMAN_RE.search(text):
        return Intent.HUMAN
    if re.search(r"没错|没问题|没有问题|没得问题|莫得问题", text):
        return Intent.AFFIRM
    if _CONFIRM_NO_RE.search(text):
        return Intent.DENY
    if _CONFIRM_YES_RE.search(text):
        return Intent.AFFIRM
    if slots:
        return Intent.DENY  # a different fact at the confirmation step is a correction
    return None


def _is_question(text: str, slots: Mapping[str, Any]) -> bool:
    if "program" in slots and _HELPLESS_RE.search(text):
        return True
    rest = _NONE_TO_SPEAK_OF_RE.sub("", _HELPLESS_RE.sub("", text))
    requested = _REQUEST_RE.search(rest)
    rest = _REQUEST_RE.sub("", rest)
    asking = _ASKING_RE.findall(rest)
    if asking and "emergency" in slots and all(_CAN_I_RE.fullmatch(a) for a in asking):
        return False  # 滑坡把房子埋了，能不能申请临时救助: a request
    if asking:
        return True
    if not requested and _PARTICLE_RE.search(rest):
        return True
    return bool(_TOPIC_RE.search(rest) and not _WANT_RE.search(rest))


def _wants_help(text: str, slots: Mapping[str, Any]) -> bool:
    text = _FORM_WORDS_RE.sub("", text)  # 申请人：何大贵 gives a name, it asks for nothing
    if "program" in slots or _STRONG_HELP_RE.search(text):
        return True
    asking = _WANT_RE.search(text) or _REQUEST_RE.search(text)
    return bool(asking and _HELP_RE.search(text))
