#!/usr/bin/env python3
"""How rotasched scales: generate synthetic scenarios of growing size and print figures.

This is a benchmark, not a test: it asserts nothing about timing, it measures and prints.
For each size it writes a synthetic scenario (YAML + CSV, Chinese names, in a temporary
folder), then runs the public pipeline stage by stage and reports:

    sizes          organisations, centres/rooms, series/occurrences, pairs/links/visits
    load           rotasched.load_scenario (read YAML + CSV, validate)  and build_calendar
    prepare        rotasched.problem.prepare
    build          rotasched.solver.build, with CP-SAT variables/constraints from model.cp.proto
                   (and a per-stage breakdown: rotation, venues, twinning, clashes, objective)
    solve          rotasched.solver.solve: wall time of the call (it builds the model again),
                   CP-SAT wall and deterministic time, presolve time, first solution, status,
                   objective, bound, gap
    export, check  rotasched.export.export_plan and rotasched.check.check_dir
    peak RSS       resource.getrusage high-water mark after each stage

Each size runs in its own child process (so the peak RSS is that size's own), one after the
other: never two solves at once. The machine this was written on has 2 cores.

Sizes (30 enterprises per park at city size; organisations = parks x enterprises + organs +
communities + villages):

    small    2 parks x 15,  40 orgs,  3 centres,  20 pairs
    medium   8 parks x 25, 250 orgs, 14 centres, 125 pairs
    large   15 parks x 30, 525 orgs, 25 centres, 250 pairs
    city    30 parks x 30, 1000 orgs, 50 centres, 500 pairs   (the project's city target)

Every park has a monthly 主题党日 (term: quarter, so one 执行书记 per quarter; room with a
projector, own rooms allowed) and a quarterly 党建联席会议 of its secretaries (a centre room
with a projector, own rooms not allowed). Pairs: 60% organ-enterprise 一帮一 (百名处级干部联系
百家企业; a fifth of them twice a quarter, a fifth visit-only), 25% enterprise-village, 8%
community-village, 4% 多帮一, 3% 一帮多. Year 2026 throughout.

Work budget: --work sets CP-SAT's deterministic budget for every size. Without it, large and
city get 60 and the quick sizes less (small 10, medium 15). Deterministic time is not wall
time: on this 2-core machine one unit took ~2 wall seconds at small size, ~4-5 at medium and
~12.6 at city size, and no size proves optimality (small: 0.8% gap after 60 units, 116 s),
so 60 units each for small and medium would take ~5 minutes.

Run:

    .venv/bin/python benchmarks/scale.py --sizes small,medium           # ~2 minutes
    .venv/bin/python benchmarks/scale.py --sizes city --work 60         # the city target
    .venv/bin/python benchmarks/scale.py --sizes city --time-limit 300  # or cap wall time

The city size with --work 60 took ~13 minutes here (CP-SAT alone 754 s: 43 s presolve, first
solution after 110 s) and peaked at 4.3 GB; run it in the background with output to a file,
and follow the live CP-SAT log when --keep is given:

    nohup .venv/bin/python benchmarks/scale.py --sizes city --work 60 --keep /tmp/scale \\
        --json /tmp/city.json > /tmp/city.txt 2>&1 &
    tail -f /tmp/city.txt /tmp/scale/city/cpsat-0.log

Other options: --seed (generator and solver), --parts parks,twinning (leave one out to see
what each costs), --explain (also time an infeasible variant: solve + the explanation),
--profile (cProfile of every non-solver stage, top functions printed), --keep DIR (keep the
generated scenarios, plan folders and CP-SAT logs), --no-stages (skip the per-stage build
breakdown, which builds the model one extra time), --json FILE (all figures as JSON).

Experiments, clearly not rotasched's behaviour (printed as EXPERIMENT): --what-if-rooms N
offers each occurrence only the rooms of its N nearest centres (rotasched offers every fitting
room in the city), --cp-param KEY=VALUE sets a CP-SAT parameter on top of rotasched's own
(e.g. cp_model_probing_level=0; ignore_subsolvers+=a,b for a repeated field).
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import json
import pstats
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scenarios"))
import generate as gen  # noqa: E402  (word lists and writers; its main() is never called)

# ---------------------------------------------------------------------------------------------
# Sizes
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Size:
    name: str
    parks: int
    per_park: int  # member enterprises of each park
    organs: int
    communities: int
    villages: int
    centres: int  # one 党建工作站 per park (as far as they go), the rest 党群服务中心
    pairs: int
    work: float  # default CP-SAT work budget when --work is not given

    @property
    def orgs(self) -> int:
        return self.parks * self.per_park + self.organs + self.communities + self.villages


SIZES = {
    "small": Size("small", 2, 15, 4, 3, 3, 3, 20, work=10),
    "medium": Size("medium", 8, 25, 20, 10, 20, 14, 125, work=15),
    "large": Size("large", 15, 30, 30, 15, 30, 25, 250, work=60),
    "city": Size("city", 30, 30, 40, 20, 40, 50, 500, work=60),
}

# ---------------------------------------------------------------------------------------------
# Scenario generator (deterministic per seed)
# ---------------------------------------------------------------------------------------------

# Urban districts of Wuhan where the parks and service centres sit: (district, lat, lon).
URBAN = [
    ("汉阳区", 30.5500, 114.2400),
    ("江岸区", 30.6000, 114.3000),
    ("江汉区", 30.6010, 114.2700),
    ("硚口区", 30.5800, 114.2500),
    ("武昌区", 30.5500, 114.3200),
    ("青山区", 30.6300, 114.3900),
    ("洪山区", 30.5000, 114.3500),
    ("东西湖区", 30.6200, 114.1400),
]
PARK_KINDS = ["都市工业园", "科技产业园", "创新园", "产业园", "智造园", "物流园"]
DAY_RULES = ["third-fri", "last-thu", "second-wed", "day-15", "first-tue", "second-thu"]
BLACKOUTS = [
    (date(2026, 1, 5), date(2026, 1, 16)),  # 年终结算
    (date(2026, 3, 2), date(2026, 3, 13)),  # 审计
    (date(2026, 6, 15), date(2026, 6, 26)),  # 生产旺季
    (date(2026, 9, 7), date(2026, 9, 11)),  # 换届
    (date(2026, 11, 23), date(2026, 12, 4)),  # 年度考核
]
TWINNING_COLUMNS = [
    "id",
    "name",
    "form",
    "helpers",
    "helped",
    "visits",
    "per",
    "hosts",
    "alternate",
    "start",
    "duration",
    "delegation",
    "min_gap_days",
]


def _firm(rng: random.Random, used: set[str]) -> tuple[str, int, int]:
    """A unique enterprise name: brand + trade, with a 武汉/湖北 prefix."""
    while True:
        brand = rng.choice(gen.BRANDS)
        suffix, low, high = rng.choice(gen.TRADES + gen.CITY_TRADES)
        if brand + suffix not in used:
            used.add(brand + suffix)
            prefix = "湖北" if rng.random() < 0.15 else "武汉"
            return prefix + brand + suffix, low, high


def _numbered(names: list[str], i: int, more: str) -> str:
    """names[i], or a numbered variant once the list runs out (custom large sizes)."""
    base = names[i % len(names)]
    return base if i < len(names) else f"{base}{more}{i // len(names) + 1}"


def write_scenario(
    size: Size, seed: int, folder: Path, parts: set[str], infeasible: bool = False
) -> Path:
    """Write <folder>/<size>.yaml with orgs.csv, twinning.csv, history.csv; return the YAML."""
    rng = random.Random(f"{size.name}-{seed}")
    names = gen.Names(rng)
    firms: set[str] = set()
    folder.mkdir(parents=True, exist_ok=True)
    orgs: list[dict[str, Any]] = []

    # -- parks and their enterprises ----------------------------------------------------------
    places = rng.sample(gen.COMMUNITY_NAMES, min(size.parks, len(gen.COMMUNITY_NAMES)))
    parks: list[dict[str, Any]] = []
    for k in range(size.parks):
        district, dlat, dlon = URBAN[k % len(URBAN)]
        lat, lon = (float(x) for x in gen.near(rng, dlat, dlon, 0.05))
        name = _numbered(places, k, "") + PARK_KINDS[k % len(PARK_KINDS)]
        park: dict[str, Any] = {
            "id": f"park-{k + 1:02d}",
            "name": name,
            "district": district,
            "lat": lat,
            "lon": lon,
            "members": [],
        }
        parks.append(park)
        tiers = ["large"] * max(1, size.per_park // 10) + ["medium"] * (size.per_park * 3 // 10)
        tiers += ["small"] * (size.per_park - len(tiers))
        rng.shuffle(tiers)
        for i, tier in enumerate(tiers, start=1):
            fname, low, high = _firm(rng, firms)
            olat, olon = gen.near(rng, lat, lon, 0.006)
            row: dict[str, Any] = {
                "id": f"p{k + 1:02d}e{i:02d}",
                "name": fname.replace("有限公司", "股份有限公司") if tier == "large" else fname,
                "kind": "enterprise",
                "groups": park["id"],
                "members": {
                    "large": rng.randint(45, 80),
                    "medium": rng.randint(max(low, 12), max(high, 30)),
                    "small": rng.randint(3, 12),
                }[tier],
                "secretary.id": f"p{k + 1:02d}s{i:02d}",
                "secretary.name": names.person(),
                "location.district": district,
                "location.lat": olat,
                "location.lon": olon,
                "_tier": tier,
            }
            if tier == "large":
                row["room.capacity"] = rng.choice([60, 80, 100])
                row["room.equipment"] = "投影仪;音响"
            elif tier == "medium" and rng.random() < 0.5:
                row["room.capacity"] = rng.choice([20, 24, 30, 36])
                if rng.random() < 0.5:
                    row["room.equipment"] = "投影仪"
            roll = rng.random()
            if roll < 0.06:
                a, b = rng.choice(BLACKOUTS)
                row["blackout"] = gen.span(a, b)
            elif roll < 0.09:
                row["weekdays"] = rng.choice(["tue;wed;thu;fri", "mon;wed;fri"])
            orgs.append(row)
            park["members"].append(row)
        small = [o for o in park["members"] if o["_tier"] == "small"]
        if len(small) >= 2:  # one person is secretary of two small firms (兼任)
            small[1]["secretary.id"] = small[0]["secretary.id"]
            small[1]["secretary.name"] = small[0]["secretary.name"]

    # -- organs, communities, villages ---------------------------------------------------------
    organs = []
    for i in range(size.organs):
        olat, olon = gen.near(rng, 30.5500, 114.2400, 0.03)
        row = {
            "id": f"o{i + 1:02d}",
            "name": _numbered(gen.ORGANS, i, "第") + ("" if i < len(gen.ORGANS) else "党支部"),
            "kind": "organ",
            "members": rng.randint(20, 120),
            "secretary.id": f"o{i + 1:02d}s",
            "secretary.name": names.person(),
            "room.capacity": rng.choice([30, 40, 50, 60]),
            "room.equipment": "投影仪",
            "location.district": "汉阳区",
            "location.lat": olat,
            "location.lon": olon,
        }
        if rng.random() < 0.1:
            a, b = rng.choice(BLACKOUTS)
            row["blackout"] = gen.span(a, b)
        organs.append(row)
    communities = []
    cnames = rng.sample(gen.COMMUNITY_NAMES, min(size.communities, len(gen.COMMUNITY_NAMES)))
    for i in range(size.communities):
        _code, _street, slat, slon = gen.STREETS[i % len(gen.STREETS)]
        clat, clon = gen.near(rng, slat, slon, 0.006)
        communities.append(
            {
                "id": f"c{i + 1:02d}",
                "name": _numbered(cnames, i, "") + "社区",
                "kind": "community",
                "members": rng.randint(60, 240),
                "secretary.id": f"c{i + 1:02d}s",
                "secretary.name": names.person(),
                "room.capacity": rng.choice([30, 40]),
                "location.district": "汉阳区",
                "location.lat": clat,
                "location.lon": clon,
            }
        )
    villages = []
    combos = [(t, v) for t in gen.TOWNS for v in gen.VILLAGE_NAMES]
    rng.shuffle(combos)
    for i in range(size.villages):
        (town, district, tlat, tlon), vname = combos[i % len(combos)]
        vlat, vlon = gen.near(rng, tlat, tlon, 0.03)
        row = {
            "id": f"v{i + 1:03d}",
            "name": f"{town}{vname}村" + ("" if i < len(combos) else f"{i // len(combos) + 1}组"),
            "kind": "village",
            "members": rng.randint(18, 60),
            "secretary.id": f"v{i + 1:03d}s",
            "secretary.name": names.person(),
            "room.capacity": rng.choice([30, 40, 50]),
            "location.district": district,
            "location.lat": vlat,
            "location.lon": vlon,
        }
        if i % 7 == 3:  # 双抢 / 秋收
            row["blackout"] = gen.span(date(2026, 7, 13), date(2026, 7, 31))
        elif i % 7 == 5:
            row["blackout"] = gen.span(date(2026, 9, 21), date(2026, 9, 30))
        villages.append(row)
    orgs += organs + communities + villages
    rows = [{k: v for k, v in o.items() if not k.startswith("_")} for o in orgs]
    gen.write_csv(folder / "orgs.csv", gen.used_columns(gen.ORG_COLUMNS, rows), rows)

    # -- centres -------------------------------------------------------------------------------
    centres: list[dict[str, Any]] = []
    for k, park in enumerate(parks[: size.centres]):
        centres.append(
            {
                "id": f"zhan-{k + 1:02d}",
                "name": f"{park['name']}党建工作站",
                "location": {
                    "district": park["district"],
                    "lat": round(park["lat"], 4),
                    "lon": round(park["lon"], 4),
                },
                "hours": "08:30-17:30",
                "rooms": [
                    {
                        "id": "A",
                        "name": "党员活动室",
                        "capacity": 60,
                        "equipment": ["投影仪", "音响"],
                    },
                    {"id": "B", "name": "议事厅", "capacity": 30, "equipment": ["投影仪"]},
                    {"id": "C", "name": "党员书屋", "capacity": 20},
                ],
            }
        )
    for j in range(size.centres - len(centres)):
        district, dlat, dlon = URBAN[j % len(URBAN)]
        street = gen.STREETS[j % len(gen.STREETS)][1] if district == "汉阳区" else ""
        clat, clon = gen.near(rng, dlat, dlon, 0.04)
        centres.append(
            {
                "id": f"zx-{j + 1:02d}",
                "name": f"{district}{street}党群服务中心"
                + (f"（{j + 1}号）" if not street else ""),
                "location": {"district": district, "lat": float(clat), "lon": float(clon)},
                "hours": "08:30-17:30",
                "rooms": [
                    {
                        "id": "hall",
                        "name": "多功能报告厅",
                        "capacity": rng.choice([120, 150]),
                        "equipment": ["投影仪", "音响", "LED屏"],
                    },
                    {"id": "m1", "name": "第一会议室", "capacity": 40, "equipment": ["投影仪"]},
                    {"id": "m2", "name": "第二会议室", "capacity": 24},
                ],
            }
        )
    for centre in centres:
        roll = rng.random()
        if roll < 0.1:
            a = date(2026, rng.randint(3, 10), rng.randint(1, 20))
            centre["closures"] = [{"start": a, "end": a + timedelta(days=27), "reason": "装修改造"}]
        elif roll < 0.25:
            a = date(2026, rng.randint(1, 12), rng.randint(1, 25))
            room = centre["rooms"][0]["id"]
            centre["closures"] = [
                {"start": a, "end": a + timedelta(days=2), "reason": "设备检修", "rooms": [room]}
            ]

    # -- series: a monthly theme day and a quarterly joint meeting per park ------------------
    series: list[dict[str, Any]] = []
    hosts_history: list[dict[str, Any]] = []
    if "parks" in parts:
        for k, park in enumerate(parks):
            members = park["members"]
            large = [o for o in members if o["_tier"] == "large"]
            small = [o for o in members if o["_tier"] == "small"]
            strong_weak = [
                {"strong": s["id"], "weak": w["id"]}
                for s, w in zip(large, small[2:4], strict=False)
            ]
            series.append(
                {
                    "id": f"{park['id']}-theme",
                    "name": f"{park['name']}主题党日（5+N）",
                    "type": "主题党日",
                    "cadence": "monthly",
                    "day": DAY_RULES[k % len(DAY_RULES)],
                    "fallback": "next",
                    "flexible": True,
                    "start": "14:30",
                    "duration": "2h",
                    "participants": {"groups": [park["id"]]},
                    "attendance": rng.randint(35, 60),
                    "term": "quarter",
                    "room": {"equipment": ["投影仪"]},
                    "strong_weak": strong_weak,
                }
            )
            series.append(
                {
                    "id": f"{park['id']}-meeting",
                    "name": f"{park['name']}党建联席会议",
                    "type": "联席会议",
                    "cadence": "quarterly",
                    "day": "any-workday",
                    "start": "09:30",
                    "duration": "2h",
                    "participants": {"groups": [park["id"]]},
                    "delegates_per_org": 1,
                    "room": {"equipment": ["投影仪"], "own_room": False},
                }
            )
            last = rng.sample(members, 2)
            hosts_history.append(
                {
                    "series": f"{park['id']}-theme",
                    "date": gen.workday_2025(date(2025, 12, 19)),
                    "host": last[0]["id"],
                }
            )
            hosts_history.append(
                {
                    "series": f"{park['id']}-meeting",
                    "date": gen.workday_2025(date(2025, 11, 11 + k % 10)),
                    "host": last[1]["id"],
                }
            )

    # -- twinning -----------------------------------------------------------------------------
    pairs: list[dict[str, Any]] = []

    def pair(
        pid: str,
        name: str,
        form: str,
        helpers: list[str],
        helped: list[str],
        visits: int,
        gap: int,
        delegation: int,
        hosts: str = "both",
        start: str = "09:30",
        duration: str = "3h",
    ) -> None:
        pairs.append(
            {
                "id": pid,
                "name": name,
                "form": form,
                "helpers": ";".join(helpers),
                "helped": ";".join(helped),
                "visits": visits,
                "per": "quarter",
                "hosts": hosts,
                "alternate": "true" if hosts == "both" else "false",
                "start": start,
                "duration": duration,
                "delegation": delegation,
                "min_gap_days": gap,
            }
        )

    if "twinning" in parts and size.pairs:
        n = size.pairs
        n_m2o = max(1, round(n * 0.04)) if size.organs >= 3 and size.villages else 0
        n_o2m = max(1, round(n * 0.03)) if size.organs and size.villages >= 3 else 0
        n_cv = round(n * 0.08) if size.communities and size.villages else 0
        n_ev = round(n * 0.25) if size.villages else 0
        n_oe = n - n_m2o - n_o2m - n_cv - n_ev
        organ_name = {o["id"]: o["name"] for o in organs}
        short = {o["id"]: gen.short_organ(o["name"]) for o in organs}
        name_of = {o["id"]: o["name"] for o in orgs}
        enterprises = [o["id"] for o in orgs if o["kind"] == "enterprise"]
        rng.shuffle(enterprises)
        strong = [o["id"] for o in orgs if o.get("_tier") in ("large", "medium")]
        rng.shuffle(strong)
        vids = [v["id"] for v in villages]
        for k in range(n_oe):  # 百名处级干部联系服务百家企业
            organ = organs[k % len(organs)]["id"]
            ent = enterprises[k % len(enterprises)]
            official = names.person()
            post = gen.title(organ_name[organ], deputy=k >= len(organs), k=k)
            twice = k % 5 == 1
            pair(
                f"qy{k + 1:03d}",
                f"{official}（{short[organ]}{post}）联系{name_of[ent]}",
                "one_to_one",
                [organ],
                [ent],
                visits=2 if twice else 1,
                gap=20 if twice else 30,
                delegation=3,
                hosts="helped" if k % 5 == 0 else "both",
                start="09:30" if k % 2 == 0 else "14:30",
                duration="2h",
            )
        for k in range(n_ev):  # 企业帮村
            ent, v = strong[k % len(strong)], vids[k % len(vids)]
            pair(
                f"qc{k + 1:03d}",
                f"{name_of[ent]}—{name_of[v]}（企村结对）",
                "one_to_one",
                [ent],
                [v],
                visits=1,
                gap=30,
                delegation=5,
            )
        for k in range(n_cv):  # 社区帮村
            c, v = communities[k % len(communities)]["id"], vids[(k + n_ev) % len(vids)]
            pair(
                f"sc{k + 1:03d}",
                f"{name_of[c]}—{name_of[v]}（社区帮村）",
                "one_to_one",
                [c],
                [v],
                visits=1,
                gap=30,
                delegation=5,
            )
        for k in range(n_m2o):  # 多帮一
            helpers = [o["id"] for o in rng.sample(organs, 2 + k % 2)]
            v = vids[(k * 3 + 1) % len(vids)]
            label = "、".join(short[h] for h in helpers)
            pair(
                f"dby{k + 1:02d}",
                f"{label}帮扶{name_of[v]}（多帮一）",
                "many_to_one",
                helpers,
                [v],
                visits=2 if k % 3 == 2 else 1,
                gap=25,
                delegation=8,
            )
        for k in range(n_o2m):  # 一帮多
            helper = organs[(k * 7 + 3) % len(organs)]["id"]
            helped = rng.sample(vids, min(len(vids), 2 + k % 2))
            label = "、".join(name_of[v] for v in helped)
            pair(
                f"ybd{k + 1:02d}",
                f"{short[helper]}帮扶{label}（一帮多）",
                "one_to_many",
                [helper],
                helped,
                visits=1,
                gap=25,
                delegation=6,
                duration="4h",
            )
    if infeasible and size.villages and size.organs:
        # Three visits a month at least 15 days apart cannot fit in February: no plan exists.
        v, organ = villages[0]["id"], organs[0]["id"]
        pairs.append(
            {
                "id": "bukeneng",
                "name": "不可能的结对（每月三次、间隔十五天）",
                "form": "one_to_one",
                "helpers": organ,
                "helped": v,
                "visits": 3,
                "per": "month",
                "hosts": "both",
                "alternate": "true",
                "start": "09:30",
                "duration": "2h",
                "delegation": 3,
                "min_gap_days": 15,
            }
        )
    gen.write_csv(folder / "twinning.csv", TWINNING_COLUMNS, pairs)
    visits_history = []
    for k, p in enumerate(pairs):
        if k % 3 != 0 or p["id"] == "bukeneng":
            continue
        sides = p["helpers"].split(";") + p["helped"].split(";")
        host = p["helped"].split(";")[0] if p["hosts"] == "helped" or k % 2 == 0 else sides[0]
        day = gen.workday_2025(date(2025, 10, 13) + timedelta(days=(k * 11) % 70))
        visits_history.append({"pair": p["id"], "date": day.isoformat(), "host": host})
    gen.write_csv(folder / "history.csv", ["pair", "date", "host"], visits_history)

    groups = [{"id": p["id"], "name": f"{p['name']}联合党委", "kind": "park"} for p in parks]
    sections: list[tuple[str, str, Any]] = [
        (
            "",
            "meta",
            {
                "name": f"武汉市区域化党建 2026 年活动计划（基准测试：{size.name}）",
                "locale": "zh",
                "timezone": "Asia/Shanghai",
                "start": date(2026, 1, 1),
                "end": date(2026, 12, 31),
                "description": f"{size.parks} 个园区轮值承办主题党日和联席会议，"
                f"共用 {size.centres} 个党群服务中心和党建工作站；{len(pairs)} 组结对共建。",
            },
        ),
        ("", "groups", groups or []),
        ("", "organisations", "orgs.csv"),
        ("", "centres", centres),
        ("", "series", series),
        ("", "twinning", "twinning.csv" if pairs else []),
        (
            "",
            "history",
            {"hosts": hosts_history, "visits": "history.csv"}
            if visits_history
            else {"hosts": hosts_history},
        ),
    ]
    path = folder / f"{size.name}.yaml"
    header = f"基准测试场景 {size.name}（benchmarks/scale.py 生成，种子 {seed}）"
    gen.write_yaml(path, header, sections)
    return path


# ---------------------------------------------------------------------------------------------
# Measuring
# ---------------------------------------------------------------------------------------------


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * resource.getpagesize() / 2**20


class Stage:
    """Times a block, records peak RSS after it, optionally profiles it with cProfile."""

    def __init__(self, out: dict[str, Any], name: str, profile: bool = False) -> None:
        self.out, self.name, self.profile = out, name, profile

    def __enter__(self) -> Stage:
        gc.collect()
        self.prof = cProfile.Profile() if self.profile else None
        self.t0 = time.perf_counter()
        if self.prof:
            self.prof.enable()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.prof:
            self.prof.disable()
        dt = time.perf_counter() - self.t0
        self.out[f"t_{self.name}"] = round(dt, 3)
        self.out[f"peak_after_{self.name}"] = round(peak_mb(), 1)
        note(f"  {self.name:<14} {dt:9.2f} s   rss {rss_mb():7.0f} MB   peak {peak_mb():7.0f} MB")
        if self.prof:
            buf = io.StringIO()
            stats = pstats.Stats(self.prof, stream=buf)
            stats.sort_stats("tottime").print_stats(12)
            lines = [ln for ln in buf.getvalue().splitlines() if ln.strip()]
            start = next((i for i, ln in enumerate(lines) if "ncalls" in ln), 0)
            note("    cProfile, by own time:\n    " + "\n    ".join(lines[start:]))


def note(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


KINDS = (
    "linear",
    "bool_or",
    "bool_and",
    "at_most_one",
    "exactly_one",
    "interval",
    "no_overlap",
    "lin_max",
    "element",
    "table",
    "cumulative",
    "int_prod",
    "all_diff",
    "bool_xor",
)


def proto_mb(cp: Any, folder: Path) -> float:
    """Size of the model as a binary proto (written once, then removed)."""
    path = folder / "model.pb"
    cp.export_to_file(str(path))
    size = path.stat().st_size / 2**20
    path.unlink()
    return round(size, 1)


def proto_counts(cp: Any, by_kind: bool = False) -> dict[str, Any]:
    proto = cp.proto
    out: dict[str, Any] = {"vars": len(proto.variables), "cons": len(proto.constraints)}
    if by_kind:
        kinds: Counter[str] = Counter()
        enforced = 0
        for c in proto.constraints:
            if len(c.enforcement_literal):
                enforced += 1
            kind = next((k for k in KINDS if getattr(c, f"has_{k}")()), "other")
            kinds[kind] += 1
        out["by_kind"] = dict(kinds.most_common())
        out["enforced"] = enforced
    return out


def staged_build(problem: Any) -> list[dict[str, Any]]:
    """solver.build step by step through the rulebook: each part's variables, each rule and
    soft term, the objective; time and model growth of each."""
    from rotasched.rules import HARD, SOFT
    from rotasched.solver import DECLARE, base, objective

    m = base.Model(problem=problem)
    steps: list[tuple[str, Any]] = [
        (f"declare.{d.__module__.rsplit('.', 1)[1]}", d) for d in DECLARE
    ]
    steps += [(label, base.POSTERS[label]) for label in (*HARD, *SOFT)]
    steps.append(("objective", objective.post))
    rows = []
    for name, fn in steps:
        before = proto_counts(m.cp)
        t0 = time.perf_counter()
        fn(m)
        dt = time.perf_counter() - t0
        after = proto_counts(m.cp)
        rows.append(
            {
                "step": name,
                "s": round(dt, 3),
                "vars": after["vars"] - before["vars"],
                "cons": after["cons"] - before["cons"],
            }
        )
    return rows


def nearest_rooms(problem: Any, keep: int) -> Any:
    """What-if (not what rotasched does): keep only the centre rooms of the `keep` centres
    nearest to each occurrence's participants (total minutes), as a prepared Problem."""
    from dataclasses import replace

    cache: dict[tuple[str, ...], set[str]] = {}
    occurrences = {}
    for occ_id, occ in problem.occurrences.items():
        key = (occ.series, *occ.rooms)
        if key not in cache:
            centres = sorted({problem.rooms[r].centre for r in occ.rooms})
            cost = {c: sum(problem.travel(o, c) for o in occ.participants) for c in centres}
            cache[key] = set(sorted(centres, key=lambda c: (cost[c], c))[:keep])
        near = cache[key]
        rooms = tuple(r for r in occ.rooms if problem.rooms[r].centre in near)
        occurrences[occ_id] = replace(occ, rooms=rooms)
    return replace(problem, occurrences=occurrences)


