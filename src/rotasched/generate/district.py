"""The district kind: Hanyang's area-based joint meeting (区域化党建联席会议), shaped like
Nanjing-Gulou's "10 streets, 130 units" and Hanyang's 25 shared service centres.

Each street's units (communities, organs, a school, enterprises, in some streets a hospital)
take turns hosting the street's monthly theme day (3 people a unit) and quarterly joint meeting
(one each); the district's organs take turns hosting the district-wide meeting. Centres: the
district's, one per street, the rest in communities; one street centre closes for renovation
for seven weeks in spring and its community centres take over, a few rooms close for repairs.
Units help communities of their street (共驻共建) one-to-one, several to one, or one to several.
History: who hosted each series last, and some pairs' last visit, in the quarter before.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from itertools import cycle

from . import days, district_text
from .days import nth_weekday, rule_day, span, to_month_end, weeks, workday_from
from .district_text import RENOVATED
from .lists import CITY_TRADES, COMMUNITY_NAMES, HOSPITALS, ORGANS, SCHOOL_PLACES, STREETS, TRADES
from .names import Names, near, place
from .records import (
    Centre,
    Data,
    Form,
    Group,
    History,
    HostRecord,
    Org,
    OrgKind,
    OwnRoom,
    Pair,
    Room,
    Series,
    VisitRecord,
)
from .spec import DistrictSpec
from .text import command, period
from .write import Draft, ordered

DISTRICT = "hanyang"
DAY_RULES = ["day-10", "second-thu", "third-wed", "last-fri", "day-15",
             "first-tue", "second-fri", "third-thu", "last-wed", "day-20"]  # fmt: skip
# Units that cannot host for a week or two: (kind, month of the quarter, spell).
SPELLS: list[tuple[OrgKind, int, str]] = [
    ("community", 1, "second week"), ("enterprise", 2, "first two weeks"),
    ("community", 0, "first week"), ("enterprise", 0, "from the third week"),
    ("organ", 1, "third week"), ("enterprise", 2, "from the fourth week"),
]  # fmt: skip


def build(spec: DistrictSpec, source: str | None = None) -> Draft:
    rng = random.Random(spec.seed)
    names = Names(rng)
    year, streets = spec.year, STREETS[: spec.streets]
    sizes = _sizes(rng, spec.orgs, len(streets))
    plan = [_composition(i, s) for i, s in enumerate(sizes)]
    n_comm = sum(p["community"] for p in plan)
    communities = rng.sample(COMMUNITY_NAMES, min(n_comm, len(COMMUNITY_NAMES)))
    organ_pool = [o for o in ORGANS if o.startswith("汉阳区") and "党校" not in o]
    n_organ = sum(p["organ"] for p in plan)
    organs = rng.sample(organ_pool, min(n_organ, len(organ_pool)))
    n_school = sum(p["school"] for p in plan)
    schools = rng.sample(SCHOOL_PLACES, min(n_school, len(SCHOOL_PLACES)))
    counters: dict[OrgKind, int] = {}

    orgs: list[Org] = []
    by_street: list[list[Org]] = []
    for s_index, (code, _sname, slat, slon) in enumerate(streets):
        kinds = [k for k, n in plan[s_index].items() for _ in range(n)]
        street: list[Org] = []
        for k, kind in enumerate(kinds, start=1):
            lat, lon = near(rng, slat, slon, 0.008)
            name, members, room = _unit(rng, names, kind, counters, communities, organs, schools)
            org: Org = {
                "id": f"{code}-{k:02d}",
                "name": name,
                "kind": kind,
                "groups": [code, DISTRICT],
                "members": members,
                "secretary": {"id": f"{code}-s{k:02d}", "name": names.person()},
                "location": {"district": "汉阳区", "lat": lat, "lon": lon},
            }
            if room:
                org["room"] = room
            if kind == "school" and "小学" not in name:  # exam week: 中考 in Wuhan is mid-June
                org["blackout"] = [span(*weeks(year, 6, 3, 1))]
            street.append(org)
        orgs += street
        by_street.append(street)

    for j in range(max(1, spec.orgs // 20)):
        kind, month, spell = SPELLS[j % len(SPELLS)]
        quarter = spec.quarter or (j // len(SPELLS)) % 4 + 1
        candidates = [o for o in orgs if o["kind"] == kind and "blackout" not in o]
        if candidates:
            m = 3 * (quarter - 1) + 1 + month
            rng.choice(candidates)["blackout"] = [span(*_spell(year, m, spell))]

    centres = _centres(rng, spec, streets, by_street)
    series = _series(spec, streets, by_street)
    pairs = _pairs(rng, spec.pairs, streets, by_street)
    hy, hm = days.quarter_before(year, spec.quarter)
    hosts = _host_history(rng, hy, hm, streets, by_street, series)
    visits = _visit_history(pairs, hy, hm)

    start, end = days.horizon(year, spec.quarter)
    groups: list[Group] = [{"id": DISTRICT, "name": "汉阳区区域化党建联席会议", "kind": "district"}]
    groups += [{"id": code, "name": f"{sname}区域化党建联席会", "kind": "street"}
               for code, sname, _lat, _lon in streets]  # fmt: skip
    data: Data = {
        "meta": {
            "id": "hanyang-district",
            "name": f"汉阳区区域化党建联席会议 {period(year, spec.quarter)}",
            "locale": "zh",
            "timezone": "Asia/Shanghai",
            "start": start,
            "end": end,
            "description": f"{len(streets)} 个街道、{len(orgs)} 家单位轮流承办主题党日和"
            f"联席会议，共用 {len(centres)} 个党群服务中心"
            + (f"；驻区单位与社区结对共建 {len(pairs)} 组。" if pairs else "。"),
        },
        "groups": groups,
        "organisations": orgs,
        "centres": centres,
        "series": series,
    }
    if days.year_of(year).provisional:
        data["calendar"] = {"provisional": True}
    if pairs:
        data["twinning"] = pairs
        data["visiting"] = days.visiting(year, start, end)
    history: History = {"hosts": hosts}
    if visits:
        history["visits"] = visits
    data["history"] = history
    data = ordered(data)
    header = district_text.header(spec, source or command(spec), data, plan)
    return Draft(data, header, district_text.notes(spec, data))


def _sizes(rng: random.Random, orgs: int, streets: int) -> list[int]:
    """Units per street: even, then a unit moved here and there (12 to 14 of 13, say)."""
    sizes = [orgs // streets + (i < orgs % streets) for i in range(streets)]
    for _ in range(streets // 2):
        a, b = rng.sample(range(streets), 2)
        if sizes[a] > 6 and sizes[b] < 40:
            sizes[a] -= 1
            sizes[b] += 1
    return sizes


def _composition(index: int, size: int) -> dict[OrgKind, int]:
    """Communities two in five, an organ in seven, a school, a hospital in some streets, the
    rest enterprises. Keys in the order a street lists its units."""
    plan: dict[OrgKind, int] = {
            "community": max(1, round(0.4 * size)), "organ": max(1, round(size / 7)),
            "school": 1 if size >= 8 else 0,
            "other": 1 if size >= 10 and index % 4 == 0 and index // 4 < len(HOSPITALS) else 0}
    plan["enterprise"] = size - sum(plan.values())
    return plan  # fmt: skip


def _unit(
    rng: random.Random,
    names: Names,
    kind: OrgKind,
    seen: dict[OrgKind, int],
    communities: list[str],
    organs: list[str],
    schools: list[str],
) -> tuple[str, int, OwnRoom | None]:
    """A unit's name, party members and own room."""
    i = seen.get(kind, 0)
    seen[kind] = i + 1
    if kind == "community":
        return place(communities, i) + "社区", rng.randint(60, 260), None
    if kind == "organ":
        name = organs[i] if i < len(organs) else f"{organs[i % len(organs)]}第二党支部"
        room: OwnRoom = {"capacity": rng.choice([30, 40, 50, 60])}
        if rng.random() < 0.7:
            room["equipment"] = ["投影仪"]
        return name, rng.randint(25, 90), room
    if kind == "school":
        level = rng.choice(["小学", "中学", "初级中学"])
        room = {"capacity": rng.choice([150, 200, 300]), "equipment": ["投影仪", "音响"]}
        return f"武汉市汉阳区{place(schools, i)}{level}", rng.randint(30, 90), room
    if kind == "other":
        room = {"capacity": 80, "equipment": ["投影仪"]}
        return HOSPITALS[i % len(HOSPITALS)], rng.randint(80, 200), room
    name, low, high = names.firm(TRADES + CITY_TRADES)
    members = rng.randint(low, high)
    firm_room: OwnRoom | None = None
    if rng.random() < 0.25:
        firm_room = {"capacity": rng.choice([20, 30, 40])}
    return name, members, firm_room


