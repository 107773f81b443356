"""The parks of a city (members, duty rotation, theme day and joint meeting) and its centres:
the district's service centre, a station per park while centres last, service centres across
Wuhan, a few closed for renovation or a room's repair."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import timedelta

from .days import nth_weekday, rule_day, span, weeks, workday_from
from .lists import COMMUNITY_NAMES, PARK_KINDS, TRADES, URBAN
from .names import Names, near, place
from .records import Centre, Group, HostRecord, Org, Room, Series
from .spec import CitySpec
from .text import DIGITS

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


def parks(rng: random.Random, names: Names, spec: CitySpec, size: int) -> list[Park]:
    year = spec.year
    spells = [weeks(year, 1, 1, 2), weeks(year, 3, 1, 2), weeks(year, 6, 3, 2),
              weeks(year, 9, 1, 1), weeks(year, 11, 4, 2)]  # fmt: skip
    places = rng.sample(COMMUNITY_NAMES, min(spec.parks, len(COMMUNITY_NAMES)))
    out: list[Park] = []
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
        out.append(Park(k, group, members, [theme, meeting], district, lat, lon))
    return out


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


def district_centre(rooms: int, meeting: int) -> Centre:
    """The district's service centre: its hall holds the helpers' meeting."""
    return {
        "id": "qu-zx",
        "name": "汉阳区党群服务中心",
        "location": {"district": "汉阳区", "lat": 30.5548, "lon": 114.2658},
        "open_days": ["mon", "tue", "wed", "thu", "fri"],
        "hours": "08:30-17:30",
        "rooms": _rooms(HALL_ROOMS, rooms, meeting),
    }


def centres(rng: random.Random, spec: CitySpec, parks: list[Park]) -> list[Centre]:
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


