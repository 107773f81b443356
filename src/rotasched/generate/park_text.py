"""What a generated park says of itself: the comment on top."""

from __future__ import annotations

from textwrap import fill

from .records import Centre, Pair, Series
from .spec import ParkSpec
from .text import period, period_en

PARK_NAME = "黄金口都市工业园"


def header(
    spec: ParkSpec,
    source: str,
    large: int,
    medium: int,
    small: int,
    own_rooms: int,
    mentors: int,
    twinning: list[Pair],
    series: list[Series],
    station: Centre,
) -> str:
    year, n, v = spec.year, spec.members, spec.villages_n
    rooms = "、".join(f"{r['capacity']} 人" + ("带投影仪" if "投影仪" in r.get("equipment", [])
                      else "") for r in station["rooms"])  # fmt: skip
    by_form = {f: sum(p["form"] == f for p in twinning) for f in ("one_to_one", "many_to_one",
                                                                 "one_to_many")}
    forms = "、".join(f"{w} {by_form[f]} 对" for f, w in (
        ("one_to_one", '"一帮一"'), ("many_to_one", '"多帮一"'), ("one_to_many", '"一帮多"'))
        if by_form[f])  # fmt: skip
    twin = (f"  - 企业与蔡甸区 {v} 个村结对共建：{forms}，每季度互访一次，双方轮流接待；\n"
            if twinning else "")  # fmt: skip
    att = {s["id"]: s.get("attendance", 0) for s in series}
    english = (
        f"It models the joint party committee of an urban industrial park in Hanyang (Wuhan), "
        f"{period_en(year, spec.quarter)}: {n} member enterprises (orgs.csv; {own_rooms} with a "
        f"room of their own, one person secretary of two small firms), one park station with "
        f"{spec.rooms} rooms, a duty rotation (each quarter one member is on duty: it hosts the "
        f"quarter's monthly theme days, joint lecture and meeting of the {n} secretaries, and its "
        f"secretary is the park's executive secretary), a monthly outdoor volunteer day hosted in "
        f"turn, {mentors} strong-weak pairs (co-hosting), {len(twinning)} twinning pairs with {v} "
        f"villages in Caidian (one visit a quarter, alternating hosts), and last year's hosts so "
        f"the rotation carries on."
    )
    return f"""
园区场景 / Park scenario —— 由 rotasched generate 生成，请勿手工修改（改生成器后重新生成）：
  {source}
它模拟：汉阳区{PARK_NAME}联合党委（仿"1+2+30"模式），{period(year, spec.quarter, "全年")}：
  - 成员企业 {n} 家（其中 {large} 家大企业、{medium} 家中型企业、{small} 家小微企业），\
名单见 orgs.csv；
    有 {own_rooms} 家企业有自己的活动室；两家小微企业由同一人（同一 secretary.id）兼任党组织书记；
  - 园区党建工作站 1 个，活动室 {spec.rooms} 间（{rooms}），工作日开放；
  - 活动轮值制：每季度一家企业轮值，承办当季的主题党日、联合党课和联席会议，其书记任执行书记；
  - 活动系列 4 个：每月主题党日（由当季轮值企业承办，实到约 {att['theme-day']} 人）、
    每季度联合党课（约 {att['lecture']} 人）、每季度党建联席会议（每家 1 名书记，共 {n} 人）、
    每月志愿服务（户外，不需要场地）；主题党日设 {mentors} 对"以强带弱"结对；
{twin}  - 历史记录：{year - 1} 年主题党日各月承办单位，及 {year - 1} 年第四季度其他活动的\
承办和互访，
    使轮值顺序跨年延续；部分企业有不可安排日期（年终结算、生产旺季、审计等）。
{fill(english, 96)}
"""
