"""Chongqing's 38 区县: canonical names, GB/T 2260 codes, the 一区两群 group, and the
names residents still use (former county names, short forms).

Source: ``docs/sources/policy/FACTS.md``, section
"Chongqing's 38 区县". This is reference data, not configuration: a new administrative change
is a code review, not a deploy-time setting.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class DistrictGroup(StrEnum):
    """The city's 一区两群 grouping used in reports and dashboards."""

    MAIN_URBAN = "主城都市区"
    NORTHEAST = "渝东北"
    SOUTHEAST = "渝东南"


@dataclass(frozen=True, slots=True)
class District:
    name: str
    code: str
    group: DistrictGroup
    former_names: tuple[str, ...] = ()

    @property
    def short_names(self) -> tuple[str, ...]:
        """Forms residents write: 渝中 for 渝中区, 石柱 for 石柱土家族自治县, 巫溪 for 巫溪县."""
        forms: list[str] = []
        for suffix in ("土家族苗族自治县", "苗族土家族自治县", "土家族自治县", "区", "县"):
            if self.name.endswith(suffix):
                stem = self.name[: -len(suffix)]
                forms.append(stem)
                if suffix.endswith("自治县"):
                    forms.append(stem + "县")  # 酉阳县, 石柱县: how people say it
                break
        return tuple(f for f in forms if len(f) >= 2)


_M, _NE, _SE = DistrictGroup.MAIN_URBAN, DistrictGroup.NORTHEAST, DistrictGroup.SOUTHEAST

DISTRICTS: tuple[District, ...] = (
    District("渝中区", "500103", _M),
    District("大渡口区", "500104", _M),
    District("江北区", "500105", _M),
    District("沙坪坝区", "500106", _M),
    District("九龙坡区", "500107", _M),
    District("南岸区", "500108", _M),
    District("北碚区", "500109", _M),
    District("渝北区", "500112", _M),
    District("巴南区", "500113", _M),
    District("涪陵区", "500102", _M),
    District("长寿区", "500115", _M),
    District("江津区", "500116", _M),
    District("合川区", "500117", _M),
    District("永川区", "500118", _M),
    District("南川区", "500119", _M),
    District("綦江区", "500110", _M, ("万盛区", "万盛")),  # 万盛 merged into 綦江 in 2011
    District("大足区", "500111", _M, ("双桥区", "双桥")),  # 双桥 merged into 大足 in 2011
    District("璧山区", "500120", _M),
    District("铜梁区", "500151", _M, ("铜梁县",)),
    District("潼南区", "500152", _M, ("潼南县",)),
    District("荣昌区", "500153", _M, ("荣昌县",)),
    District("万州区", "500101", _NE),
    District("开州区", "500154", _NE, ("开县",)),
    District("梁平区", "500155", _NE, ("梁平县",)),
    District("城口县", "500229", _NE),
    District("丰都县", "500230", _NE),
    District("垫江县", "500231", _NE),
    District("忠县", "500233", _NE),
    District("云阳县", "500235", _NE),
    District("奉节县", "500236", _NE),
    District("巫山县", "500237", _NE),
    District("巫溪县", "500238", _NE),
    District("黔江区", "500114", _SE),
    District("武隆区", "500156", _SE, ("武隆县",)),
    District("石柱土家族自治县", "500240", _SE),
    District("秀山土家族苗族自治县", "500241", _SE),
    District("酉阳土家族苗族自治县", "500242", _SE),
    District("彭水苗族土家族自治县", "500243", _SE),
)

BY_NAME: dict[str, District] = {d.name: d for d in DISTRICTS}
CANONICAL_NAMES: tuple[str, ...] = tuple(d.name for d in DISTRICTS)


def _aliases() -> dict[str, District]:
    table: dict[str, District] = {}
    for d in DISTRICTS:
        for alias in (d.name, *d.former_names, *d.short_names):
            table.setdefault(alias, d)
    return table


ALIASES: dict[str, District] = _aliases()


def lookup(name: str) -> District | None:
    """The district a resident means by ``name`` (canonical, former or short form), or None."""
    return ALIASES.get(name.strip())


def group_of(canonical_name: str) -> DistrictGroup:
    """The 一区两群 group of a canonical district name; KeyError for anything else."""
    return BY_NAME[canonical_name].group
