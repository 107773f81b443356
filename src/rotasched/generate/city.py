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
from datetime import timedelta

from . import city_parks, city_text, days
from .days import nth_weekday, span, to_month_end, weeks, workday_from
from .lists import (
    CITY_TRADES,
    COMMUNITY_NAMES,
    ORGANS,
    STREETS,
    TOWNS,
    TRADES,
    VILLAGE_NAMES,
)
from .names import Names, near, place, short_organ, title
from .records import (
    Data,
    Form,
    History,
    Org,
    Pair,
    Series,
    VisitRecord,
)
from .spec import MIN_PARK, CitySpec, one_to_many_sizes
from .text import command
from .write import Draft, ordered

HY_LAT, HY_LON = 30.5500, 114.2400
# Where Hanyang's enterprises sit: 经开区/沌口 edge, 四新, 黄金口, the old town.
AREAS = [(30.5060, 114.2360, 0.015), (30.5285, 114.2045, 0.010),
         (30.5550, 114.2650, 0.012), (30.5650, 114.2300, 0.012)]  # fmt: skip
CHAIRS = ("汉阳区委组织部", "汉阳区农业农村局", "汉阳区委社会工作部")


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
    parks = city_parks.parks(rng, names, spec, per_park)
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
    visiting = days.visiting(year, start, end)
    data: Data = {
        "meta": city_text.meta(spec, start, end),
        "organisations": organs + firms + members + communities + villages,
        "centres": [city_parks.district_centre(spec.rooms_per_centre, max(
                        [len(participants)] + [s.get("attendance", 0) for s in series])),
                    *city_parks.centres(rng, spec, parks)],
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
    header = city_text.header(spec, source or command(spec), data, per_park)
    return Draft(data, header, city_text.notes(spec, data))


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