def cp_parameters(params: dict[str, str] | None) -> dict[str, Any]:
    """key=value texts from the command line as typed CP-SAT parameters (key+ extends a list)."""
    from ortools.sat import sat_parameters_pb2

    defaults = sat_parameters_pb2.SatParameters()
    out: dict[str, Any] = {}
    for key, text in (params or {}).items():
        if key.endswith("+"):  # repeated field: ignore_subsolvers+=a,b
            out[key[:-1]] = text.split(",")
            continue
        current = getattr(defaults, key)
        out[key] = text == "true" if isinstance(current, bool) else type(current)(text)
    return out


def recorded_solve(
    problem: Any, options: Any, log_dir: Path | None = None, params: dict[str, str] | None = None
) -> tuple[Any, list[dict[str, Any]]]:
    """rotasched.solver.solve with the search log written as it comes (to follow a long
    search), extra CP-SAT parameters, and the run's statistics."""
    from dataclasses import replace

    from rotasched.solver import solve

    live = open(log_dir / "cpsat.log", "w", encoding="utf-8") if log_dir is not None else None

    def log(text: str) -> None:
        if live is not None:
            live.write(text + "\n")
            live.flush()

    try:
        solved = solve(problem, replace(options, params=cp_parameters(params), log=log))
    finally:
        if live is not None:
            live.close()
    st = solved.stats
    run = {
        "status": st.status,
        "wall_s": round(st.wall_time, 3),
        "det_time": round(st.deterministic_time, 3),
        "workers": options.workers,
        "presolve_s": st.presolve_time,
        "first_solution_s": st.first_solution_time,
        "solutions": len(st.timeline),
    }
    return solved.plan, [run]


