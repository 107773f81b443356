"""Plan a base scenario and its variants, check each plan, and measure them side by side.

Every scenario is planned with the same options (seed, work budget), so every soft term
compares on equal terms. By default each is planned from scratch: the objectives compare too,
but "events changed" against the base then counts every difference between two separately
optimised plans, most of them ties the search broke otherwise (the park planned with another
seed differs from itself in some 30 events). `stable`: a variant is planned as a re-plan of the
base plan instead (nothing frozen), changing as few events as it can (`moved`, `rehosted`,
`reroomed`, weighted far above the rest): what the change forces, and the terms at that price.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pandas as pd

from ..calendar import build_calendar
from ..check import Violation, check
from ..compare import CHANGES, count_changes
from ..export._view import slug
from ..export.tables import Kind
from ..plan import Plan, reference_of
from ..problem import Problem, prepare
from ..rules import SOFT
from ..scenario import Issue, Scenario
from ..solver import SolveOptions, solve
from ..words import say
from .changes import describe
from .variant import Variant, apply_all, load_variant, read_base

# The plan folders a comparison writes beside its own files (report.py): the base's, and the
# site's, which no variant folder may take.
BASE_FOLDER, SITE_FOLDER = "base", "site"


@dataclass(frozen=True)
class Outcome:
    """One scenario of a comparison, planned, checked and measured."""

    name: str  # the variant's name; the base's: the word for "base"
    folder: str  # its plan folder in a comparison's output
    source: str  # the scenario or variant file
    problem: Problem
    plan: Plan
    violations: tuple[Violation, ...]  # the checker's word: empty for a good plan
    changes: tuple[str, ...] = ()  # what the variant changes, one line each
    description: str = ""
    against_base: dict[str, int] | None = None  # events changed, by kind; None for the base

    @property
    def scenario(self) -> Scenario:
        return self.problem.scenario

    def measures(self) -> dict[str, Any]:
        """This plan's figures, keyed as the comparison's columns."""
        plan, problem = self.plan, self.problem
        planned = plan.has_schedule
        out: dict[str, Any] = {
            "variant": self.name,
            "folder": self.folder,
            "file": self.source,
            "status": plan.status,
            "objective": plan.objective if planned else None,
            "bound": plan.bound if planned else None,
            "gap": plan.gap if planned else None,
            "violations": len(self.violations) if planned else None,
            # The first line says there is no plan; the second says what stands in the way.
            "explanation": " ".join(plan.explanation[:2]),
        }
        out.update((k, plan.terms_value.get(k) if planned else None) for k in SOFT)
        spreads, used = spread(problem, plan), utilisation(problem, plan)
        out.update((f"spread:{g}", v if planned else None) for g, v in spreads.items())
        out.update((f"utilisation:{c}", v if planned else None) for c, v in used.items())
        out["visits_planned"] = len(plan.visits) if planned else None
        out["visits_required"] = len(problem.visits)
        counts = self.against_base or {}
        out["changed"] = counts.get("events")
        out.update((f"changed:{k}", counts.get(k)) for k in CHANGES)
        return out


def members(problem: Problem, group: str) -> list[str]:
    """The members of a group that take turns: those its rotation counts (able to host on a
    day a turn could fall on), else every organisation of the group."""
    rotation = problem.rotations.get(group)
    if rotation is not None:
        return list(rotation.members)
    return [o for o, org in problem.orgs.items() if group in org.groups]


def spread(problem: Problem, plan: Plan) -> dict[str, int | None]:
    """Per group: the most occurrences one member hosts minus the fewest (None: no members)."""
    hosted: dict[str, int] = {}
    for occ in plan.occurrences:
        hosted[occ.host] = hosted.get(occ.host, 0) + 1
    out: dict[str, int | None] = {}
    for g in problem.scenario.groups:
        counts = [hosted.get(o, 0) for o in members(problem, g.id)]
        out[g.id] = max(counts) - min(counts) if counts else None
    return out


def utilisation(problem: Problem, plan: Plan) -> dict[str, float | None]:
    """Per shared centre: bookings of its rooms per open room-day (a room open on a working
    day, not closed, is one room-day); None where no room is ever open."""
    open_days: dict[str, int] = dict.fromkeys(problem.centres, 0)
    for room in problem.rooms.values():
        open_days[room.centre] = open_days.get(room.centre, 0) + len(room.open_days)
    booked = dict.fromkeys(open_days, 0)
    for occ in plan.occurrences:
        if occ.venue == "centre":
            booked[occ.centre] = booked.get(occ.centre, 0) + 1
    return {c: (booked[c] / n if n else None) for c, n in open_days.items()}


@dataclass(frozen=True)
class Comparison:
    """A base scenario and its variants, planned with the same options, side by side."""

    base: Outcome
    variants: tuple[Outcome, ...]
    lang: str
    seed: int
    work_limit: float
    stable: bool = False  # variants planned as re-plans of the base plan

    @property
    def outcomes(self) -> tuple[Outcome, ...]:
        return (self.base, *self.variants)

    def groups(self) -> dict[str, str]:
        """Every group of any scenario compared, id -> name, the base's first."""
        return _union((g.id, g.name) for o in self.outcomes for g in o.scenario.groups)

    def centres(self) -> dict[str, str]:
        return _union(kv for o in self.outcomes for kv in o.problem.centres.items())

    def columns(self) -> list[str]:
        """The frame's columns, in order."""
        head = ["variant", "folder", "file", "status", "objective", "bound", "gap",
                "violations", "explanation", *SOFT]  # fmt: skip
        head += [f"spread:{g}" for g in self.groups()]
        head += [f"utilisation:{c}" for c in self.centres()]
        head += ["visits_planned", "visits_required", "changed"]
        return head + [f"changed:{k}" for k in CHANGES]

    @property
    def frame(self) -> pd.DataFrame:
        """One row per scenario (the base first), one column per figure; counts are nullable
        integers, empty where a scenario has no plan or no such group or centre."""
        columns = self.columns()
        rows = [o.measures() for o in self.outcomes]
        frame = pd.DataFrame([[r.get(c) for c in columns] for r in rows], columns=columns)
        for c in columns:
            if kind(c) in ("percent", "float"):
                frame[c] = frame[c].astype("Float64")
            elif kind(c) == "int":
                frame[c] = frame[c].astype("Int64")
        return frame

    def outcome(self, which: str) -> Outcome:
        """A scenario of the comparison by its name or its folder."""
        for o in self.outcomes:
            if which in (o.name, o.folder):
                return o
        raise KeyError(which)

    def tables(self, which: str) -> dict[str, pd.DataFrame]:
        """A scenario's plan as tables (occurrences, terms, visits), as `Plan.frames` gives."""
        return self.outcome(which).plan.frames()


