"""Every Chinese sentence the engine shows a resident, in one place.

Reasons are written for someone who is 70 and reads slowly: short sentences, the actual
figures, no article numbers (those go in the separate ``citation``). Keys are
``"<rule id>/<variant>"``; the logic picks a variant and supplies the figures already written
as text, so wording can be reviewed and changed here without touching a rule.
"""

from __future__ import annotations

from services.common.programs import DISABILITY_KIND_NAMES

from .errors import ErrorCode
from .rules import Rule

# ``who`` in the templates: the beneficiary is the applicant, or someone the applicant
# applies for (often an elderly parent).
WHO_SELF = "您"
WHO_FAMILY = "您家人"

RESIDENCE = {"urban": "城市", "rural": "农村"}

DISABILITY_KIND = DISABILITY_KIND_NAMES

EMERGENCY_KIND = {
    "fire": "火灾",
    "flood": "洪涝",
    "disaster": "自然灾害",
    "accident": "意外事故",
    "illness": "突发重病",
    "expense": "大额必需支出",
    "other": "其他困难",
}

CHILD_PROGRAM = {
    "orphan": "孤儿基本生活保障",
    "unsupported_child": "事实无人抚养儿童保障",
}

SINGLE_PERSON_CONDITION = {
    "disabled": "是重度残疾人",
    "ill": "患有重病",
    "disabled_and_ill": "是重度残疾人，并患有重病",
}

_CHINESE_DIGITS = "一二三四五六七八九"


def grade_text(grade: int) -> str:
    """ "二级" for grade 2."""
    return f"{_CHINESE_DIGITS[grade - 1]}级"


def grades_up_to_text(max_grade: int) -> str:
    """ "一级" or "一至二级": the grades from the most severe down to ``max_grade``."""
    if max_grade <= 1:
        return grade_text(1)
    return f"一至{grade_text(max_grade)}"


_INCOME_BELOW = "您家人均月收入{pc}元，低于{area}低保标准{standard}元。"
_INCOME_NOT_BELOW = "您家人均月收入{pc}元，没有低于{area}低保标准{standard}元。"
_ASSETS_WITHIN = "您家人均存款等金融资产{pa}元，没有超过{limit}元（低保标准的{months}倍）。"
_ASSETS_OVER = "您家人均存款等金融资产{pa}元，超过了{limit}元（低保标准的{months}倍）。"

