"""Plans built by hand on the real tiny scenario, for the export tests (no solver needed).

`plain` is the tutorial park as a committee would see it. `hostile` is the same plan with names
that break naive writers: a 200-character Chinese name, a name with CR/LF and `BEGIN:VEVENT`,
a spreadsheet formula, an HTML tag; and one secretary serving two organisations.
"""

from __future__ import annotations

import dataclasses
import json
import shutil
import subprocess
from datetime import date, time
from pathlib import Path
from typing import Any

import pytest

from rotasched import load_scenario
from rotasched.plan import Occurrence, Plan, Term, Visit
from rotasched.problem import Problem, prepare

ROOT = Path(__file__).resolve().parent.parent
JS = ROOT / "tests" / "js"
TEST_OUTPUT = ROOT / "test-output"

LONG_NAME = ("武汉光谷东湖高新技术开发区未来科技城智能制造与新材料产业园联合党委第一党支部" * 6)
LONG_NAME = LONG_NAME[:200]
EVIL_NAME = "华远光电\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:注入\nUID:evil"
FORMULA = '=HYPERLINK("http://x","y")'
HTML_NAME = '<script>alert("x")</script>&明朗'


def tiny_problem() -> Problem:
    return prepare(load_scenario(str(ROOT / "scenarios" / "tiny" / "tiny.yaml")))


def tiny_plan(p: Problem, **changes: object) -> Plan:
    """A plausible plan for the tiny scenario, using its real ids."""
    occ = p.occurrences
    everyone = occ["theme-day.2026-04"].participants

    def o(oid: str, day: date, host: str, co_host: str = "", room: str = "A") -> Occurrence:
        x = occ[oid]
        s = p.series[x.series]
        return Occurrence(
            id=oid, series=x.series, series_name=s.name, type=s.type, term=x.term, date=day,
            start=time(x.start // 60, x.start % 60), end=time(x.end // 60, x.end % 60),
            host=host, co_host=co_host, venue="centre", centre="station", room=room,
            attendance=x.attendance, participants=everyone,
        )

    occurrences = (
        o("theme-day.2026-04", date(2026, 4, 24), "xc"),
        o("theme-day.2026-05", date(2026, 5, 29), "jd", co_host="hy"),
        o("theme-day.2026-06", date(2026, 6, 26), "ml"),
        o("lecture.2026Q2", date(2026, 4, 15), "ty"),
    )
    t = p.series["theme-day"].terms[0]
    lt = p.series["lecture"].terms[0]
    terms = (
        Term(series="theme-day", term=t.label, start=p.day(t.first_day), end=p.day(t.last_day),
             executive_org="xc", executive_secretary=p.orgs["xc"].person,
             executive_name=p.person_of("xc").name),
        Term(series="lecture", term=lt.label, start=p.day(lt.first_day),
             end=p.day(lt.last_day), executive_org="ty",
             executive_secretary=p.orgs["ty"].person, executive_name=p.person_of("ty").name),
    )
    pv = p.visits["pair-1.2026Q2.1"]
    link = p.links[pv.link]
    visits = (
        Visit(id=pv.id, pair=pv.pair, pair_name=link.name, form=link.form, period=pv.period,
              date=date(2026, 5, 14), start=time(pv.start // 60, pv.start % 60),
              end=time(pv.end // 60, pv.end % 60), host="taoyuan", guests=("xc",),
              helpers=pv.helpers, helped=pv.helped),
    )
    base = Plan(
        scenario=p.name, source="scenarios/tiny/tiny.yaml", locale=p.locale, status="optimal",
        seed=1, objective=42.0, bound=42.0, gap=0.0,
        terms_value={"fairness": 3, "rotation_order": 2, "travel": 120, "visit_spread": 5},
        weights=dict(p.weights), occurrences=occurrences, terms=terms, visits=visits,
        solver={"wall_time": 1.23},
    )
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def hostile_problem() -> Problem:
    """Tiny with hostile names; 刘芳 (ml's secretary) also serves ty."""
    p = tiny_problem()
    names = {"xc": LONG_NAME, "hy": EVIL_NAME, "jd": FORMULA, "ml": HTML_NAME}
    orgs = {k: dataclasses.replace(o, name=names.get(k, o.name)) for k, o in p.orgs.items()}
    orgs["ty"] = dataclasses.replace(orgs["ty"], person=orgs["ml"].person)
    persons = dict(p.persons)
    shared = persons[orgs["ml"].person]
    persons[shared.key] = dataclasses.replace(shared, orgs=("ml", "ty"))
    del persons[p.orgs["ty"].person]
    return dataclasses.replace(p, orgs=orgs, persons=persons)


def hostile_plan(p: Problem) -> Plan:
    plan = tiny_plan(p)
    terms = tuple(
        dataclasses.replace(x, executive_secretary=p.orgs[x.executive_org].person,
                            executive_name=p.person_of(x.executive_org).name)
        for x in plan.terms
    )
    return dataclasses.replace(plan, terms=terms)


# ---- external clients ---------------------------------------------------------------------


def node_ready() -> None:
    """Skip unless node is here; install tests/js/node_modules (npm ci) if missing."""
    if shutil.which("node") is None or shutil.which("npm") is None:
        pytest.skip("node/npm not installed (Debian: nodejs npm)")
    if not (JS / "node_modules" / "ical.js").exists() or not (
        JS / "node_modules" / "playwright-core"
    ).exists():
        cmd = ["npm", "ci", "--prefix", str(JS), "--no-audit", "--no-fund"]
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
        if done.returncode != 0:
            pytest.fail(f"npm ci failed:\n{done.stdout}\n{done.stderr}")


def run_node(script: str, *args: str, timeout: int = 300) -> Any:
    done = subprocess.run(
        ["node", str(JS / script), *args], capture_output=True, text=True, timeout=timeout
    )
    assert done.returncode == 0, f"{script} failed:\n{done.stdout}\n{done.stderr}"
    return json.loads(done.stdout)


# ---- exporting ----------------------------------------------------------------------------


def export_to(folder: Path, plan: Plan, problem: Problem, lang: str | None = None) -> Path:
    from rotasched.export import export_plan

    return export_plan(plan, problem, folder, lang)


def files_under(folder: Path) -> dict[str, bytes]:
    """Every file under folder by its relative path."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def local_utc(day: date, at: time) -> str:
    """'YYYY-MM-DDTHH:MM:SSZ' of a wall-clock time in Asia/Shanghai (fixed +08:00)."""
    from datetime import UTC, datetime
    from zoneinfo import ZoneInfo

    moment = datetime.combine(day, at, tzinfo=ZoneInfo("Asia/Shanghai")).astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")
