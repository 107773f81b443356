"""The scenarios bundled in scenarios/: specs of the generator, plus the park's quarters.

    rotasched generate bundled -o scenarios     # writes park/, district/, city/ again

scenarios/tiny is hand-written (the tutorial, commented field by field) and not touched.
The park is also written a quarter at a time for README's two-quarter walk-through: Q1, Q2
(which reads Q1 from the ledger), and Q2 again after one member withdraws in May.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from . import city, district, park
from .spec import CitySpec, DistrictSpec, ParkSpec
from .text import period, period_en
from .write import Draft, write

SOURCE = "rotasched generate bundled -o scenarios"
PARK = ParkSpec(orgs=33, rooms=3, pairs=3, villages=3, seed=202601)
DISTRICT = DistrictSpec(orgs=130, centres=25, pairs=0, streets=10, quarter=2, seed=202604)
CITY = CitySpec(orgs=198, centres=1, rooms_per_centre=2, pairs=126, parks=0, organs=50,
                communities=15, villages=33, seed=202612)  # fmt: skip
# The withdrawal of the walk-through: 武汉捷顺物流 leaves the park in May.
LEFT_ORG, LEFT_ON = "e28", date(2026, 5, 15)

QUARTER_HEADER = """
园区分季度场景 / The park, one quarter at a time —— 由 {source} 生成，请勿手工修改。
与 park.yaml 相同的园区，只排{what}。README 的"两个季度"示例用它们：先排一季度并发布到台账，
再排二季度（从台账读取一季度的承办记录，轮值接着往下走），然后{left}。
The same park as park.yaml, planned for {what_en} only: README's two-quarter walk-through.
"""


def write_bundled(root: str | Path) -> list[Path]:
    """Write park/, district/ and city/ under `root` (scenarios/); return the YAML files."""
    root = Path(root)
    written = [
        write(park.build(PARK, SOURCE), root / "park", "park"),
        *_quarters(root / "park"),
        write(district.build(DISTRICT, SOURCE), root / "district", "district"),
        write(city.build(CITY, SOURCE), root / "city", "city"),
    ]
    return written


def _quarters(folder: Path) -> list[Path]:
    left = f"一家成员企业（{LEFT_ORG}）于 {LEFT_ON} 退出，重新排期"
    drafts = [
        replace(park.build(replace(PARK, quarter=q)), header=QUARTER_HEADER.format(
            source=SOURCE, what=period(PARK.year, q), what_en=period_en(PARK.year, q), left=left))
        for q in (1, 2)
    ]  # fmt: skip
    out = [write(d, folder, f"park-q{q}") for q, d in enumerate(drafts, start=1)]
    q2 = drafts[1]  # the withdrawal changes the second quarter
    data = q2.data.copy()
    data["meta"] = data["meta"].copy()
    data["meta"]["name"] += f"（{LEFT_ORG} 退出后）"
    data["organisations"] = [o.copy() for o in data["organisations"]]
    for org in data["organisations"]:
        if org["id"] == LEFT_ORG:
            org["left"] = LEFT_ON
    notes = {**q2.notes,
             "organisations": f"单位名单：{LEFT_ORG} 于 {LEFT_ON} 退出（left 列）"}  # fmt: skip
    withdrawn = Draft(data, q2.header, notes)
    out.append(write(withdrawn, folder, "park-q2-left", files={"orgs.csv": "orgs-left.csv"}))
    return out