REASONS: dict[str, str] = {
    # 特困供养
    f"{Rule.TEKUN_UNABLE_TO_WORK}/elderly": (
        "{who}今年{age}岁，已满{elderly_age}岁，属于无劳动能力。"
    ),
    f"{Rule.TEKUN_UNABLE_TO_WORK}/minor": "{who}今年{age}岁，未满{minor_age}岁，属于无劳动能力。",
    f"{Rule.TEKUN_UNABLE_TO_WORK}/disability": "{who}是{kind}{grade}残疾，属于无劳动能力。",
    f"{Rule.TEKUN_UNABLE_TO_WORK}/fail": (
        "{who}今年{age}岁，不到{elderly_age}岁，残疾情况也不属于无劳动能力。"
    ),
    f"{Rule.TEKUN_INCOME_BELOW_STANDARD}/pass": _INCOME_BELOW,
    f"{Rule.TEKUN_INCOME_BELOW_STANDARD}/fail": _INCOME_NOT_BELOW,
    f"{Rule.TEKUN_ASSETS_WITHIN_LIMIT}/pass": _ASSETS_WITHIN,
    f"{Rule.TEKUN_ASSETS_WITHIN_LIMIT}/fail": _ASSETS_OVER,
    f"{Rule.TEKUN_NO_ABLE_SUPPORTER}/pass": "{who}没有能够履行赡养、抚养义务的亲属。",
    f"{Rule.TEKUN_NO_ABLE_SUPPORTER}/fail": (
        "{who}有能够履行赡养、抚养义务的亲属，不属于特困供养对象。"
    ),
    f"{Rule.TEKUN_SINGLE_PERSON_HOUSEHOLD}/pass": "您家只有{members}口人。",
    f"{Rule.TEKUN_SINGLE_PERSON_HOUSEHOLD}/fail": "您家有{members}口人，不是一人户。",
    f"{Rule.TEKUN_SINGLE_PERSON_HOUSEHOLD}/review": (
        "您家有{members}口人，特困供养需要工作人员核实家庭情况后认定。"
    ),
    f"{Rule.TEKUN_CHILD_ASSISTANCE_PRIORITY}/fail": (
        "{who}可以享受{child}，按规定不再重复享受特困供养。"
    ),
    f"{Rule.TEKUN_AMOUNT}/pass": "特困人员基本生活费每月{amount}元。",
    # 城乡低保
    f"{Rule.DIBAO_INCOME_BELOW_STANDARD}/pass": _INCOME_BELOW,
    f"{Rule.DIBAO_INCOME_BELOW_STANDARD}/fail": _INCOME_NOT_BELOW,
    f"{Rule.DIBAO_ASSETS_WITHIN_LIMIT}/pass": _ASSETS_WITHIN,
    f"{Rule.DIBAO_ASSETS_WITHIN_LIMIT}/fail": _ASSETS_OVER,
    f"{Rule.DIBAO_NO_DOUBLE_COVERAGE}/fail": ("{who}已符合特困供养条件，按规定不再重复享受低保。"),
    f"{Rule.DIBAO_SINGLE_PERSON_COVERAGE}/pass": (
        "您家人均月收入{pc}元，在低保标准的{multiple}倍（{band}元）以内，"
        "{who}{condition}，可以申请“单人保”，需要工作人员审核。"
    ),
    f"{Rule.DIBAO_SINGLE_PERSON_COVERAGE}/fail": (
        "您家人均月收入{pc}元，在低保标准的{multiple}倍（{band}元）以内，"
        "但{who}不是重度残疾人或重病患者，不能申请“单人保”。"
    ),
    f"{Rule.DIBAO_AMOUNT}/pass": (
        "低保按差额发放：{area}低保标准{standard}元×{members}人－家庭月收入{income}元"
        "＝每月{amount}元。"
    ),
    # 低保边缘家庭
    f"{Rule.MARGINAL_INCOME_NOT_BELOW_STANDARD}/pass": (
        "您家人均月收入{pc}元，没有低于低保标准{standard}元。"
    ),
    f"{Rule.MARGINAL_INCOME_NOT_BELOW_STANDARD}/fail": (
        "您家人均月收入{pc}元，低于低保标准{standard}元，按低保审核，不算低保边缘家庭。"
    ),
    f"{Rule.MARGINAL_INCOME_BELOW_MULTIPLE}/pass": (
        "您家人均月收入{pc}元，低于低保标准的{multiple}倍（{band}元）。"
    ),
    f"{Rule.MARGINAL_INCOME_BELOW_MULTIPLE}/fail": (
        "您家人均月收入{pc}元，没有低于低保标准的{multiple}倍（{band}元）。"
    ),
    f"{Rule.MARGINAL_ASSETS_WITHIN_LIMIT}/pass": _ASSETS_WITHIN,
    f"{Rule.MARGINAL_ASSETS_WITHIN_LIMIT}/fail": _ASSETS_OVER,
    f"{Rule.MARGINAL_REGISTRATION}/pass": (
        "您家可以登记为低保边缘家庭：没有按月补助，但可以申请医疗、教育等专项救助，"
        "社区会定期关心您家的情况。"
    ),
    # 临时救助
    f"{Rule.TEMPORARY_EMERGENCY_REPORTED}/pass": "您报告的困难是：{emergency}。",
    f"{Rule.TEMPORARY_EMERGENCY_REPORTED}/fail": "您没有报告突发困难，不涉及临时救助。",
    f"{Rule.TEMPORARY_URGENT_KIND}/pass": "{emergency}属于急难情况，可以先行救助。",
    f"{Rule.TEMPORARY_URGENT_KIND}/fail": (
        "{emergency}不属于急难情况，需要工作人员审核后确定救助金额。"
    ),
    f"{Rule.TEMPORARY_AMOUNT}/pass": (
        "先行救助金额为{area}低保标准{standard}元的{months}倍，一次性发放{amount}元。"
    ),
    # 困难残疾人生活补贴
    f"{Rule.DISABILITY_LIVING_GRADE}/pass": "{who}是{kind}{grade}残疾。",
    f"{Rule.DISABILITY_LIVING_GRADE}/fail": (
        "{who}是{kind}{grade}残疾，不在困难残疾人生活补贴的范围内。"
    ),
    f"{Rule.DISABILITY_LIVING_GRADE}/none": "{who}没有残疾等级，不涉及困难残疾人生活补贴。",
    f"{Rule.DISABILITY_LIVING_DIBAO_HOUSEHOLD}/pass": "您家符合低保条件。",
    f"{Rule.DISABILITY_LIVING_DIBAO_HOUSEHOLD}/pending": (
        "您家的低保还要工作人员审核，审核通过后才能领取困难残疾人生活补贴。"
    ),
    f"{Rule.DISABILITY_LIVING_DIBAO_HOUSEHOLD}/fail": (
        "困难残疾人生活补贴发给低保家庭的残疾人，您家目前不符合低保条件。"
    ),
    f"{Rule.DISABILITY_LIVING_AMOUNT}/pass": "困难残疾人生活补贴每月{amount}元。",
    # 重度残疾人护理补贴
    f"{Rule.DISABILITY_CARE_SEVERE_GRADE}/pass": "{who}是{kind}{grade}残疾，属于重度残疾。",
    f"{Rule.DISABILITY_CARE_SEVERE_GRADE}/fail": (
        "重度残疾人护理补贴发给{grades}残疾人，{who}是{kind}{grade}残疾。"
    ),
    f"{Rule.DISABILITY_CARE_SEVERE_GRADE}/none": ("{who}没有残疾等级，不涉及重度残疾人护理补贴。"),
    f"{Rule.DISABILITY_CARE_NOT_TEKUN}/fail": (
        "{who}已符合特困供养条件，护理补贴不和特困人员的照料护理重复享受。"
    ),
    f"{Rule.DISABILITY_CARE_AMOUNT}/pass": "{grade}残疾人护理补贴每月{amount}元。",
    # 孤儿
    f"{Rule.ORPHAN_UNDER_AGE}/pass": "{who}今年{age}岁，未满{max_age}岁。",
    f"{Rule.ORPHAN_UNDER_AGE}/fail": "{who}今年{age}岁，已满{max_age}岁，不涉及孤儿保障。",
    f"{Rule.ORPHAN_PARENTS}/pass": "{who}的父母都已去世或失踪。",
    f"{Rule.ORPHAN_PARENTS}/fail": "{who}的父母不是都已去世或失踪，不属于孤儿。",
    f"{Rule.ORPHAN_PARENTS}/unknown": "没有填写父母情况，不涉及孤儿保障。",
    f"{Rule.ORPHAN_AMOUNT}/institution": "在福利机构集中养育的孤儿，基本生活费每月{amount}元。",
    f"{Rule.ORPHAN_AMOUNT}/scattered": "在社会上分散养育的孤儿，基本生活费每月{amount}元。",
    # 事实无人抚养儿童
    f"{Rule.UNSUPPORTED_CHILD_UNDER_AGE}/pass": "{who}今年{age}岁，未满{max_age}岁。",
    f"{Rule.UNSUPPORTED_CHILD_UNDER_AGE}/fail": (
        "{who}今年{age}岁，已满{max_age}岁，不涉及事实无人抚养儿童保障。"
    ),
    f"{Rule.UNSUPPORTED_CHILD_PARENTS}/both_incapable": "{who}的父母双方都没有能力抚养。",
    f"{Rule.UNSUPPORTED_CHILD_PARENTS}/one_deceased_other_incapable": (
        "{who}的父母一方已去世或失踪，另一方没有能力抚养。"
    ),
    f"{Rule.UNSUPPORTED_CHILD_PARENTS}/fail": "{who}的父母情况不属于事实无人抚养儿童。",
    f"{Rule.UNSUPPORTED_CHILD_PARENTS}/unknown": "没有填写父母情况，不涉及事实无人抚养儿童保障。",
    f"{Rule.UNSUPPORTED_CHILD_AMOUNT}/pass": "事实无人抚养儿童基本生活补贴每月{amount}元。",
}


