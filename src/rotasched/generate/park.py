"""The park kind: the joint party committee of an urban industrial park in Hanyang (Wuhan).

It follows Hanyang's 黄金口 park ("1+2+30"): a tenth of the members are large firms, three
tenths medium, the rest small; large firms and half the medium ones have a room of their own;
one person is secretary of two small firms. Each quarter one member is on duty (活动轮值制): it
hosts the quarter's monthly theme days, its joint lecture and the meeting of all secretaries,
and its secretary is the park's executive secretary; a monthly volunteer day rotates on its
own. Strong members co-host with weak ones that have not hosted yet (以强带弱). Firms are
twinned with villages in Caidian, next to the park. History: who hosted in the year before.

Every random draw comes from one generator seeded by the spec, in a fixed order: the bundled
park (bundled.py) depends on that order, so add draws only after the existing ones, or where
its sizes draw nothing (pairs beyond one per village).
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from itertools import cycle

from . import days, park_text
from .days import DAY, nth_weekday, span, weeks, workday_from
from .lists import TOWNS, TRADES, VILLAGE_NAMES
from .names import Names, near, place
from .park_text import PARK_NAME
from .records import (
    Centre,
    Data,
    Form,
    HostRecord,
    Org,
    OwnRoom,
    Pair,
    Room,
    Series,
    StrongWeak,
    VisitRecord,
)
from .spec import ParkSpec
from .text import command, count, period
from .write import PROVISIONAL, Draft

TIERS = ("large", "medium", "small")
FORMS = {"one_to_one": "一帮一", "many_to_one": "多帮一", "one_to_many": "一帮多"}
PARK = "hjk-park"
LAT0, LON0 = 30.5285, 114.2045  # 黄金口 urban industrial park, west Hanyang
# Caidian towns the park's firms reach, in the order their villages were twinned.
TOWN_ORDER = ("永安街", "大集街", "侏儒山街", "索河街", "消泗乡", "玉贤街", "张湾街")
# Station rooms, the first `rooms` of them; A's capacity grows with the park (the lecture).
ROOMS: list[tuple[str, str, int, list[str]]] = [
    ("A", "党员活动室", 60, ["投影仪", "音响"]),
    ("B", "议事厅", 30, []),
    ("C", "党员书屋", 20, []),
    ("D", "多功能厅", 80, ["投影仪", "音响", "LED屏"]),
    ("E", "培训教室", 40, ["投影仪"]),
    ("F", "谈心谈话室", 8, []),
]


def busy(year: int) -> list[list[tuple[date, date]]]:
    """Blackouts of members: year-end accounts, peak season, audit (and the branch's
    re-election), annual review, two inspections, summer production."""
    return [
        [weeks(year, 1, 1, 2)],
        [weeks(year, 6, 3, 2)],
        [weeks(year, 3, 1, 2), weeks(year, 9, 1, 1)],
        [weeks(year, 11, 4, 2)],
        [weeks(year, 4, 3, 1), weeks(year, 10, 3, 1)],
        [weeks(year, 7, 1, 4)],
    ]


def build(spec: ParkSpec, source: str | None = None) -> Draft:
    rng = random.Random(spec.seed)
    names = Names(rng)
    year, n = spec.year, spec.members

    # Tiers in the order members joined: ids e01, e02, ... follow it.
    n_large, n_medium = max(1, n // 10), n * 3 // 10
    tiers = ["large"] * n_large + ["medium"] * n_medium + ["small"] * (n - n_large - n_medium)
    rng.shuffle(tiers)
    rooms_left = {"large": n_large, "medium": -(-n_medium // 2)}
    orgs: list[Org] = []
    tier_of: dict[str, str] = {}
    for i, tier in enumerate(tiers, start=1):
        name, low, high = names.firm(TRADES)
        if tier == "large":
            name = name.replace("有限公司", "股份有限公司")
            members = rng.randint(45, 80)
        elif tier == "medium":
            members = rng.randint(max(low, 12), max(high, 30))
        else:
            members = rng.randint(3, 10)
        lat, lon = near(rng, LAT0, LON0, 0.006)
        person = names.person()
        room: OwnRoom | None = None
        if rooms_left.get(tier, 0) > 0:
            rooms_left[tier] -= 1
            if tier == "large":
                room = {"capacity": rng.choice([60, 80, 100]), "equipment": ["投影仪", "音响"]}
            else:
                room = {"capacity": rng.choice([20, 24, 30, 36])}
                if rng.random() < 0.5:
                    room["equipment"] = ["投影仪"]
        org: Org = {
            "id": f"e{i:02d}",
            "name": name,
            "kind": "enterprise",
            "groups": [PARK],
            "members": members,
            "secretary": {"id": f"s{i:02d}", "name": person},
            "location": {"district": "汉阳区", "lat": lat, "lon": lon},
        }
        if room:
            org["room"] = room
        orgs.append(org)
        tier_of[org["id"]] = tier
    large, medium, small = ([o for o in orgs if tier_of[o["id"]] == t] for t in TIERS)

    # One person is secretary of two small enterprises (兼任): same id, same name.
    shared = small[0]["secretary"]
    small[1]["secretary"] = {"id": shared["id"], "name": shared["name"]}
    # A fifth of the members are away for a spell, half of them medium, half small.
    k = n // 5
    for org, spells in zip(medium[2 : 2 + k // 2] + small[4 : 4 + k - k // 2], cycle(busy(year))):
        org["blackout"] = [span(a, b) for a, b in spells]
    # Two firms on shift work can spare people on some days only.
    if len(small) > 8:
        small[8]["weekdays"] = ["tue", "wed", "thu", "fri"]
    if len(medium) > 6:
        medium[6]["weekdays"] = ["mon", "wed", "fri"]

    villages = _villages(rng, names, spec.villages_n)
    # 以强带弱: the last large firm and every other medium one mentor a small firm.
    mentors = ([large[-1], *medium[1::2]])[: max(1, n // 15)]
    strong_weak: list[StrongWeak] = [
        {"strong": m["id"], "weak": small[min(10 + 2 * j, len(small) - 1 - j)]["id"]}
        for j, m in enumerate(mentors)
    ]
    helpers = [o for o in large + medium if o not in mentors] or large
    twinning = _pairs(rng, spec.pairs, helpers, orgs, villages, tier_of)

    series = _series(n, strong_weak)
    hosts, visits = _history(rng, year, orgs, twinning)
    # 以强带弱 pairs the strong with small firms that are due (never hosted last year): the
    # committee mentors those who have not carried a turn yet, and the plan shows it.
    hosted = {h["host"] for h in hosts}
    due = [o["id"] for o in small if o["id"] not in hosted]
    for pair, weak in zip(strong_weak, due, strict=False):
        pair["weak"] = weak

    start, end = days.horizon(year, spec.quarter)
    station = _station(year, spec.rooms, n)
    inspection = nth_weekday(year, 11, 1, 3)
    data: Data = {
        "meta": {
            "id": PARK,
            "name": f"{PARK_NAME}联合党委 {period(year, spec.quarter)}活动计划",
            "locale": "zh",
            "timezone": "Asia/Shanghai",
            "start": start,
            "end": end,
            "description": "园区成员企业轮值承办主题党日、联合党课、联席会议和志愿服务，"
            f"共用园区党建工作站，并与蔡甸区{count(len(villages))}个村结对共建。",
        },
        "calendar": {"closures": [{"start": inspection, "end": inspection + 2 * DAY,
                                   "reason": "园区安全生产大检查"}]},
        "groups": [{"id": PARK, "name": f"{PARK_NAME}联合党委", "kind": "park",
                    "duty": {"term": "quarter",
                             "series": ["theme-day", "lecture", "joint-meeting"]}}],
        "organisations": orgs + villages,
        "centres": [station],
        "series": series,
        "twinning": twinning,
        "history": {"hosts": hosts, "visits": visits},
    }
    if not twinning:
        del data["twinning"]
        del data["history"]["visits"]
    if days.year_of(year).provisional:
        data["calendar"] = {"provisional": True, **data["calendar"]}
    forms = [w for f, w in FORMS.items() if any(p["form"] == f for p in twinning)]
    notes = {
        "calendar": "园区统一安排的停用日（全园区安全生产大检查）"
        + (f"；{PROVISIONAL}" if days.year_of(year).provisional else ""),
        "groups": "活动轮值制：每季度一家成员企业轮值，承办当季主题党日、联合党课和联席会议，"
        "其书记任联合党委执行书记；志愿服务另行轮流",
        "organisations": f"单位名单放在表格里：{n} 家成员企业和 {len(villages)} 个结对村",
        "twinning": f'企业与村"{forms[0]}"结对共建' if len(forms) == 1
        else f"企业与村结对共建：{'、'.join(forms)}",
        "history": f"{year - 1} 年的承办和互访记录，使轮值跨年延续",
    }
    header = park_text.header(spec, source or command(spec), len(large), len(medium), len(small),
                     sum("room" in o for o in orgs), len(strong_weak), twinning, series, station)
    return Draft(data, header, notes)


def _villages(rng: random.Random, names: Names, n: int) -> list[Org]:
    """Villages in Caidian, just west of the park, twinned with its firms."""
    out: list[Org] = []
    for k in range(n):
        town = TOWN_ORDER[k % len(TOWN_ORDER)]
        _, district, tlat, tlon = next(t for t in TOWNS if t[0] == town)
        lat, lon = near(rng, tlat, tlon, 0.01)
        members = rng.randint(25, 48)
        secretary = names.person()
        out.append({
            "id": f"v{k + 1}",
            "name": f"{town}{place(VILLAGE_NAMES, k)}村",
            "kind": "village",
            "members": members,
            "secretary": {"id": f"vs{k + 1}", "name": secretary},
            "room": {"capacity": rng.choice([30, 40, 50])},
            "location": {"district": district, "lat": lat, "lon": lon},
        })  # fmt: skip
    return out


def _pairs(
    rng: random.Random,
    wanted: int,
    helpers: list[Org],
    orgs: list[Org],
    villages: list[Org],
    tier_of: dict[str, str],
) -> list[Pair]:
    """One 一帮一 pair per village, a strong firm helping it; more pairs, if wanted, in turn
    多帮一 (two firms help a village), 一帮多 (a firm helps two villages) and 一帮一 again."""
    pairs: list[Pair] = []
    seen: set[tuple[frozenset[str], frozenset[str]]] = set()
    turn = cycle(helpers)
    others = [o for o in orgs if o not in helpers]
    forms: list[Form] = ["many_to_one", "one_to_many", "one_to_one"]
    for k in range(wanted):
        form: Form = "one_to_one" if k < len(villages) else forms[(k - len(villages)) % 3]
        if form == "one_to_many" and len(villages) < 2:
            form = "many_to_one"
        for _ in range(len(helpers) * len(villages) + 1):
            helper = next(turn)
            if form == "one_to_one":
                sides = [helper], [villages[k % len(villages)]]
            elif form == "many_to_one":
                sides = [helper, rng.choice(others or orgs)], [rng.choice(villages)]
            else:
                sides = [helper], rng.sample(villages, 2)
            key = frozenset(o["id"] for o in sides[0]), frozenset(o["id"] for o in sides[1])
            if key not in seen and len(key[0]) == len(sides[0]):
                break
        seen.add(key)
        pairs.append(_pair(k + 1, form, *sides, tier_of))
    return pairs


def _pair(k: int, form: Form, helping: list[Org], helped: list[Org], tier: dict[str, str]) -> Pair:
    label = {"one_to_one": "", "many_to_one": "（多帮一）", "one_to_many": "（一帮多）"}[form]
    return {
        "id": f"twin-{k}",
        "name": "、".join(o["name"] for o in helping) + "—"
        + "、".join(o["name"] for o in helped) + label,
        "form": form,
        "helpers": [o["id"] for o in helping],
        "helped": [o["id"] for o in helped],
        "visits": 1,
        "per": "quarter",
        "hosts": "both",
        "alternate": True,
        "start": "09:30",
        "duration": "4h" if form == "one_to_many" else "3h",
        "delegation": 8 if form == "many_to_one" else 5 if tier[helping[0]["id"]] == "large"
        else 4,
        "min_gap_days": 30,
    }  # fmt: skip


def _series(n: int, strong_weak: list[StrongWeak]) -> list[Series]:
    """Attendance grows with the park: 50 at a theme day, 60 at a lecture in a park of 30."""
    theme, lecture, volunteer = 5 * round(n / 3), 2 * n, round(4 * n / 3)
    return [
        {
            "id": "theme-day",
            "name": "主题党日（5+N）",
            "type": "主题党日",
            "cadence": "monthly",
            "day": "third-fri",
            "fallback": "next",
            "flexible": True,
            "start": "14:30",
            "duration": "2h",
            "participants": {"groups": [PARK]},
            "attendance": theme,
            "fairness": "equal",
            "room": {"equipment": ["投影仪"]},
            "strong_weak": strong_weak,
        },
        {
            "id": "lecture",
            "name": "联合党课",
            "type": "联合党课",
            "cadence": "quarterly",
            "day": "any-workday",
            "start": "09:00",
            "duration": "1h30m",
            "participants": {"groups": [PARK]},
            "attendance": lecture,
            "room": {"capacity": lecture, "equipment": ["投影仪"]},
        },
        {
            "id": "joint-meeting",
            "name": "园区党建联席会议",
            "type": "联席会议",
            "cadence": "quarterly",
            "day": "any-workday",
            "start": "09:30",
            "duration": "2h",
            "participants": {"groups": [PARK]},
            "delegates_per_org": 1,
            "room": {},
        },
        {
            "id": "volunteer",
            "name": "党员志愿服务（社区环境整治）",
            "type": "志愿服务",
            "cadence": "monthly",
            "day": "second-wed",
            "start": "09:00",
            "duration": "3h",
            "participants": {"groups": [PARK]},
            "attendance": volunteer,
        },
    ]


def _history(
    rng: random.Random, year: int, orgs: list[Org], twinning: list[Pair]
) -> tuple[list[HostRecord], list[VisitRecord]]:
    """Last year's theme-day hosts (third Fridays), the other series in its last quarter, and
    each pair's last visit, in November or December, so the rotation carries on."""
    last = year - 1
    pool = [o["id"] for o in orgs]
    theme_hosts = rng.sample(pool, min(12, len(pool)))  # a different host every month
    others = rng.sample(pool, min(5, len(pool)))
    hosts: list[HostRecord] = [
        {"series": "theme-day", "date": workday_from(nth_weekday(last, m, 5, 3)),
         "host": theme_hosts[(m - 1) % len(theme_hosts)]}
        for m in range(1, 13)
    ]  # fmt: skip
    hosts.append({"series": "lecture", "date": workday_from(nth_weekday(last, 11, 4, 2)),
                  "host": others[0]})  # fmt: skip
    hosts.append({"series": "joint-meeting", "date": workday_from(nth_weekday(last, 12, 2, 2)),
                  "host": others[1 % len(others)]})  # fmt: skip
    for k, month in enumerate((10, 11, 12)):
        day = workday_from(nth_weekday(last, month, 3, 2))
        hosts.append({"series": "volunteer", "date": day, "host": others[(2 + k) % len(others)]})
    visits: list[VisitRecord] = []
    first = nth_weekday(last, 11, 2, 1)
    for k, pair in enumerate(twinning):
        host = pair["helped"][0] if k % 2 == 0 else pair["helpers"][0]
        day = workday_from(first + timedelta(days=9 * (k % 5) + k // 5))
        visits.append({"pair": pair["id"], "date": day, "host": host})
    return hosts, visits


def _station(year: int, rooms: int, n: int) -> Centre:
    rows: list[Room] = []
    for room_id, name, capacity, equipment in ROOMS[:rooms]:
        room: Room = {"id": room_id, "name": name,
                      "capacity": max(capacity, 2 * n) if room_id == "A" else capacity}
        if equipment:
            room["equipment"] = equipment
        rows.append(room)
    year_end = nth_weekday(year, 12, 1, -1)
    aircon = weeks(year, 8, 1, 1)
    return {
        "id": "station",
        "name": f"{PARK_NAME}党建工作站",
        "location": {"district": "汉阳区", "lat": LAT0, "lon": LON0},
        "open_days": ["mon", "tue", "wed", "thu", "fri"],
        "hours": "08:30-17:30",
        "follows_official_calendar": True,
        "rooms": rows,
        "closures": [
            {"start": aircon[0], "end": aircon[1], "reason": "空调检修", "rooms": ["A"]},
            {"start": year_end, "end": date(year, 12, 31), "reason": "年终盘点"},
        ],
    }
