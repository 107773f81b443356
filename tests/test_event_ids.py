"""Event ids (and so calendar UIDs) name what an event is, never where the horizon starts: a
plan of April to June and one of January to June give April's events the same UIDs, so a
re-plan of a later window updates calendars in place instead of duplicating events."""

from __future__ import annotations

import copy
from datetime import date
from pathlib import Path
from typing import Any

from icalendar import Calendar

from rotasched.plan import Plan, event_key

from .planning import base, pair, plan_checked, series, village

COMMON = date(2026, 4, 1)  # the later horizon's start: April to June are in both


def _scenario(start: str) -> dict[str, Any]:
    data = base()
    data["meta"].update(id="ids-park", start=start, end="2026-06-30")
    data["organisations"].append(village())
    data["series"] = [
        series("t1", day="last-fri"),                     # monthly
        series("t2", cadence="every-2-weeks", attendance=8, start="14:00",
               participants={"orgs": ["a", "b"]}),       # runs of weeks
        series("t3", cadence="quarterly", term="quarter", start="15:00"),
    ]
    data["twinning"] = [
        pair("p1", "a", "v"),                                             # a visit a month
        pair("p2", "b", "v", visits=2, per="quarter", min_gap_days=10),   # numbered visits
    ]
    return data


def _keys(plan: Plan, since: date = date.min) -> set[str]:
    events: list[Any] = [*plan.occurrences, *plan.visits, *plan.terms]
    return {event_key(e) for e in events
            if (e.date if hasattr(e, "date") else e.end) >= since}


def _uids(folder: Path) -> dict[str, str]:
    """UID -> summary of every event in ics/all.ics."""
    cal = Calendar.from_ical((folder / "ics" / "all.ics").read_bytes())
    return {str(e["UID"]): str(e["SUMMARY"]) for e in cal.walk("VEVENT")}


def test_events_of_common_months_keep_ids_and_uids_across_horizons(tmp_path: Path) -> None:
    long_data = _scenario("2026-01-01")
    short_data = copy.deepcopy(long_data)
    short_data["meta"]["start"] = COMMON.isoformat()
    (tmp_path / "long").mkdir()
    (tmp_path / "short").mkdir()
    long_plan, _, _ = plan_checked(tmp_path / "long", long_data, work=4)
    short_plan, _, _ = plan_checked(tmp_path / "short", short_data, work=4)

    long_keys, short_keys = _keys(long_plan), _keys(short_plan)
    # Every event of the shorter plan is one the longer plan holds, under the same key...
    assert short_keys <= long_keys, sorted(short_keys - long_keys)
    # ...and every event the longer plan puts from April on is in the shorter one.
    assert _keys(long_plan, COMMON) <= short_keys, sorted(_keys(long_plan, COMMON) - short_keys)
    fortnights = {k for k in short_keys if k.startswith("occurrence:t2.")}
    assert len(fortnights) >= 6 and all(
        date.fromisoformat(k.rsplit(".", 1)[1]).isoweekday() == 1 for k in fortnights
    )  # week periods named by their Monday, counted from a fixed one
    assert {"visit:p2.2026Q2.1", "visit:p2.2026Q2.2", "term:t3.2026Q2"} <= short_keys

    # The calendars agree: the UIDs of the shorter plan are UIDs of the longer one.
    long_uids, short_uids = _uids(tmp_path / "long" / "out"), _uids(tmp_path / "short" / "out")
    assert len(short_uids) == len(short_keys)
    assert set(short_uids) <= set(long_uids)
