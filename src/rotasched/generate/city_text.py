"""What a generated city says of itself: its meta, the comment on top, a note per section."""

from __future__ import annotations

from datetime import date
from textwrap import fill

from . import days
from .records import Data, Meta
from .spec import CitySpec
from .text import period, period_en
from .write import PROVISIONAL


def meta(spec: CitySpec, start: date, end: date) -> Meta:
    when = period(spec.year, spec.quarter)
    if not spec.parks:
        return {
            "id": "hanyang-twinning",
            "name": f"汉阳区百名处级干部联系服务百家企业及城乡结对共建 {when}走访计划",
            "locale": "zh",
            "timezone": "Asia/Shanghai",
            "start": start,
            "end": end,
            "description": "处级干部定期走访联系企业，机关和社区与村结对互访（一帮一、多帮一、"
            "一帮多），走访制度化、常态化，不只在节日。",
        }
    return {
        "id": "wuhan-city",
        "name": f"武汉市区域化党建 {when}活动计划",
        "locale": "zh",
        "timezone": "Asia/Shanghai",
        "start": start,
        "end": end,
        "description": f"{spec.parks} 个园区轮值承办主题党日和联席会议，共用 {spec.centres} 个"
        f"党群服务中心和党建工作站；干部联系企业、城乡结对共 {spec.pairs} 组，走访制度化、常态化。",
    }


def _tally(data: Data) -> dict[str, int]:
    pairs = data.get("twinning", [])
    orgs = data["organisations"]
    kinds = {k: sum(o["kind"] == k for o in orgs) for k in ("organ", "enterprise", "community",
                                                            "village")}  # fmt: skip
    officials = [p for p in pairs if p["id"].startswith("qy")]
    load: dict[str, int] = {}
    for p in pairs:
        for h in p["helpers"]:
            load[h] = load.get(h, 0) + 1
    per_organ: dict[str, int] = {}
    for p in officials:
        per_organ[p["helpers"][0]] = per_organ.get(p["helpers"][0], 0) + 1
    return {
        **kinds,
        "officials": len(officials),
        "twice": sum(p["visits"] == 2 for p in officials),
        "per_organ": max(per_organ.values(), default=0),
        "load": max((v for k, v in load.items() if k.startswith("o")), default=0),
        "sc": sum(p["id"].startswith("sc") for p in pairs),
        "dby": sum(p["id"].startswith("dby") for p in pairs),
        "ybd": sum(p["id"].startswith("ybd") for p in pairs),
        "ybd_villages": sum(len(p["helped"]) for p in pairs if p["id"].startswith("ybd")),
        "rural": sum(not p["id"].startswith("qy") for p in pairs),
        "parks": len(data.get("groups", [])),
        "centres": len(data.get("centres", [])),
        "stations": sum(c["id"].startswith("zhan") for c in data.get("centres", [])),
        "visits": len(data.get("history", {}).get("visits", [])),
    }