def reason_message(rule: Rule, variant: str, **figures: str) -> str:
    return REASONS[f"{rule}/{variant}"].format(**figures)


FIELD_LABELS: dict[str, str] = {
    "": "申请内容",
    "application_id": "申请编号",
    "submitted_at": "申请时间",
    "channel": "申请渠道",
    "applicant": "申请人信息",
    "applicant.name": "申请人姓名",
    "applicant.id_number": "身份证号码",
    "applicant.phone": "手机号码",
    "beneficiary": "受助人信息",
    "beneficiary.name": "受助人姓名",
    "beneficiary.id_number": "受助人的身份证号码",
    "beneficiary.disability_grade": "残疾等级",
    "beneficiary.disability_kind": "残疾类别",
    "beneficiary.serious_illness": "是否患有重病",
    "beneficiary.able_supporter": "是否有能履行义务的赡养（抚养）人",
    "beneficiary.parents": "父母情况",
    "beneficiary.in_institution": "是否在福利机构生活",
    "household": "家庭信息",
    "household.district": "所在区县",
    "household.residence": "城市或农村",
    "household.members": "家庭人口",
    "household.monthly_income": "家庭月收入",
    "household.financial_assets": "家庭存款等金融资产",
    "emergency": "突发困难信息",
    "emergency.kind": "困难类型",
    "emergency.medical_expense": "医疗费用",
    "programs_requested": "申请的救助项目",
}