def run_one(size: Size, args: argparse.Namespace, workdir: Path) -> dict[str, Any]:
    from rotasched import build_calendar, load_scenario
    from rotasched.check import check_dir
    from rotasched.export import export_plan
    from rotasched.problem import prepare
    from rotasched.solver import SolveOptions, build

    parts = set(args.parts.split(","))
    out: dict[str, Any] = {"size": size.name, "spec": asdict(size)}
    prof = args.profile
    note(
        f"== {size.name}: {size.orgs} orgs, {size.parks} parks x {size.per_park}, "
        f"{size.centres} centres, {size.pairs} pairs; parts {sorted(parts)}"
    )
    with Stage(out, "generate"):
        path = write_scenario(size, args.seed, workdir / "scenario", parts)
    with Stage(out, "load", prof):
        scenario = load_scenario(path)
    with Stage(out, "calendar", prof):
        calendar = build_calendar(scenario)
    with Stage(out, "prepare", prof):
        problem = prepare(scenario, calendar)
    if args.what_if_rooms:
        with Stage(out, "what_if_rooms"):
            problem = nearest_rooms(problem, args.what_if_rooms)
        out["what_if_rooms"] = args.what_if_rooms
    cp_params = dict(kv.split("=", 1) for kv in args.cp_param)
    if cp_params:
        out["cp_params"] = cp_params
    out.update(
        orgs=len(problem.orgs),
        persons=len(problem.persons),
        centres=len(problem.centres),
        rooms=len(problem.rooms),
        series=len(problem.series),
        occurrences=len(problem.occurrences),
        room_options=sum(len(o.rooms) for o in problem.occurrences.values()),
        pairs=len(scenario.twinning),
        links=len(problem.links),
        visits=len(problem.visits),
    )
    note(
        f"  problem: {out['occurrences']} occurrences ({out['room_options']} centre-room "
        f"options), {out['links']} links, {out['visits']} visits, {out['persons']} persons"
    )
    if not args.no_stages:
        with Stage(out, "build_staged", prof):
            out["build_steps"] = staged_build(problem)
        for row in out["build_steps"]:
            note(
                f"    {row['step']:<32} {row['s']:7.2f} s  +{row['vars']:>8} vars "
                f"+{row['cons']:>8} cons"
            )
        gc.collect()
    with Stage(out, "build", prof):
        model, _exprs = build(problem)
    counts = proto_counts(model.cp, by_kind=True)
    counts["proto_mb"] = proto_mb(model.cp, workdir)
    out.update(
        cp_vars=counts["vars"],
        cp_cons=counts["cons"],
        cp_by_kind=counts["by_kind"],
        cp_enforced=counts["enforced"],
        proto_mb=counts["proto_mb"],
    )
    note(
        f"  model: {counts['vars']} vars, {counts['cons']} constraints "
        f"({counts['enforced']} enforced), {counts['proto_mb']} MB proto; {counts['by_kind']}"
    )
    del model, _exprs
    gc.collect()

    work = args.work if args.work is not None else size.work
    out["work"] = work
    options = SolveOptions(seed=args.seed, work_limit=work, time_limit=args.time_limit)
    with Stage(out, "solve"):
        plan, runs = recorded_solve(problem, options, workdir, cp_params)
    out.update(
        status=plan.status,
        objective=plan.objective,
        bound=plan.bound,
        gap=plan.gap,
        occ_planned=len(plan.occurrences),
        visits_planned=len(plan.visits),
    )
    main = runs[0] if runs else {}
    out.update({f"cp_{k}": v for k, v in main.items() if k != "log"})
    if len(runs) > 1:
        out["explain_runs"] = [{k: v for k, v in r.items() if k != "log"} for r in runs[1:]]
    note(
        f"  status {plan.status}, objective {_fmt(plan.objective)}, bound {_fmt(plan.bound)}, "
        f"gap {_fmt(plan.gap, '%')}; CP-SAT wall {main.get('wall_s')} s, "
        f"det {main.get('det_time')}, presolve {main.get('presolve_s')} s, "
        f"first solution {main.get('first_solution_s')} s"
    )
    if plan.has_schedule:
        outdir = workdir / "plan"
        with Stage(out, "export", prof):
            export_plan(plan, problem, outdir)
        with Stage(out, "check", prof):
            violations = check_dir(outdir, problem)
        out["violations"] = len(violations)
        out["plan_files"] = sum(1 for p in outdir.rglob("*") if p.is_file())
        out["plan_mb"] = round(
            sum(p.stat().st_size for p in outdir.rglob("*") if p.is_file()) / 2**20, 1
        )
        note(
            f"  checker: {len(violations)} violation(s); {out['plan_files']} files, "
            f"{out['plan_mb']} MB"
        )
        for v in violations[:5]:
            note(f"    {v.render()}")
    else:
        note("  no schedule: " + " / ".join(plan.explanation)[:400])
    del plan, problem
    gc.collect()

    if args.explain:
        note(f"  -- infeasible variant of {size.name} (solve + explanation)")
        ex: dict[str, Any] = {}
        with Stage(ex, "generate"):
            bad = write_scenario(size, args.seed, workdir / "infeasible", parts, infeasible=True)
        with Stage(ex, "load+prepare"):
            sc = load_scenario(bad)
            pb = prepare(sc, build_calendar(sc))
        with Stage(ex, "solve+explain"):
            if args.what_if_rooms:
                pb = nearest_rooms(pb, args.what_if_rooms)
            plan, runs = recorded_solve(pb, options, workdir / "infeasible", cp_params)
        ex.update(
            status=plan.status,
            explanation=list(plan.explanation),
            runs=[{k: v for k, v in r.items() if k != "log"} for r in runs],
        )
        for r in ex["runs"]:
            note(
                f"    CP-SAT run: {r['status']} wall {r['wall_s']} s det {r['det_time']} "
                f"workers {r['workers']}"
            )
        note("    " + "\n    ".join(plan.explanation)[:800])
        out["infeasible"] = ex
    out["peak_mb"] = round(peak_mb(), 1)
    return out


