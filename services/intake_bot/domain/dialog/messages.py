"""Every sentence the bot shows a resident, in one place.

Written for a 70-year-old in 巫溪 reading on a phone: short sentences, everyday words (低保, not
最低生活保障制度), one thing at a time. Buttons (``options``) are words residents would type
themselves, because whatever is tapped goes through the NLU like typed text: each one must be
understood in answer to its own question (a 是/不是 to a yes-or-no question comes back as
affirm/deny).
"""

from __future__ import annotations

from collections.abc import Mapping

from services.common.programs import DISABILITY_KIND_NAMES

from .absorb import Trouble

# The time limits of 民发〔2021〕57号 (FACTS.md): investigation Art. 15, decision Art. 20,
# public notice Art. 19, payment Art. 21, whole process Art. 22.
INVESTIGATION_DAYS = 3
DECISION_DAYS = 10
NOTICE_DAYS = 7
WHOLE_PROCESS_DAYS = 30

YES_NO = ("是", "不是")
HAVE_OR_NOT = ("有", "没有")
OFFER_OPTIONS = ("转人工", "再试试")
APPLY_BUTTON = "我要申请"
STATUS_BUTTON = "查进度"
HUMAN_BUTTON = "转人工"

GREETING = (
    "您好！我是渝助，帮您在手机上申请低保、特困、临时救助这些。"
    "我问您几个问题，一个一个回答就行，一次说好几样也可以。"
)
START = "好的，我来帮您申请{program}。我问您几个问题，一个一个回答就行，一次说好几样也可以。"
HELLO_AGAIN = "您好！我们接着来。"
HELLO_AFTER_SUBMISSION = "您好！想查申请进度，还是再申请一份？"
WHAT_CAN_I_DO = "有什么可以帮您？"
THANKS = "不客气。"
THANKS_IDLE = "不客气，有事随时找我。"
OUT_OF_SCOPE = "这个我帮不上忙，我只管低保这些救助的申请。"
HOW_TO_APPLY = "想申请的话，跟我说“我要申请”。"
CORRECTED = "好的，改过来了。"
NOTED = "好的，记下了。"
TELL_ME_WHAT_IS_RIGHT = "哪里不对，直接告诉我对的就行。"
RETRY = "好的，我们再试一次。"
OFFER_PERSON = "这一步好像不太好弄。要不要请工作人员来帮您？"
HANDED_OFF = "好的，已经帮您转给工作人员了。工作日上班时间，工作人员会在这里回复您，请留意消息。"
ALREADY_SUBMITTED = "您的申请已经交上去了。信息要改的话，请找工作人员；要再申请一份，点“我要申请”。"

CANCELLED = "好的，这次申请取消了，刚才填的信息都删掉了。以后想申请，跟我说“我要申请”就行。"
CANNOT_WITHDRAW = "交上去的申请在这里撤不回来。要撤回，请找工作人员。"
NOTHING_TO_CANCEL = "现在没有正在办的申请。"

NOT_SUBMITTED = "您还没有提交申请。"
NO_RESULT_YET = f"还没有结果，一般{DECISION_DAYS}个工作日内会告诉您。"
REFERENCE_IS = "您的申请编号是{reference}。"
STILL_SUBMITTING = "您的申请正在提交，请稍等。"

SUBMITTING = "好的，正在帮您提交，请稍等。"
SUBMITTED = "申请交上去了！申请编号：{reference}。请记好，查进度时用得上。"
NEXT_STEPS = (
    "接下来这样办：\n"
    f"1. {INVESTIGATION_DAYS}个工作日内，工作人员会上门或打电话了解情况。\n"
    f"2. {DECISION_DAYS}个工作日内，区县会作出决定，结果在这里告诉您。\n"
    f"3. 批准了要公示{NOTICE_DAYS}天，从批准的下个月开始发钱。\n"
    f"整个过程一般不超过{WHOLE_PROCESS_DAYS}个工作日。"
)