def _spell(year: int, month: int, spell: str) -> tuple[date, date]:
    return {
        "first week": lambda: weeks(year, month, 1, 1),
        "second week": lambda: weeks(year, month, 2, 1),
        "third week": lambda: weeks(year, month, 3, 1),
        "first two weeks": lambda: weeks(year, month, 1, 2),
        "from the third week": lambda: to_month_end(year, month, 3),
        "from the fourth week": lambda: to_month_end(year, month, 4),
    }[spell]()


def _room(rid: str, name: str, capacity: int, equipment: list[str] | None = None) -> Room:
    room: Room = {"id": rid, "name": name, "capacity": capacity}
    if equipment:
        room["equipment"] = equipment
    return room


def _centres(
    rng: random.Random, spec: DistrictSpec, streets: list[tuple[str, str, float, float]],
    by_street: list[list[Org]],
) -> list[Centre]:  # fmt: skip
    """The district centre, a centre per street, then community centres in turn."""
    year = spec.year
    hall = weeks(year, 6, 2, 1)[0]
    centres: list[Centre] = [{
        "id": "qu-zx",
        "name": "汉阳区党群服务中心",
        "location": {"district": "汉阳区", "lat": 30.5548, "lon": 114.2658},
        "open_days": ["mon", "tue", "wed", "thu", "fri"],
        "hours": "08:30-17:30",
        "rooms": [_room("hall", "多功能报告厅", max(150, -(-spec.orgs // 10) * 10),
                        ["投影仪", "音响", "LED屏"]),
                  _room("m1", "第一会议室", 40, ["投影仪"]), _room("m2", "第二会议室", 24)],
        "closures": [{"start": hall, "end": hall + timedelta(days=2), "reason": "音响设备检修",
                      "rooms": ["hall"]}],
    }]  # fmt: skip
    street_centres = min(len(streets), spec.centres - 1)
    renovated = min(RENOVATED, len(streets) - 1)
    for s_index, (code, sname, slat, slon) in enumerate(streets[:street_centres]):
        lat, lon = near(rng, slat, slon, 0.003)
        big = max(rng.choice([60, 70, 80]), 3 * len(by_street[s_index]))
        rooms = [_room("dh", "党员大会议室", big, ["投影仪", "音响"]),
                 _room("hy", "会议室", rng.choice([30, 36, 40]), ["投影仪"])]  # fmt: skip
        if rng.random() < 0.6:
            rooms.append(_room("hd", "党员活动室", rng.choice([20, 24, 30])))
        centre: Centre = {
            "id": f"{code}-zx",
            "name": f"{sname}党群服务中心",
            "location": {"district": "汉阳区", "lat": lat, "lon": lon},
            "open_days": ["mon", "tue", "wed", "thu", "fri"],
            "hours": "08:30-17:30",
            "rooms": rooms,
        }
        if s_index == renovated:
            centre["closures"] = [{"start": nth_weekday(year, 4, 1, 2),
                                   "end": nth_weekday(year, 5, 5, -1), "reason": "装修改造"}]
        centres.append(centre)
    # Community centres, street by street in turn, each in one of the street's communities.
    hosts = [(s, org) for r in range(max(map(len, by_street)))
             for s, street in enumerate(by_street)
             for org in [o for o in street if o["kind"] == "community"][r : r + 1]]  # fmt: skip
    small: list[Centre] = []
    for s_index, host in hosts[: spec.centres - len(centres)]:
        code = streets[s_index][0]
        j = sum(c["id"].startswith(f"{code}-sq") for c in small) + 1
        takes_over = s_index == renovated  # big rooms with projectors while the street's is shut
        crooms = [_room("hd", "党员活动室", 50 if takes_over else rng.choice([40, 45, 50]),
                        ["投影仪"])]  # fmt: skip
        if takes_over or rng.random() < 0.5:
            crooms.append(_room("ys", "居民议事厅", rng.choice([16, 20])))
        small.append({
            "id": f"{code}-sq{j}",
            "name": f"{host['name']}党群服务中心",
            "location": {**host["location"]},
            "open_days": ["mon", "tue", "wed", "thu", "fri", "sat"],
            "hours": "08:30-18:00",
            "rooms": crooms,
        })  # fmt: skip
    # Short room repairs in three community centres.
    repairs = [(nth_weekday(year, 4, 2, 3), 2, "设备检修"),
               (nth_weekday(year, 5, 2, 4), 1, "消防检查"),
               (nth_weekday(year, 6, 2, 1), 3, "投影仪更换")]  # fmt: skip
    others = [c for c in small if not c["id"].startswith(f"{streets[renovated][0]}-")]
    for centre, (a, length, why) in zip(rng.sample(others, min(3, len(others))), repairs,
                                        strict=False):  # fmt: skip
        centre["closures"] = [{"start": a, "end": a + timedelta(days=length), "reason": why,
                               "rooms": ["hd"]}]  # fmt: skip
    # Listed by street, as a directory would.
    order = {code: i for i, (code, *_rest) in enumerate(streets)}
    small.sort(key=lambda c: (order[c["id"].split("-sq")[0]], c["id"]))
    merged: list[Centre] = centres[:1]
    for centre in centres[1:]:
        code = centre["id"].removesuffix("-zx")
        merged += [centre, *(c for c in small if c["id"].startswith(f"{code}-sq"))]
    merged += [c for c in small if c not in merged]
    return merged


def _series(
    spec: DistrictSpec, streets: list[tuple[str, str, float, float]], by_street: list[list[Org]]
) -> list[Series]:
    series: list[Series] = []
    for s_index, (code, sname, _lat, _lon) in enumerate(streets):
        series.append({
            "id": f"{code}-theme",
            "name": f"{sname}区域化党建主题党日",
            "type": "主题党日",
            "cadence": "monthly",
            "day": DAY_RULES[s_index % len(DAY_RULES)],
            "start": "14:30" if s_index % 2 == 0 else "09:00",
            "duration": "2h",
            "participants": {"groups": [code]},
            "delegates_per_org": 3,
            "room": {"equipment": ["投影仪"]},
        })  # fmt: skip
        series.append({
            "id": f"{code}-meeting",
            "name": f"{sname}区域化党建联席会议",
            "type": "联席会议",
            "cadence": "quarterly",
            "day": "any-workday",
            "start": "09:30",
            "duration": "1h30m",
            "participants": {"groups": [code]},
            "delegates_per_org": 1,
            "room": {},
        })  # fmt: skip
    organs = [o["id"] for street in by_street for o in street if o["kind"] == "organ"]
    series.append({
        "id": "district-meeting",
        "name": "汉阳区区域化党建联席会议（全体会议）",
        "type": "联席会议",
        "cadence": "quarterly",
        "day": "any-workday",
        "flexible": True,
        "start": "14:30",
        "duration": "2h",
        "participants": {"groups": [DISTRICT]},
        "hosts": {"orgs": organs},
        "delegates_per_org": 1,
        "room": {"equipment": ["投影仪"]},
    })  # fmt: skip
    return series


def _pairs(
    rng: random.Random, wanted: int, streets: list[tuple[str, str, float, float]],
    by_street: list[list[Org]],
) -> list[Pair]:  # fmt: skip
    """共驻共建: units help communities of their own street, streets in turn; every seventh
    pair has two units help a community (多帮一), the next an organ or school help two."""
    helpers = [cycle([o for o in s if o["kind"] != "community"]) for s in by_street]
    helped = [[o for o in s if o["kind"] == "community"] for s in by_street]
    turn = [cycle(c) for c in helped]
    seen: set[tuple[frozenset[str], frozenset[str]]] = set()
    pairs: list[Pair] = []
    for k in range(wanted):
        s = k % len(streets)
        form: Form = "many_to_one" if k % 7 == 5 else "one_to_many" if k % 7 == 6 else "one_to_one"
        if form == "one_to_many" and len(helped[s]) < 2:
            form = "one_to_one"
        for _ in range(100):
            a = next(helpers[s])
            if form == "many_to_one":
                sides = [a, next(helpers[s])], [next(turn[s])]
            elif form == "one_to_many":
                sides = [a], rng.sample(helped[s], 2)
            else:
                sides = [a], [next(turn[s])]
            key = frozenset(o["id"] for o in sides[0]), frozenset(o["id"] for o in sides[1])
            if key not in seen and len(key[0]) == len(sides[0]):
                break
        seen.add(key)
        label = {"one_to_one": "共驻共建", "many_to_one": "多帮一", "one_to_many": "一帮多"}[form]
        pairs.append({
            "id": f"gj{k + 1:03d}",
            "name": "、".join(o["name"] for o in sides[0]) + "—"
            + "、".join(o["name"] for o in sides[1]) + f"（{label}）",
            "form": form,
            "helpers": [o["id"] for o in sides[0]],
            "helped": [o["id"] for o in sides[1]],
            "visits": 1,
            "per": "quarter",
            "hosts": "both",
            "alternate": True,
            "start": "09:30" if k % 2 == 0 else "14:30",
            "duration": "2h",
            "delegation": 4,
            "min_gap_days": 20,
        })  # fmt: skip
    return pairs


def _host_history(
    rng: random.Random, year: int, month: int, streets: list[tuple[str, str, float, float]],
    by_street: list[list[Org]], series: list[Series],
) -> list[HostRecord]:  # fmt: skip
    """The last host of every series in the quarter before the horizon."""
    last = month + 2
    day = {s["id"]: s["day"] for s in series}
    out: list[HostRecord] = []
    for s_index, (code, *_rest) in enumerate(streets):
        a, b = rng.sample([o["id"] for o in by_street[s_index]], 2)
        out.append({"series": f"{code}-theme", "date": rule_day(year, last, day[f"{code}-theme"]),
                    "host": a})  # fmt: skip
        meeting = nth_weekday(year, month, 1, 3) + timedelta(days=s_index % 5)
        out.append({"series": f"{code}-meeting", "date": workday_from(meeting), "host": b})
    organs = [o["id"] for street in by_street for o in street if o["kind"] == "organ"]
    out.append({"series": "district-meeting",
                "date": workday_from(nth_weekday(year, last, 3, 4)), "host": rng.choice(organs)})
    return out  # fmt: skip


def _visit_history(pairs: list[Pair], year: int, month: int) -> list[VisitRecord]:
    first = nth_weekday(year, month, 1, 2)
    return [
        {"pair": p["id"], "date": workday_from(first + timedelta(days=(k * 11) % 70)),
         "host": p["helped"][0] if k % 2 == 0 else p["helpers"][0]}
        for k, p in enumerate(pairs) if k % 3 == 0
    ]  # fmt: skip
