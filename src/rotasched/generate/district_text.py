"""What a generated district says of itself: the comment on top and a note per section."""

from __future__ import annotations

from textwrap import fill

from . import days
from .lists import STREETS
from .records import Data, OrgKind
from .spec import DistrictSpec
from .text import period, period_en
from .write import PROVISIONAL

RENOVATED = 4  # the street whose centre is renovated (五里墩 among Hanyang's streets)


def notes(spec: DistrictSpec, data: Data) -> dict[str, str]:
    centres = data["centres"]
    streets = sum(c["id"].endswith("-zx") for c in centres) - 1
    year, month = days.quarter_before(spec.year, spec.quarter)
    pairs = data.get("twinning", [])
    forms = {f: sum(p["form"] == f for p in pairs) for f in ("one_to_one", "many_to_one",
                                                            "one_to_many")}  # fmt: skip
    return {
        "calendar": PROVISIONAL,
        "organisations": f"{len(data['organisations'])} 家单位：社区、驻区机关、学校、"
        "医疗卫生单位和企业（含坐标）",
        "centres": f"{len(centres)} 个共享党群服务中心：区级 1 个，街道 {streets} 个，社区 "
        f"{len(centres) - 1 - streets} 个",
        "series": "每个街道两个系列，另加全区联席会议",
        "twinning": f"驻区单位与社区共驻共建：一帮一 {forms['one_to_one']} 对、多帮一 "
        f"{forms['many_to_one']} 组、一帮多 {forms['one_to_many']} 组",
        "history": f"{period(year, (month + 2) // 3)}（{month}–{month + 2} 月）各系列"
        "最后一次的承办单位" + ("，及部分结对的最后一次互访" if pairs else ""),
        "visiting": "互访常态化：春节前一周不安排，调休上班的周末不安排",
    }


def header(spec: DistrictSpec, source: str, data: Data, plan: list[dict[OrgKind, int]]) -> str:
    total = {k: sum(p[k] for p in plan) for k in plan[0]}
    centres = data["centres"]
    streets = len(plan)
    street_centres = sum(c["id"].endswith("-zx") for c in centres) - 1
    start, end = data["meta"]["start"], data["meta"]["end"]
    renovated = STREETS[min(RENOVATED, streets - 1)][1]
    pairs = data.get("twinning", [])
    twin = (f"  - 驻区单位与本街道社区结对共建 {len(pairs)} 组（一帮一、多帮一、一帮多），"
            "每季度互访一次，双方轮流接待；\n" if pairs else "")  # fmt: skip
    english = (
        f"It models Hanyang district's area-based joint meeting for "
        f"{period_en(spec.year, spec.quarter)}: {len(data['organisations'])} units in {streets} "
        f"streets ({total['community']} communities, {total['organ']} organs, {total['school']} "
        f"schools, {total['other']} health units, {total['enterprise']} enterprises; orgs.csv), "
        f"{len(centres)} shared service centres with 1-3 rooms each (one street centre closed "
        f"for renovation for seven weeks, a few rooms closed for repairs), a monthly theme day "
        f"(3 per unit) and a quarterly joint meeting (1 per unit) per street, and one "
        f"district-wide joint meeting hosted by an organ"
        + (f"; {len(pairs)} pairs of units and communities visit once a quarter." if pairs
           else ".")
    )  # fmt: skip
    return f"""
区级场景 / District scenario —— 由 rotasched generate 生成，请勿手工修改（改生成器后重新生成）：
  {source}
它模拟：汉阳区区域化党建联席会议（仿南京鼓楼区"10 个街道、130 家单位"的联席会和汉阳区
25 个党群服务中心），{period(spec.year, spec.quarter, "全年")}（{start.month} 月 {start.day} 日至 {end.month} 月 {end.day} 日）：
  - {streets} 个街道（kind: street）共 {len(data['organisations'])} 家单位：{total['community']} 个社区、{total['organ']} 个驻区机关、{total['school']} 所学校、
    {total['other']} 家医疗卫生单位、{total['enterprise']} 家企业，名单和坐标见 orgs.csv；
  - {len(centres)} 个共享党群服务中心（1 个区级中心、{street_centres} 个街道中心、{len(centres) - 1 - street_centres} 个社区中心），各 1–3 间活动室；
    {renovated}党群服务中心春季装修停用七周，另有几间活动室短期检修；
  - 每个街道：每月一次主题党日（每家单位 3 人）和每季度一次街道联席会议（每家 1 人），
    由街道内单位轮流承办；另有全区联席会议（每家单位各 1 人），由区直机关轮流承办；
{twin}  - 历史记录：上一季度各系列最后一次的承办单位。
{fill(english, 96)}
"""  # noqa: E501