TROUBLE: Mapping[Trouble, str] = {
    Trouble.UNCLEAR: "没太听明白。",
    Trouble.ID_INVALID: "这个身份证号码好像不对，请再对一下，一共18位。",
    Trouble.ID_IS_APPLICANTS: "这是您自己的身份证号码。",
    Trouble.PHONE_INVALID: "这个手机号码好像不对，应该是1开头的11位数字。",
    Trouble.DISTRICT_UNKNOWN: "没找到这个区县。",
    Trouble.HOUSEHOLD_SIZE: "人数好像不对。",
    Trouble.MONEY: "这个钱数好像不对。",
    Trouble.GRADE: "残疾证只有一级到四级。",
}

# --- questions ---
ASK_APPLICANT_NAME = "请问您叫什么名字？"
ASK_APPLICANT_ID = "请发一下您的身份证号码（18位）。"
ASK_PHONE = "您的手机号码是多少？有消息会打这个电话。"
ASK_RELATION = "这次是给您自己申请吗？给家里别人申请，就点“不是”。"
RELATION_OPTIONS = YES_NO
ASK_BENEFICIARY_NAME = "要帮的这个人叫什么名字？"
ASK_BENEFICIARY_ID = "请发一下{name}的身份证号码（18位）。"
ASK_DISTRICT = "{whose}户口在哪个区县？比如“巫溪县”“万州区”。"
ASK_RESIDENCE = "是城镇户口，还是农村户口？"
RESIDENCE_OPTIONS = ("城镇", "农村")
ASK_HOUSEHOLD_SIZE = "{who}家里一共几口人？{self_}也算上。"
ASK_MONTHLY_INCOME = "全家每个月加起来大概有多少收入？没有收入就说“没有”。"
ASK_SAVINGS = "全家的存款和现金加起来大概有多少？没有就说“没有”。"
ASK_PARENTS = "{name}的爸爸妈妈现在是什么情况？“没能力”是说重残、重病、坐牢这一类。"
# "One dead, the other unable" has no button: no short wording of it is understood yet;
# typed out (爸爸去世了，妈妈坐牢) it is.
PARENTS_OPTIONS = ("都在，能照顾", "都去世或找不到了", "都没能力照顾")
ASK_IN_INSTITUTION = "{name}现在是不是住在福利院？"
ASK_HAS_DISABILITY = "{who}有没有残疾证？"
ASK_DISABILITY_GRADE = "残疾证上写的是几级？"
GRADE_OPTIONS = ("一级", "二级", "三级", "四级")
ASK_DISABILITY_KIND = "是哪一类残疾？"
KIND_OPTIONS = ("肢体", "视力", "听力", "言语", "智力", "精神", "多重")
ASK_SUPPORTER_ADULT = "有没有子女或亲人能照顾、赡养{who}？"
ASK_SUPPORTER_CHILD = "有没有别的亲人能抚养{who}？"
ASK_SERIOUS_ILLNESS = "{who}有没有得重病、大病？比如癌症、尿毒症。"
ASK_EMERGENCY = "遇到了什么急事？"
EMERGENCY_OPTIONS = ("着火了", "发大水", "房子垮了", "车祸或意外", "生了大病", "开销太大")
ASK_MEDICAL_EXPENSE = "看病一共花了多少钱？说个大概就行。"
ASK_FIX = "哪一项不对？直接告诉我对的就行，比如“家里是四口人”。"
FIX_OPTIONS = ("都对", HUMAN_BUTTON)