# ---------------------------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------------------------


def _fmt(value: Any, kind: str = "") -> str:
    if value is None:
        return "-"
    if kind == "s":
        return f"{value:.2f}"
    if kind == "%":
        return f"{value:.2%}"
    if isinstance(value, float):
        return f"{value:,.0f}" if abs(value) >= 100 else f"{value:.2f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


ROWS: list[tuple[str, Any, str]] = [
    ("organisations", "orgs", ""),
    ("persons (secretaries)", "persons", ""),
    ("centres / rooms", lambda r: f"{r['centres']} / {r['rooms']}", ""),
    ("series / occurrences", lambda r: f"{r['series']} / {r['occurrences']}", ""),
    ("centre-room options", "room_options", ""),
    ("pairs / links / visits", lambda r: f"{r['pairs']} / {r['links']} / {r['visits']}", ""),
    ("generate scenario (s)", "t_generate", "s"),
    ("load+validate (s)", "t_load", "s"),
    ("build_calendar (s)", "t_calendar", "s"),
    ("prepare (s)", "t_prepare", "s"),
    ("solver.build (s)", "t_build", "s"),
    ("CP-SAT variables", "cp_vars", ""),
    ("CP-SAT constraints", "cp_cons", ""),
    ("  of which enforced", "cp_enforced", ""),
    ("model proto (MB)", "proto_mb", ""),
    ("work budget", "work", ""),
    ("solve() wall (s)", "t_solve", "s"),
    ("  CP-SAT wall (s)", "cp_wall_s", "s"),
    ("  CP-SAT presolve (s)", "cp_presolve_s", "s"),
    ("  first solution at (s)", "cp_first_solution_s", "s"),
    ("  deterministic time", "cp_det_time", "s"),
    ("  solutions found", "cp_solutions", ""),
    ("status", "status", ""),
    ("objective", "objective", ""),
    ("bound", "bound", ""),
    ("gap", "gap", "%"),
    ("export_plan (s)", "t_export", "s"),
    ("check_dir (s)", "t_check", "s"),
    ("checker violations", "violations", ""),
    (
        "plan folder (files / MB)",
        lambda r: f"{r.get('plan_files', '-')} / {r.get('plan_mb', '-')}",
        "",
    ),
    ("peak RSS after build (MB)", "peak_after_build", ""),
    ("peak RSS after solve (MB)", "peak_after_solve", ""),
    ("peak RSS overall (MB)", "peak_mb", ""),
]