ERRORS: dict[ErrorCode, str] = {
    ErrorCode.NO_POLICY: (
        "申请时间早于{earliest}，本系统没有那时的救助标准，请到街道（乡镇）社会救助窗口咨询。"
    ),
    ErrorCode.INVALID_JSON: "这份申请的数据不完整，没法读取，请重新提交。",
    ErrorCode.MISSING_FIELD: "缺少{label}，请补充后重新提交。",
    ErrorCode.INVALID_TYPE: "{label}的填写格式不对，请核对后重新填写。",
    ErrorCode.INVALID_ENUM: "{label}的选项不对，请重新选择。",
    ErrorCode.INVALID_TIMESTAMP: "申请时间有误，请重新提交申请。",
    ErrorCode.INVALID_ID_FORMAT: "{label}应为18位，最后一位可以是大写X，请核对后重新输入。",
    ErrorCode.INVALID_ID_CHECKSUM: "{label}有误，请核对后重新输入。",
    ErrorCode.INVALID_ID_BIRTHDATE: "{label}中的出生日期有误，请核对后重新输入。",
    ErrorCode.INVALID_PHONE: "{label}应为11位手机号码，请核对后重新输入。",
    ErrorCode.UNKNOWN_DISTRICT: "没有找到这个区县，请选择重庆市的区县名称。",
    ErrorCode.INVALID_MEMBERS: "家庭人口至少要有1人，请核对后重新填写。",
    ErrorCode.NEGATIVE_AMOUNT: "{label}不能是负数，请核对后重新填写。",
}


def error_message(code: ErrorCode, field: str = "", **figures: str) -> str:
    label = FIELD_LABELS.get(field, FIELD_LABELS[""])
    return ERRORS[code].format(label=label, **figures)