# --- the confirmation summary ---
SUMMARY_HEAD = "请您核对一下："
SUMMARY_TAIL = "对的话点“是”，要改的话点“不是”。"
SUMMARY_NAME = "姓名：{value}"
SUMMARY_ID = "身份证：{value}"
SUMMARY_PHONE = "电话：{value}"
SUMMARY_HOME = "户口：{district}，{residence}"
SUMMARY_HOUSEHOLD = "家里：{n}口人"
SUMMARY_INCOME = "全家月收入：{value}"
SUMMARY_SAVINGS = "存款：{value}"
SUMMARY_FOR_SELF = "帮谁申请：您自己"
SUMMARY_FOR_OTHER = "帮谁申请：{name}（身份证{id}）"
SUMMARY_PARENTS = "爸爸妈妈：{value}"
SUMMARY_INSTITUTION = "住在福利院：{value}"
SUMMARY_DISABILITY = "残疾证：{value}"
SUMMARY_SUPPORTER = "有亲人能照顾：{value}"
SUMMARY_ILLNESS = "重病大病：{value}"
SUMMARY_EMERGENCY = "急事：{value}"
SUMMARY_MEDICAL = "看病花了：{value}"
SUMMARY_PROGRAMS = "申请：{value}"
NONE = "没有"
YES = "是"
NO = "不是"
HAVE = "有"
LIST_SEPARATOR = "、"

RESIDENCE_WORDS: Mapping[str, str] = {"urban": "城镇", "rural": "农村"}
KIND_WORDS: Mapping[str, str] = DISABILITY_KIND_NAMES
GRADE_WORDS: Mapping[int, str] = {1: "一级", 2: "二级", 3: "三级", 4: "四级"}
DISABILITY_TEXT = "{grade}{kind}残疾"
PARENTS_WORDS: Mapping[str, str] = {
    "normal": "都在，能照顾",
    "both_deceased_or_missing": "都去世或找不到了",
    "both_incapable": "都没能力照顾",
    "one_deceased_other_incapable": "一个去世，一个没能力",
}
EMERGENCY_WORDS: Mapping[str, str] = {
    "fire": "着火",
    "flood": "发大水",
    "disaster": "房子垮了或别的灾",
    "accident": "车祸或意外",
    "illness": "生了大病",
    "expense": "开销太大",
    "other": "别的急事",
}
YUAN = "{amount}元"
WAN_YUAN = "{amount}万元"

# --- people ---
YOU = "您"
YOUR = "您的"
HIM = "他"
HER = "她"
THIS_PERSON = "这个人"
POSSESSIVE = "{who}的"
YOURSELF = "您自己"
SELF_OF = "{pronoun}自己"

# --- answers about the rules (ask_policy) ---
POLICY_DIBAO_BOTH = "现在城市低保标准是每人每月{urban}元，农村是{rural}元。"
POLICY_DIBAO_ONE = "现在{place}低保标准是每人每月{amount}元。"
POLICY_PLACE: Mapping[str, str] = {"urban": "城市", "rural": "农村"}
POLICY_TEKUN = "特困供养每人每月{amount}元。"
POLICY_MARGINAL = (
    "家里每人每月收入比低保标准高一点、但不到它的{multiple}倍，"
    "可以登记成低保边缘家庭，有困难优先帮。"
)
POLICY_TEMPORARY = (
    "遇到着火、发大水、大病、车祸这样的急事，可以申请临时救助，"
    "急的可以先发{months}个月低保标准的钱。"
)
POLICY_DISABILITY_LIVING = "低保家庭里的残疾人，每月还有{amount}元生活补贴。"
POLICY_DISABILITY_CARE = "一级、二级残疾的人有护理补贴：一级每月{grade1}元，二级每月{grade2}元。"
POLICY_ORPHAN = "孤儿每月的基本生活费：住福利院的{institution}元，在家里的{scattered}元。"
POLICY_UNSUPPORTED_CHILD = "没人抚养的孩子（事实无人抚养儿童），每月{amount}元。"
POLICY_MATERIALS = "要准备的东西：身份证、户口簿、家里收入情况、残疾证（有的话）、银行卡或存折。"
POLICY_TIMES = (
    f"交上去以后，{INVESTIGATION_DAYS}个工作日内有人来了解情况，"
    f"{DECISION_DAYS}个工作日内区县作决定，公示{NOTICE_DAYS}天，批准后下个月开始发钱，"
    f"全部一般不超过{WHOLE_PROCESS_DAYS}个工作日。"
)
