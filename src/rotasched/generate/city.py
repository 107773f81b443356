"""The city kind: a Hanyang-style twinning programme, with the city's parks if it has any.

District organs (区直机关) send officials who each keep in touch with an enterprise (百名处级干部
联系服务百家企业: one-to-one, a fifth of them twice a quarter, a fifth door-to-door only); city
communities help villages one-to-one, and the villages left are helped by several organs
(多帮一) or share one organ (一帮多), so every village has one pair. The helpers meet once a
quarter in the district's service centre. A city with parks adds each park's members, its
duty rotation over a monthly theme day and a quarterly joint meeting, a station per park and
service centres across Wuhan. Visits avoid the week before Spring Festival and 调休 weekends.

Draws from the seeded generator come in a fixed order, which the bundled city (no parks)
depends on: add draws only where it draws nothing.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from textwrap import fill

from . import days
from .days import nth_weekday, rule_day, span, to_month_end, weeks, workday_from
from .lists import (
    CITY_TRADES,
    COMMUNITY_NAMES,
    ORGANS,
    PARK_KINDS,
    STREETS,
    TOWNS,
    TRADES,
    URBAN,
    VILLAGE_NAMES,
)
from .names import Names, near, place, short_organ, title
from .records import (
    Centre,
    Data,
    Form,
    Group,
    History,
    HostRecord,
    Meta,
    Org,
    Pair,
    Room,
    Series,
    Visiting,
    VisitRecord,
)
from .spec import MIN_PARK, CitySpec, one_to_many_sizes
from .text import DIGITS, command, period, period_en
from .write import PROVISIONAL, Draft, ordered

HY_LAT, HY_LON = 30.5500, 114.2400
# Where Hanyang's enterprises sit: 经开区/沌口 edge, 四新, 黄金口, the old town.
AREAS = [(30.5060, 114.2360, 0.015), (30.5285, 114.2045, 0.010),
         (30.5550, 114.2650, 0.012), (30.5650, 114.2300, 0.012)]  # fmt: skip
CHAIRS = ("汉阳区委组织部", "汉阳区农业农村局", "汉阳区委社会工作部")
# The district centre's rooms, the first `rooms_per_centre` of them; a park station's.
HALL_ROOMS: list[tuple[str, str, int, list[str]]] = [
    ("hall", "多功能报告厅", 150, ["投影仪", "音响", "LED屏"]),
    ("m1", "第一会议室", 40, ["投影仪"]),
    ("m2", "第二会议室", 24, []),
    ("m3", "党员活动室", 30, ["投影仪"]),
]
STATION_ROOMS: list[tuple[str, str, int, list[str]]] = [
    ("A", "党员活动室", 60, ["投影仪", "音响"]),
    ("B", "议事厅", 30, ["投影仪"]),
    ("C", "党员书屋", 20, []),
    ("D", "培训教室", 40, ["投影仪"]),
]
DAY_RULES = ["third-fri", "last-thu", "second-wed", "day-15", "first-tue", "second-thu"]


def build(spec: CitySpec, source: str | None = None) -> Draft:
    rng = random.Random(spec.seed)
    names = Names(rng)
    year = spec.year

    organs = _organs(rng, names, spec.organs_n, year)
    per_park = 0
    if spec.parks:
        per_park = min(spec.enterprises // spec.parks,
                       max(MIN_PARK, spec.enterprises * 3 // 4 // spec.parks))  # fmt: skip
    firms = _enterprises(rng, names, spec.enterprises - per_park * spec.parks, year)
    communities = _communities(rng, names, spec.communities_n)
    villages = _villages(rng, names, spec.villages_n, year)
    parks = _parks(rng, names, spec, per_park)
    members = [o for park in parks for o in park.members]
    pairs = _pairs(rng, names, spec.pairs, organs, firms + members, communities, villages)
    history_year, history_month = days.quarter_before(year, spec.quarter)
    visits = _visit_history(pairs, history_year, history_month)

    chairs = [o["id"] for o in organs if o["name"] in CHAIRS] or [o["id"] for o in organs[:3]]
    rural = [h for p in pairs if not p["id"].startswith("qy") for h in p["helpers"]]
    participants = chairs + [h for h in dict.fromkeys(rural) if h not in chairs]
    series: list[Series] = [{
        "id": "progress-meeting",
        "name": "城乡结对帮扶工作推进会",
        "type": "联席会议",
        "cadence": "quarterly",
        "day": "any-workday",
        "start": "14:30",
        "duration": "2h",
        "participants": {"orgs": participants},
        "hosts": {"orgs": chairs},
        "delegates_per_org": 1,
        "room": {"equipment": ["投影仪"], "own_room": False},
    }]  # fmt: skip
    for park in parks:
        series += park.series
    hosts = [h for park in parks for h in park.history(history_year, history_month)]

    start, end = days.horizon(year, spec.quarter)
    eve = days.before_spring_festival(year)
    visiting: Visiting = {"peak": 2.0, "avoid": [], "adjusted_weekends": False}
    if start <= eve[0] and eve[1] <= end:
        visiting["avoid"] = [{"start": eve[0], "end": eve[1], "reason": "春节前一周"}]
    data: Data = {
        "meta": _meta(spec, start, end),
        "organisations": organs + firms + members + communities + villages,
        "centres": [_district_centre(spec.rooms_per_centre, max(
                        [len(participants)] + [s.get("attendance", 0) for s in series])),
                    *_centres(rng, spec, parks)],
        "series": series,
        "visiting": visiting,
    }  # fmt: skip
    if days.year_of(year).provisional:
        data["calendar"] = {"provisional": True}
    if parks:
        data["groups"] = [park.group for park in parks]
    if pairs:
        data["twinning"] = pairs
    history: History = {}
    if hosts:
        history["hosts"] = hosts
    if visits:
        history["visits"] = visits
    if history:
        data["history"] = history
    data = ordered(data)
    return Draft(data, _header(spec, source or command(spec), data, per_park), _notes(spec, data))


# --- organisations ------------------------------------------------------------------------


def _organs(rng: random.Random, names: Names, n: int, year: int) -> list[Org]:
    rows: list[Org] = []
    for i in range(1, n + 1):
        lat, lon = near(rng, HY_LAT, HY_LON, 0.02)
        members = rng.randint(20, 120)
        secretary = names.person()
        oid = f"o{i:02d}"
        rows.append({
            "id": oid,
            "name": _organ_name(i - 1),
            "kind": "organ",
            "members": members,
            "secretary": {"id": f"{oid}-s", "name": secretary},
            "room": {"capacity": rng.choice([30, 40, 50, 60]), "equipment": ["投影仪"]},
            "location": {"district": "汉阳区", "lat": lat, "lon": lon},
        })  # fmt: skip
    # Busy spells of a few organs: year-end audit, the session of the district congress, ...
    spells = [weeks(year, 1, 1, 2), to_month_end(year, 12, 2), weeks(year, 3, 1, 1),
              weeks(year, 8, 1, 2), weeks(year, 11, 1, 1)]  # fmt: skip
    busy = rng.sample(rows, min(len(spells), max(1, n // 10)))
    for row, (a, b) in zip(busy, spells, strict=False):
        row["blackout"] = [span(a, b)]
    return rows


def _organ_name(i: int) -> str:
    """The organs of Hanyang, then party branches of the larger ones (第二党支部, ...)."""
    if i < len(ORGANS):
        return ORGANS[i]
    lap = i // len(ORGANS) + 1
    return f"{ORGANS[i % len(ORGANS)]}第{'一二三四五六七八九十'[(lap - 1) % 10]}党支部"


def _enterprises(rng: random.Random, names: Names, n: int, year: int) -> list[Org]:
    spells = [weeks(year, 1, 2, 3), to_month_end(year, 6, 3), weeks(year, 11, 3, 2)]
    rows: list[Org] = []
    for i in range(1, n + 1):
        name, low, high = names.firm(TRADES + CITY_TRADES)
        alat, alon, spread = AREAS[(i - 1) % len(AREAS)]
        lat, lon = near(rng, alat, alon, spread)
        members = rng.randint(low, high)
        row: Org = {
            "id": f"e{i:03d}",
            "name": name,
            "kind": "enterprise",
            "members": members,
            "secretary": {"id": f"e{i:03d}-s", "name": names.person()},
            "location": {"district": "汉阳区", "lat": lat, "lon": lon},
        }
        if rng.random() < 0.3:
            row["room"] = {"capacity": rng.choice([20, 30, 40])}
        if rng.random() < 0.08:
            a, b = rng.choice(spells)
            row["blackout"] = [span(a, b)]
        rows.append(row)
    return rows


def _communities(rng: random.Random, names: Names, n: int) -> list[Org]:
    picked = rng.sample(COMMUNITY_NAMES, min(n, len(COMMUNITY_NAMES)))
    rows: list[Org] = []
    for i in range(1, n + 1):
        _code, _street, slat, slon = STREETS[(i - 1) % len(STREETS)]
        lat, lon = near(rng, slat, slon, 0.006)
        members = rng.randint(60, 240)
        secretary = names.person()
        rows.append({
            "id": f"c{i:02d}",
            "name": f"{place(picked, i - 1)}社区",
            "kind": "community",
            "members": members,
            "secretary": {"id": f"c{i:02d}-s", "name": secretary},
            "room": {"capacity": rng.choice([30, 40])},
            "location": {"district": "汉阳区", "lat": lat, "lon": lon},
        })  # fmt: skip
    return rows


def _villages(rng: random.Random, names: Names, n: int, year: int) -> list[Org]:
    picked = rng.sample(VILLAGE_NAMES, min(n, len(VILLAGE_NAMES)))
    rows: list[Org] = []
    for i in range(1, n + 1):
        town, district, tlat, tlon = TOWNS[(i - 1) % len(TOWNS)]
        lat, lon = near(rng, tlat, tlon, 0.03)
        members = rng.randint(18, 60)
        secretary = names.person()
        row: Org = {
            "id": f"v{i:02d}",
            "name": f"{town}{place(picked, i - 1)}村",
            "kind": "village",
            "members": members,
            "secretary": {"id": f"v{i:02d}-s", "name": secretary},
            "room": {"capacity": rng.choice([30, 40, 50])},
            "location": {"district": district, "lat": lat, "lon": lon},
        }
        # The busy farming season (双抢, 秋收) in a few villages.
        if i % 7 == 3:
            row["blackout"] = [span(*weeks(year, 7, 2, 3))]
        elif i % 7 == 5:
            row["blackout"] = [span(*to_month_end(year, 9, 3))]
        rows.append(row)
    return rows


# --- twinning -----------------------------------------------------------------------------


def _pair(pid: str, name: str, form: Form, helpers: list[str], helped: list[str], visits: int,
          gap: int, delegation: int, hosts: str = "both", alternate: bool = True,
          start: str = "09:30", duration: str = "3h") -> Pair:  # fmt: skip
    return {
        "id": pid, "name": name, "form": form, "helpers": helpers, "helped": helped,
        "visits": visits, "per": "quarter", "hosts": hosts, "alternate": alternate,
        "start": start, "duration": duration, "delegation": delegation, "min_gap_days": gap,
    }  # fmt: skip


def _pairs(
    rng: random.Random,
    names: Names,
    wanted: int,
    organs: list[Org],
    firms: list[Org],
    communities: list[Org],
    villages: list[Org],
) -> list[Pair]:
    """Rural pairs first (every village one), officials with enterprises for the rest."""
    short = {o["id"]: short_organ(o["name"]) for o in organs}
    name = {o["id"]: o["name"] for o in organs + firms + communities + villages}
    sc = min(len(communities), len(villages))
    rest = len(villages) - sc
    groups = one_to_many_sizes(rest - rest // 3)
    qy = max(0, wanted - (sc + rest // 3 + len(groups)))

    pairs: list[Pair] = []
    # Officials: the heads of every organ first, then their deputies.
    enterprises = [f["id"] for f in firms]
    rng.shuffle(enterprises)
    twice = set(rng.sample(range(qy), qy // 5))  # membership only
    for k in range(qy):
        organ, ent = organs[k % len(organs)]["id"], enterprises[k]
        official = names.person()
        post = title(name[organ], deputy=k >= len(organs), k=k)
        visits = 2 if k in twice else 1
        # Most pairs alternate: the official calls at the enterprise, then the enterprise's
        # people come to the organ. A fifth are door-to-door service only (上门服务).
        both = k % 5 != 0
        pairs.append(_pair(
            f"qy{k + 1:03d}", f"{official}（{short[organ]}{post}）联系{name[ent]}",
            "one_to_one", [organ], [ent], visits, gap=20 if visits == 2 else 30, delegation=3,
            hosts="both" if both else "helped", alternate=both,
            start="09:30" if k % 2 == 0 else "14:30", duration="2h",
        ))  # fmt: skip

    # Rural twinning: an organ takes one rural pair until every organ has one.
    free: list[str] = []

    def take(n: int) -> list[str]:
        if len(free) < n:
            more = [o["id"] for o in organs]
            rng.shuffle(more)
            free[:0] = more
        return [free.pop() for _ in range(n)]

    v_iter = iter(v["id"] for v in villages)
    free[:] = [o["id"] for o in organs]
    rng.shuffle(free)
    for k, comm in enumerate(c["id"] for c in communities[:sc]):
        v = next(v_iter)
        pairs.append(_pair(f"sc{k + 1:02d}", f"{name[comm]}—{name[v]}（社区帮村）",
                           "one_to_one", [comm], [v], visits=1, gap=30, delegation=5))
    for k in range(1, rest // 3 + 1):
        helpers = take(min(3 if k % 2 else 2, len(organs)))
        v = next(v_iter)
        label = "、".join(short[h] for h in helpers)
        form: Form = "many_to_one" if len(helpers) > 1 else "one_to_one"
        pairs.append(_pair(f"dby{k:02d}", f"{label}帮扶{name[v]}（多帮一）", form, helpers,
                           [v], visits=2 if k % 3 == 0 else 1, gap=25, delegation=8))
    for k, size in enumerate(groups, start=1):
        helper = take(1)[0]
        helped = [next(v_iter) for _ in range(size)]
        label = "、".join(name[v] for v in helped)
        form = "one_to_many" if size > 1 else "one_to_one"
        pairs.append(_pair(f"ybd{k:02d}", f"{short[helper]}帮扶{label}（一帮多）", form,
                           [helper], helped, visits=1, gap=25, delegation=6, duration="4h"))
    return pairs[:wanted]


def _visit_history(pairs: list[Pair], year: int, month: int) -> list[VisitRecord]:
    """The last visit before the horizon of a third of the officials' pairs, and of every
    rural pair, in the quarter before it."""
    first = nth_weekday(year, month, 1, 2)
    out: list[VisitRecord] = []
    for k, p in enumerate(pairs):
        if p["id"].startswith("qy") and k % 3 != 0:
            continue
        sides = p["helpers"] + p["helped"]
        host = sides[-1] if k % 2 == 0 else sides[0]
        if p["hosts"] == "helped":
            host = p["helped"][0]
        day = workday_from(first + timedelta(days=(k * 11) % 70))
        out.append({"pair": p["id"], "date": day, "host": host})
    return out


# --- parks --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Park:
    """A park of the city: its group with a duty rotation, its members and series."""

    index: int
    group: Group
    members: list[Org]
    series: list[Series]
    district: str
    lat: float
    lon: float

    def history(self, year: int, month: int) -> list[HostRecord]:
        """The quarter before the horizon: one member was on duty and hosted both series."""
        host = self.members[(self.index * 7) % len(self.members)]["id"]
        theme, meeting = self.series
        last = month + 2
        return [
            {"series": theme["id"], "date": rule_day(year, last, theme["day"]), "host": host},
            {"series": meeting["id"],
             "date": workday_from(nth_weekday(year, month, 2, 2) + timedelta(days=self.index % 3)),
             "host": host},
        ]  # fmt: skip


def _parks(rng: random.Random, names: Names, spec: CitySpec, size: int) -> list[Park]:
    year = spec.year
    spells = [weeks(year, 1, 1, 2), weeks(year, 3, 1, 2), weeks(year, 6, 3, 2),
              weeks(year, 9, 1, 1), weeks(year, 11, 4, 2)]  # fmt: skip
    places = rng.sample(COMMUNITY_NAMES, min(spec.parks, len(COMMUNITY_NAMES)))
    parks: list[Park] = []
    for k in range(spec.parks):
        district, dlat, dlon = URBAN[k % len(URBAN)]
        lat, lon = near(rng, dlat, dlon, 0.05)
        pid = f"park-{k + 1:02d}"
        pname = place(places, k) + PARK_KINDS[k % len(PARK_KINDS)]
        n_large, n_medium = max(1, size // 10), size * 3 // 10
        tiers = ["large"] * n_large + ["medium"] * n_medium
        tiers += ["small"] * (size - len(tiers))
        rng.shuffle(tiers)
        members: list[Org] = []
        for i, tier in enumerate(tiers, start=1):
            name, low, high = names.firm(TRADES)
            olat, olon = near(rng, lat, lon, 0.006)
            count = {"large": (45, 80), "medium": (max(low, 12), max(high, 30)),
                     "small": (3, 12)}[tier]  # fmt: skip
            oid = f"p{k + 1:02d}e{i:02d}"
            org: Org = {
                "id": oid,
                "name": name.replace("有限公司", "股份有限公司") if tier == "large" else name,
                "kind": "enterprise",
                "groups": [pid],
                "members": rng.randint(*count),
                "secretary": {"id": f"p{k + 1:02d}s{i:02d}", "name": names.person()},
                "location": {"district": district, "lat": olat, "lon": olon},
            }
            if tier == "large":
                capacity = rng.choice([60, 80, 100])
                org["room"] = {"capacity": capacity, "equipment": ["投影仪", "音响"]}
            elif tier == "medium" and rng.random() < 0.5:
                org["room"] = {"capacity": rng.choice([20, 24, 30, 36])}
            roll = rng.random()
            if roll < 0.06:
                org["blackout"] = [span(*rng.choice(spells))]
            elif roll < 0.09:
                org["weekdays"] = rng.choice([["tue", "wed", "thu", "fri"], ["mon", "wed", "fri"]])
            members.append(org)
        small = [o for o, t in zip(members, tiers, strict=True) if t == "small"]
        large = [o for o, t in zip(members, tiers, strict=True) if t == "large"]
        if len(small) >= 2:  # one person is secretary of two small firms (兼任)
            shared = small[0]["secretary"]
            small[1]["secretary"] = {"id": shared["id"], "name": shared["name"]}
        theme: Series = {
            "id": f"{pid}-theme",
            "name": f"{pname}主题党日（5+N）",
            "type": "主题党日",
            "cadence": "monthly",
            "day": DAY_RULES[k % len(DAY_RULES)],
            "fallback": "next",
            "flexible": True,
            "start": "14:30",
            "duration": "2h",
            "participants": {"groups": [pid]},
            "attendance": 5 * round(size / 3),
            "room": {"equipment": ["投影仪"]},
        }
        if len(small) >= 3:
            theme["strong_weak"] = [{"strong": large[-1]["id"], "weak": small[2]["id"]}]
        meeting: Series = {
            "id": f"{pid}-meeting",
            "name": f"{pname}党建联席会议",
            "type": "联席会议",
            "cadence": "quarterly",
            "day": "any-workday",
            "start": "09:30",
            "duration": "2h",
            "participants": {"groups": [pid]},
            "delegates_per_org": 1,
            "room": {"equipment": ["投影仪"], "own_room": False},
        }
        group: Group = {"id": pid, "name": f"{pname}联合党委", "kind": "park",
                        "duty": {"term": "quarter", "series": [theme["id"], meeting["id"]]}}
        parks.append(Park(k, group, members, [theme, meeting], district, lat, lon))
    return parks


# --- centres ------------------------------------------------------------------------------


def _rooms(template: list[tuple[str, str, int, list[str]]], n: int, least: int = 0) -> list[Room]:
    rooms: list[Room] = []
    for i, (rid, name, capacity, equipment) in enumerate(template[:n]):
        room: Room = {"id": rid, "name": name, "capacity": max(capacity, least) if i == 0
                      else capacity}  # fmt: skip
        if equipment:
            room["equipment"] = equipment
        rooms.append(room)
    return rooms


def _district_centre(rooms: int, meeting: int) -> Centre:
    """The district's service centre: its hall holds the helpers' meeting."""
    return {
        "id": "qu-zx",
        "name": "汉阳区党群服务中心",
        "location": {"district": "汉阳区", "lat": 30.5548, "lon": 114.2658},
        "open_days": ["mon", "tue", "wed", "thu", "fri"],
        "hours": "08:30-17:30",
        "rooms": _rooms(HALL_ROOMS, rooms, meeting),
    }


def _centres(rng: random.Random, spec: CitySpec, parks: list[Park]) -> list[Centre]:
    """A station in each park while centres last, then service centres across Wuhan; a few
    close for renovation (four weeks) or have a room repaired (three days)."""
    year = spec.year
    out: list[Centre] = []
    for park in parks[: spec.centres - 1]:
        size = len(park.members)
        out.append({
            "id": f"zhan-{park.index + 1:02d}",
            "name": f"{park.group['name'].removesuffix('联合党委')}党建工作站",
            "location": {"district": park.district, "lat": park.lat, "lon": park.lon},
            "open_days": ["mon", "tue", "wed", "thu", "fri"],
            "hours": "08:30-17:30",
            "rooms": _rooms(STATION_ROOMS, spec.rooms_per_centre, 5 * round(size / 3)),
        })  # fmt: skip
    for j in range(spec.centres - 1 - len(out)):
        district, dlat, dlon = URBAN[(j + 1) % len(URBAN)]
        lap = (j + 1) // len(URBAN)
        lat, lon = near(rng, dlat, dlon, 0.04)
        out.append({
            "id": f"zx-{j + 1:02d}",
            "name": f"{district}{'' if lap == 0 else f'第{DIGITS[lap + 1]}'}党群服务中心",
            "location": {"district": district, "lat": lat, "lon": lon},
            "open_days": ["mon", "tue", "wed", "thu", "fri"],
            "hours": "08:30-17:30",
            "rooms": _rooms(HALL_ROOMS, spec.rooms_per_centre),
        })  # fmt: skip
    for centre in out:
        roll = rng.random()
        if roll < 0.1:
            a, b = weeks(year, rng.randint(3, 10), rng.randint(1, 3), 4)
            centre["closures"] = [{"start": a, "end": b, "reason": "装修改造"}]
        elif roll < 0.25:
            a = nth_weekday(year, rng.randint(1, 12), 1, rng.randint(1, 3))
            centre["closures"] = [{"start": a, "end": a + timedelta(days=2), "reason": "设备检修",
                                   "rooms": [centre["rooms"][0]["id"]]}]  # fmt: skip
    return out


# --- words --------------------------------------------------------------------------------


def _meta(spec: CitySpec, start: date, end: date) -> Meta:
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


def _notes(spec: CitySpec, data: Data) -> dict[str, str]:
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


def _header(spec: CitySpec, source: str, data: Data, per_park: int) -> str:
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