def report(results: list[dict[str, Any]]) -> str:
    head = ["figure"] + [r["size"] for r in results]
    body = []
    for label, key, kind in ROWS:
        cells = [label]
        for r in results:
            if "error" in r:
                cells.append("error")
            elif callable(key):
                cells.append(key(r))
            else:
                cells.append(_fmt(r.get(key), kind))
        body.append(cells)
    widths = [max(_width(row[i]) for row in [head, *body]) for i in range(len(head))]
    lines = [
        "| "
        + " | ".join(_pad(c, w, i) for i, (c, w) in enumerate(zip(row, widths, strict=True)))
        + " |"
        for row in [head, *body]
    ]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


def _width(text: str) -> int:
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _pad(text: str, width: int, col: int) -> str:
    pad = " " * (width - _width(text))
    return text + pad if col == 0 else pad + text


# ---------------------------------------------------------------------------------------------
# Main: one child process per size
# ---------------------------------------------------------------------------------------------


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--sizes",
        default="small,medium",
        help=f"comma-separated, from {', '.join(SIZES)} (default small,medium)",
    )
    ap.add_argument(
        "--work",
        type=float,
        default=None,
        help="CP-SAT deterministic work budget for every size (default: 60 for "
        "large and city, 10 for small and 15 for medium, which never prove "
        "optimality and would otherwise take ~2 wall-seconds per unit)",
    )
    ap.add_argument("--time-limit", type=float, default=None, help="wall-clock cap in seconds")
    ap.add_argument("--seed", type=int, default=0, help="generator and solver seed")
    ap.add_argument(
        "--parts",
        default="parks,twinning",
        help="what the scenarios hold: parks, twinning or both (default)",
    )
    ap.add_argument(
        "--explain",
        action="store_true",
        help="also time an infeasible variant (solve + explanation)",
    )
    ap.add_argument(
        "--profile",
        action="store_true",
        help="cProfile the non-solver stages and print the top functions",
    )
    ap.add_argument(
        "--no-stages",
        action="store_true",
        help="skip the per-stage build breakdown (one model build fewer)",
    )
    ap.add_argument(
        "--keep",
        type=Path,
        default=None,
        help="keep generated scenarios, plans and CP-SAT logs under this folder",
    )
    ap.add_argument("--json", type=Path, default=None, help="write all figures as JSON here")
    ap.add_argument(
        "--what-if-rooms",
        type=int,
        default=0,
        metavar="N",
        help="experiment: offer each occurrence only the rooms of its N nearest "
        "centres (rotasched offers every fitting room in the city)",
    )
    ap.add_argument(
        "--cp-param",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="experiment: a CP-SAT parameter set on top of rotasched's own "
        "(e.g. cp_model_probing_level=0, or ignore_subsolvers+=a,b for a "
        "repeated field); repeatable",
    )
    ap.add_argument("--child", help=argparse.SUPPRESS)  # internal: run one size, print JSON
    ap.add_argument("--workdir", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    for name in args.sizes.split(","):
        if name not in SIZES:
            ap.error(f"unknown size {name!r}; choose from {', '.join(SIZES)}")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.child:
        result = run_one(SIZES[args.child], args, args.workdir)
        print(json.dumps(result, ensure_ascii=False, default=str))
        return 0
    sys.path.insert(0, str(ROOT / "src"))
    results = []
    base = args.keep or Path(tempfile.mkdtemp(prefix="rotasched-scale-"))
    try:
        from importlib.metadata import version

        commit = subprocess.run(
            ["git", "-C", str(ROOT), "describe", "--always", "--dirty"],
            capture_output=True,
            text=True,
        ).stdout.strip()
        note(
            f"rotasched scale benchmark: work {args.work}, time limit {args.time_limit}, "
            f"seed {args.seed}, ortools {version('ortools')}, source {commit}"
        )
        if args.what_if_rooms or args.cp_param:
            note(
                f"EXPERIMENT (not rotasched's behaviour): nearest centres "
                f"{args.what_if_rooms or 'all'}, CP-SAT parameters {args.cp_param or 'as shipped'}"
            )
        for name in args.sizes.split(","):
            workdir = base / name
            if workdir.exists():
                shutil.rmtree(workdir)
            workdir.mkdir(parents=True)
            cmd = [
                sys.executable,
                __file__,
                "--child",
                name,
                "--workdir",
                str(workdir),
                "--seed",
                str(args.seed),
                "--parts",
                args.parts,
            ]
            if args.work is not None:
                cmd += ["--work", str(args.work)]
            if args.time_limit is not None:
                cmd += ["--time-limit", str(args.time_limit)]
            if args.what_if_rooms:
                cmd += ["--what-if-rooms", str(args.what_if_rooms)]
            for kv in args.cp_param:
                cmd += ["--cp-param", kv]
            cmd += [
                flag
                for flag, on in (
                    ("--explain", args.explain),
                    ("--profile", args.profile),
                    ("--no-stages", args.no_stages),
                )
                if on
            ]
            t0 = time.perf_counter()
            proc = subprocess.run(cmd, stdout=subprocess.PIPE, text=True)
            if proc.returncode != 0 or not proc.stdout.strip():
                results.append({"size": name, "error": proc.returncode})
                note(f"== {name}: child failed with exit code {proc.returncode}")
                continue
            result = json.loads(proc.stdout.strip().splitlines()[-1])
            result["t_total"] = round(time.perf_counter() - t0, 1)
            note(f"== {name}: {result['t_total']} s in all")
            results.append(result)
    finally:
        if args.keep is None:
            shutil.rmtree(base, ignore_errors=True)
    print()
    print(report(results))
    if args.json:
        args.json.write_text(
            json.dumps(results, ensure_ascii=False, indent=1, default=str) + "\n", encoding="utf-8"
        )
    return 0 if all("error" not in r for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