def notes(spec: CitySpec, data: Data) -> dict[str, str]:
    t = _tally(data)
    year, month = days.quarter_before(spec.year, spec.quarter)
    before = period(year, (month + 2) // 3)
    firms = f"{t['enterprise']} 家企业"
    if t["parks"]:
        firms += f"（其中 {t['parks']} 个园区的成员企业 {sum(len(g) for g in _members(data))} 家）"
    return {
        "calendar": PROVISIONAL,
        "organisations": f"{t['organ']} 个机关、{firms}、{t['community']} 个社区、"
        f"{t['village']} 个村",
        "centres": "" if t["centres"] == 1 else f"区党群服务中心 1 个、园区党建工作站 "
        f"{t['stations']} 个、党群服务中心 {t['centres'] - 1 - t['stations']} 个",
        "series": "各园区轮值承办的主题党日和联席会议，及帮扶单位每季度一次的工作推进会"
        if t["parks"] else "唯一的活动系列：帮扶单位每季度一次的工作推进会",
        "twinning": f"{t['officials']} 对干部联系企业 + {t['rural']} 组城乡结对",
        "history": f"{before}的" + ("各园区轮值单位和" if t["parks"] else "") + "最后一次互访",
        "visiting": "互访常态化，不扎堆在节前：春节前一周不安排，调休上班的周末不安排，"
        f"任一天的互访不超过{'全年' if spec.quarter is None else '本季度'}日均的 2 倍",
    }


def _members(data: Data) -> list[list[str]]:
    """The member ids of each park group."""
    groups = [g["id"] for g in data.get("groups", [])]
    return [[o["id"] for o in data["organisations"] if g in o.get("groups", [])] for g in groups]


def header(spec: CitySpec, source: str, data: Data, per_park: int) -> str:
    t = _tally(data)
    year, month = days.quarter_before(spec.year, spec.quarter)
    before = period(year, (month + 2) // 3)
    title = "市级场景 / City scenario" if t["parks"] else "结对场景 / Twinning scenario"
    parks = ""
    if t["parks"]:
        parks = (
            f"  - {t['parks']} 个园区（各 {per_park} 家成员企业），每季度一家成员企业轮值，承办当季"
            f"主题党日和联席会议；\n    园区党建工作站 {t['stations']} 个、各区党群服务中心 "
            f"{t['centres'] - 1 - t['stations']} 个，每处 {spec.rooms_per_centre} 间活动室；\n"
        )
    english = (
        f"It models a Hanyang-style programme for {period_en(spec.year, spec.quarter)}: "
        f"{t['officials']} officials of {t['organ']} district organs each paired with an "
        f"enterprise (one-to-one, 1 visit a quarter, {t['twice']} pairs 2), plus rural twinning "
        f"in all three forms: {t['sc']} community-village pairs (one-to-one), {t['dby']} "
        f"many-to-one groups (organs help one village) and {t['ybd']} one-to-many groups (one "
        f"organ helps 2-3 villages). "
        + (f"{t['parks']} parks of {per_park} enterprises each rotate a monthly theme day and a "
           f"quarterly joint meeting by duty, in {t['centres']} centres. " if t["parks"] else "")
        + "Visits alternate hosts, 20-30 days apart at least. One quarterly series (a progress "
        "meeting of the helpers) uses the district service centre. Tables: orgs.csv and "
        "twinning.csv (several ids in one cell are separated by ';'); visits.csv holds the last "
        "visits before the horizon."
    )  # fmt: skip
    return f"""
{title} —— 由 rotasched generate 生成，请勿手工修改（改生成器后重新生成）：
  {source}
它模拟：仿汉阳区"百名处级干部联系服务百家企业"和城乡结对帮扶，{period(spec.year, spec.quarter, "全年")}：
  - {t['organ']} 个区直机关、{t['enterprise']} 家企业、{t['community']} 个城市社区、{t['village']} 个村（蔡甸区、江夏区），名单见 orgs.csv；
  - {t['officials']} 对"干部联系企业"一帮一结对（每名处级干部联系一家企业，每个机关至多 {t['per_organ']} 家企业），
    每季度走访 1 次（{t['twice']} 对每季度 2 次），双方轮流接待，两次之间至少间隔 20–30 天；
  - 城乡结对三种形式：社区帮村一帮一 {t['sc']} 对、多个机关帮一个村（多帮一）{t['dby']} 组、
    一个机关帮多个村（一帮多）{t['ybd']} 组（共 {t['ybd_villages']} 个村）；每个机关参加的结对合计不超过 {t['load']} 个；
{parks}  - 一个小系列：每季度一次结对帮扶工作推进会（帮扶单位各 1 人），在区党群服务中心召开；
  - 历史记录：{before}部分结对的最后一次互访，使接待方轮换跨年延续。
  结对表见 twinning.csv（helpers / helped 单元格内多个单位用分号隔开）。
{fill(english, 96)}
"""  # noqa: E501