PERCENT = ("gap",)  # and every utilisation:<centre>
FLOAT = ("objective", "bound")
TEXT = ("variant", "folder", "file", "status", "explanation")


def kind(key: str) -> Kind:
    """What a column of the comparison holds: the frame's dtype and the tables' format."""
    if key in TEXT:
        return "text"
    if key in PERCENT or key.startswith("utilisation:"):
        return "percent"
    return "float" if key in FLOAT else "int"


def _union(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    out: dict[str, str] = {}
    for key, name in pairs:
        out.setdefault(key, name)
    return out


def compare_variants(
    base_path: str | Path,
    variant_paths: Sequence[str | Path | Variant],
    options: SolveOptions | None = None,
    lang: str | None = None,
    progress: Callable[[str], None] | None = None,
    stable: bool = False,
) -> Comparison:
    """Plan the base scenario and each variant (a file, or a Variant built in code), check
    every plan and measure them side by side. Every variant is read, applied and validated
    before anything is planned: ScenarioError names every problem of every variant at once.
    `progress` is told, in words, which scenario is planned next. `stable`: each variant is a
    re-plan of the base plan, changing as few events as it can (see above)."""
    options = options or SolveOptions()
    raw, base_scenario = read_base(base_path, lang)
    lang = lang or raw.lang
    variants = [v if isinstance(v, Variant) else load_variant(v, lang) for v in variant_paths]
    elsewhere = [
        Issue(str(v.file), "base", "variant_other_base",
              {"base": str(v.base), "expected": str(base_path)})
        for v in variants
        if Path(v.base).resolve() != Path(base_path).resolve()
    ]  # fmt: skip
    ours = [v for v in variants if Path(v.base).resolve() == Path(base_path).resolve()]
    scenarios = apply_all(raw, ours, lang, elsewhere)
    base_problem = prepare(base_scenario, build_calendar(base_scenario))
    calendars = [build_calendar(s) for s in scenarios]
    prepared = [prepare(s, cal) for s, cal in zip(scenarios, calendars, strict=True)]
    folders = _folders(variants)
    if progress:
        progress(say(lang, "whatif.solving", name=say(lang, "whatif.base")))
    base = _outcome(say(lang, "whatif.base"), BASE_FOLDER, str(base_path), base_problem,
                    options, None)  # fmt: skip
    stable = stable and base.plan.has_schedule
    if stable:
        options = replace(options, reference=base.plan)
        prepared = [prepare(s, cal, reference_of(base.plan))
                    for s, cal in zip(scenarios, calendars, strict=True)]  # fmt: skip
    outcomes = []
    for v, problem, folder in zip(variants, prepared, folders, strict=True):
        if progress:
            progress(say(lang, "whatif.solving", name=v.name))
        outcomes.append(_outcome(v.name, folder, str(v.file), problem, options, base.plan, v))
    return Comparison(base, tuple(outcomes), lang, options.seed, options.work_limit, stable)


def _outcome(
    name: str,
    folder: str,
    source: str,
    problem: Problem,
    options: SolveOptions,
    base_plan: Plan | None,
    variant: Variant | None = None,
) -> Outcome:
    plan = solve(problem, with_start(problem, options)).plan
    return outcome_of(name, folder, source, problem, plan, base_plan, variant)


def with_start(problem: Problem, options: SolveOptions) -> SolveOptions:
    """The options with the by-hand plan to start from, where `solve` plans by parts (a large
    problem): `rotasched plan`, each what-if variant and each sweep job alike."""
    from ..baseline import baseline
    from ..solver import by_parts

    if options.reference is not None or not by_parts(problem, options.method):
        return options
    by_hand = baseline(problem)
    return replace(options, reference=by_hand) if by_hand.has_schedule else options


def outcome_of(
    name: str,
    folder: str,
    source: str,
    problem: Problem,
    plan: Plan,
    base_plan: Plan | None,
    variant: Variant | None = None,
) -> Outcome:
    """A plan (solved here, or in a sweep's worker) checked and set against the base plan."""
    violations = tuple(check(problem, plan)) if plan.has_schedule else ()
    against = None
    if base_plan is not None and base_plan.has_schedule and plan.has_schedule:
        against = count_changes(base_plan, plan)
    if variant is None:
        return Outcome(name, folder, source, problem, plan, violations)
    return Outcome(name, folder, source, problem, plan, violations,
                   tuple(describe(c) for c in variant.changes), variant.description,
                   against)  # fmt: skip


def _folders(variants: Sequence[Variant]) -> list[str]:
    """A plan folder per variant, from its file name: unique (case aside), never the base's or
    the site's."""
    used = {BASE_FOLDER, SITE_FOLDER}
    out = []
    for v in variants:
        name = slug(Path(v.file).stem) or "variant"
        folder, n = name, 2
        while folder.lower() in used:
            folder, n = f"{name}-{n}", n + 1
        used.add(folder.lower())
        out.append(folder)
    return out
