"""compare: what changed between two versions of a plan, and the revisions clients need."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from rotasched.compare import changes, count_changes, revise
from rotasched.plan import Plan, event_key

from .planning import base, pair, plan_checked, series, village


def _plan(tmp: Path) -> Plan:
    data = base()
    data["organisations"].append(village())
    data["series"] = [series("t1")]
    data["twinning"] = [pair("p1", "a", "v")]
    return plan_checked(tmp, data)[0]


def test_moved_rehosted_cancelled_and_revisions(tmp_path: Path) -> None:
    first = revise(_plan(tmp_path), None)
    assert first.version == 1 and set(first.revisions.values()) == {0}
    occ = first.occurrences[0]
    other = next(o for o in ("a", "b", "c", "d") if o != occ.host)
    moved = replace(occ, date=occ.date + timedelta(days=1), host=other)
    visit = first.visits[0]
    second_plan = replace(first, occurrences=(moved,), visits=(), version=0, revisions={})

    frame = changes(first, second_plan)
    by_key = dict(zip(frame["key"], frame["change"], strict=True))
    assert by_key[event_key(occ)] == "moved;rehosted"
    assert by_key[event_key(visit)] == "cancelled"
    assert count_changes(first, second_plan)["events"] == 2

    second = revise(second_plan, first)
    assert second.version == 2
    assert second.revisions[event_key(occ)] == 1  # it moved: clients must update it
    term_keys = [event_key(t) for t in first.terms]
    assert all(second.revisions[k] == 0 for k in term_keys)  # untouched: unchanged revision
    (gone,) = second.cancelled
    assert gone.key == event_key(visit) and gone.sequence == 1 and gone.date == visit.date

    # A plan published again unchanged changes nothing, and round-trips through plan.json.
    third = revise(second_plan, second)
    assert third.revisions == second.revisions and third.cancelled == second.cancelled
    assert Plan.from_dict(third.to_dict()) == third
    # The visit comes back: its revision rises above the cancellation's.
    fourth = revise(first, third)
    assert fourth.revisions[event_key(visit)] == 2 and fourth.cancelled == ()


def test_room_change_is_reroomed_but_own_room_of_a_new_host_is_not(tmp_path: Path) -> None:
    plan = _plan(tmp_path)
    occ = plan.occurrences[0]
    assert occ.venue == "centre"
    own = replace(occ, venue="own", centre="", room="")
    assert changes(plan, replace(plan, occurrences=(own,)))["change"].tolist() == ["reroomed"]
    own_b = replace(own, host="b" if own.host != "b" else "c")
    frame = changes(replace(plan, occurrences=(own,)), replace(plan, occurrences=(own_b,)))
    assert frame["change"].tolist() == ["rehosted"]
