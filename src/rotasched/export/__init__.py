"""Stage 7: hand the plan out: plan.json, summary.json, raw/, ics/, tables/ and site/.

- raw/     the plan's tables with untouched values (raw.py)
- ics/     calendar feeds: all, per organisation, per centre room, per secretary (ics.py)
- tables/  localised CSV tables and plan.xlsx for people (tables.py)
- site/    a static website with charts that works from file:// (site.py)

Given the previous published version, it also writes what changed (changes.py): raw/changes.csv,
tables/changes.csv and a sheet of plan.xlsx, and site/changes.html linked from the index.

caldav.py publishes a plan's events to a CalDAV server instead (`publish_caldav`); it is not
part of `export_plan`, and nothing here imports it, so the caldav client loads only when used.

`export_plan` writes everything into a staging folder and swaps it in at the end, so a failed
export leaves the last good output folder untouched.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..calendar import WorkCalendar
from ..plan import Plan
from ..problem import Problem
from .changes import change_list, change_table, counts, counts_line, write_raw_changes
from .files import alongside, staged, write_text
from .ics import write_ics
from .raw import write_raw
from .recheck import as_json, rechecks
from .site import Changes, write_site
from .tables import write_tables

LANGUAGES = ("zh", "en")
# From this many events the calendars are written by a second process beside the rest
# (files.alongside): the generated city's export took 6.1-6.7 s on one core, 3.1-4.4 s so.
# Below, the fork costs more than it saves.
FORK_FROM = 1000


def summary(plan: Plan, calendar: WorkCalendar | None = None) -> dict[str, Any]:
    """What a committee reads first: status, objective, bound, gap and every soft term; on a
    provisional calendar also the planned dates to re-check ("recheck", see recheck.py)."""
    out: dict[str, Any] = {
        "scenario": plan.scenario,
        "status": plan.status,
        "seed": plan.seed,
        "objective": plan.objective,
        "bound": plan.bound,
        "gap": plan.gap,
        "terms": plan.terms_value,
        "weights": plan.weights,
        "provisional_calendar": plan.provisional_calendar,
        "occurrences": len(plan.occurrences),
        "visits": len(plan.visits),
        "explanation": list(plan.explanation),
    }
    if calendar is not None and calendar.provisional:
        out["recheck"] = as_json(rechecks(plan, calendar))
    return out


def export_plan(
    plan: Plan,
    problem: Problem,
    outdir: Path,
    lang: str | None = None,
    previous: Plan | None = None,
) -> Path:
    """Write the whole output folder for a plan; returns its path.

    `lang` ('zh' or 'en', default the scenario's locale) is the language of ics/, tables/
    and site/. Calendars and tables exist only for a plan with a schedule; the site always
    does (for a plan without one it says why). With `previous` (the version this plan
    replaces) and a schedule, the changes from `previous` to `plan` are written too.
    """
    lang = lang or problem.locale
    if lang not in LANGUAGES:
        raise ValueError(f"language {lang!r}: expected one of {', '.join(LANGUAGES)}")
    with staged(Path(outdir)) as tmp:
        plan.write_json(tmp / "plan.json")
        facts = summary(plan, problem.calendar)
        write_text(
            tmp / "summary.json",
            json.dumps(facts, ensure_ascii=False, indent=2, sort_keys=True) + "\n",
        )
        diff = None
        extra = []
        if plan.has_schedule and previous is not None:
            rows = change_list(previous, plan, problem, lang)
            diff = Changes(rows, counts(previous, plan, problem, lang),
                           counts_line(previous, plan, problem, lang))
            extra.append(change_table(rows, plan, problem, lang))

        def calendars() -> None:
            if plan.has_schedule:
                write_ics(plan, problem, tmp / "ics", lang)

        # The calendars, half of a city's export, beside the rest (files.alongside).
        large = len(plan.occurrences) + len(plan.visits) >= FORK_FROM
        with alongside(calendars, large):
            if plan.has_schedule:
                write_raw(plan, tmp / "raw")
                if previous is not None:
                    write_raw_changes(previous, plan, tmp / "raw")
                write_tables(plan, problem, tmp / "tables", lang, extra)
            write_site(plan, problem, tmp / "site", lang, diff)
    return Path(outdir)
