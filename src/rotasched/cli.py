"""The command line: a thin click shell over the Python API."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import click

from . import build_calendar, load_scenario
from .plan import Plan as PlanT
from .problem import Problem
from .rules import describe
from .scenario import Scenario, ScenarioError
from .summary import render, summarise
from .words import say

if TYPE_CHECKING:
    from .check import Violation
    from .solver import Progress

LANG = click.Choice(["zh", "en"])


@click.group()
@click.version_option(package_name="rotasched")
def main() -> None:
    """rotasched — 区域化党建联合活动排期：轮值承办、共享场地、结对互访。"""


@main.command()
@click.argument("scenarios", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--lang", type=LANG, default=None, help="Language of messages (default: the scenario's)."
)
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
def validate(scenarios: tuple[Path, ...], lang: str | None, as_json: bool) -> None:
    """Check SCENARIO files and print a short summary of each (exit 2 on any problem)."""
    failed = False
    for path in scenarios:
        try:
            scenario = load_scenario(path, locale=lang)
            cal = build_calendar(scenario)
        except ScenarioError as exc:
            click.echo(exc.render(lang), err=True)
            failed = True
            continue
        _warn(scenario, lang)
        summary = summarise(scenario, cal)
        if as_json:
            click.echo(json.dumps(summary, ensure_ascii=False, indent=2))
        else:
            click.echo(render(summary, lang or scenario.meta.locale))
            click.echo()
    if failed:
        sys.exit(2)


def _warn(scenario: Scenario, lang: str | None) -> None:
    """What looks wrong but may be meant, on stderr, in the scenario's language."""
    for issue in scenario.warnings:
        text = issue.render(lang or scenario.meta.locale)
        click.echo(say(lang or scenario.meta.locale, "cli.warning", text=text), err=True)


def _prepare(path: Path, lang: str | None) -> Problem:
    from .problem import prepare

    try:
        scenario = load_scenario(path, locale=lang)
        problem = prepare(scenario, build_calendar(scenario))
    except ScenarioError as exc:
        click.echo(exc.render(lang), err=True)
        sys.exit(2)
    _warn(scenario, lang)
    return problem


def _progress_printer() -> Callable[[Progress], None]:
    """Live objective, bound and gap on the terminal, one line per improving solution."""
    from rich.console import Console

    console = Console(stderr=True)

    def show(p: Progress) -> None:
        console.print(
            f"[dim]{p.seconds:7.1f}s[/]  objective [bold]{p.objective:,.0f}[/]"
            f"  bound {p.bound:,.0f}  gap {p.gap:.1%}"
        )

    return show


@main.command()
@click.argument("scenario", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--out",
    "outdir",
    type=click.Path(path_type=Path),
    required=True,
    help="Output folder (replaced in one step only when the plan is good).",
)
@click.option("--seed", type=int, default=0, show_default=True, help="Random seed of the search.")
@click.option("--workers", type=int, default=2, show_default=True, help="Search workers.")
@click.option(
    "--work",
    "work_limit",
    type=float,
    default=30.0,
    show_default=True,
    help="Deterministic work budget (CP-SAT deterministic seconds): reproducible.",
)
@click.option(
    "--time-limit",
    type=float,
    default=None,
    help="Wall-clock cap in seconds (plans may then differ between runs).",
)
@click.option("--lang", type=LANG, default=None, help="Language of messages and outputs.")
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Show objective, bound and gap live (default: when stderr is a terminal).",
)
def plan(
    scenario: Path,
    outdir: Path,
    seed: int,
    workers: int,
    work_limit: float,
    time_limit: float | None,
    lang: str | None,
    progress: bool | None,
) -> None:
    """Plan SCENARIO into OUTDIR, check the result, and print the objective terms and gap.

    Exit codes: 0 planned and checked; 1 the checker found a violation; 2 bad scenario;
    3 no plan exists (explained); 4 no plan found within the budget yet.
    """
    from .solver import SolveOptions, solve

    problem = _prepare(scenario, lang)
    lang = lang or problem.locale
    show = sys.stderr.isatty() if progress is None else progress
    options = SolveOptions(
        seed=seed,
        workers=workers,
        work_limit=work_limit,
        time_limit=time_limit,
        # Ctrl-C stops the search and keeps the best plan: the program's choice, not solve()'s.
        params={"catch_sigint_signal": True},
        on_solution=_progress_printer() if show else None,
    )
    solved = solve(problem, options)
    _hand_out(solved.plan, problem, outdir, lang, solved.stats.wall_time)


def _hand_out(
    result: PlanT, problem: Problem, outdir: Path, lang: str, wall: float,
    previous: PlanT | None = None,
) -> None:
    """Write, check and report a plan (exit codes as `plan` says)."""
    from .check import check_dir
    from .export import export_plan
    from .export.recheck import terminal_lines
    from .rules import SOFT, describe

    if not result.has_schedule:
        for line in result.explanation:
            click.echo(line, err=True)
        sys.exit(3 if result.status == "infeasible" else 4)
    export_plan(result, problem, outdir, lang, previous=previous)
    violations = check_dir(outdir, problem)
    status = {"optimal": say(lang, "cli.optimal"), "feasible": say(lang, "cli.feasible")}
    click.echo(
        say(lang, "cli.plan") + f": {status[result.status]}  "
        f"objective {result.objective:,.0f}  bound {result.bound:,.0f}  gap {result.gap:.2%}"
        f"  ({wall:.1f}s)"
    )
    for name in SOFT:
        value = result.terms_value.get(name, 0)
        weight = result.weights.get(name, 0)
        click.echo(f"  {describe(name, lang)} [{name}]: {value} × {weight}")
    if result.provisional_calendar:
        click.echo(say(lang, "cli.provisional"))
    for line in terminal_lines(result, problem.calendar, lang):
        click.echo(line)
    if previous is not None:
        _show_changes(previous, result, problem, lang)
    for v in violations:
        click.echo(v.render(), err=True)
    if violations:
        sys.exit(1)
    click.echo(say(lang, "cli.checked", outdir=outdir))


def _show_changes(previous: PlanT, result: PlanT, problem: Problem, lang: str) -> None:
    """The published plan -> this one: a table of changed events, and their counts."""
    from rich.console import Console

    from .compare import CHANGES, count_changes
    from .show import changes_table

    counts = count_changes(previous, result)
    if counts["events"]:  # its caption counts them
        # Piped or captured, rich assumes 80 columns and cuts every name: be wide instead.
        wide = None if sys.stdout.isatty() else 200
        console = Console(file=sys.stdout, width=wide)
        console.print(changes_table(previous, result, problem, lang))
        return
    kinds = "  ".join(f"{say(lang, f'change.{k}')} {counts[k]}" for k in CHANGES)
    click.echo(say(lang, "cli.changes", n=counts["events"], kinds=kinds))


@main.command()
@click.argument("scenario", type=click.Path(path_type=Path))
@click.option(
    "--from", "published_dir", type=click.Path(path_type=Path, exists=True, file_okay=False),
    required=True, help="The published plan's folder (its plan.json): what people have.",
)
@click.option(
    "-o", "--out", "outdir", type=click.Path(path_type=Path), required=True,
    help="Output folder for the new plan (replaced in one step only when the plan is good).",
)
@click.option(
    "--freeze", type=click.DateTime(["%Y-%m-%d"]), default=None,
    help="Nothing published before this day moves (default: today + meta.notice_days).",
)
@click.option(
    "--edited", type=click.Path(path_type=Path, exists=True, dir_okay=False), default=None,
    help="The published tables edited by hand (plan.xlsx or hosting.csv): edits are kept "
    "where the rules allow.",
)
@click.option("--seed", type=int, default=0, show_default=True)
@click.option("--workers", type=int, default=2, show_default=True)
@click.option("--work", "work_limit", type=float, default=30.0, show_default=True,
              help="Deterministic work budget (reproducible).")
@click.option("--time-limit", type=float, default=None, help="Wall-clock cap in seconds.")
@click.option("--lang", type=LANG, default=None)
def replan(
    scenario: Path,
    published_dir: Path,
    outdir: Path,
    freeze: datetime | None,
    edited: Path | None,
    seed: int,
    workers: int,
    work_limit: float,
    time_limit: float | None,
    lang: str | None,
) -> None:
    """Plan SCENARIO again after a change, keeping the published plan in PUBLISHED_DIR as far
    as the rules allow: nothing before the freeze date moves, pins and hand edits stay, and
    as few events as possible move, change host or change room. Exit codes as `plan`."""
    from .plan import Plan
    from .problem import prepare
    from .replan import freeze_date
    from .replan import replan as run_replan
    from .solver import SolveOptions

    published = Plan.read_json(published_dir / "plan.json")
    try:
        loaded = load_scenario(scenario, locale=lang)
        calendar = build_calendar(loaded)
        day = freeze.date() if freeze else freeze_date(loaded)
        options = SolveOptions(seed=seed, workers=workers, work_limit=work_limit,
                               time_limit=time_limit, params={"catch_sigint_signal": True})
        by_hand = None
        if edited is not None:  # names in the table are read against the changed scenario
            from .edits import read_edited

            by_hand = read_edited(edited, prepare(loaded, calendar), published, lang)
        done = run_replan(loaded, published, day, options, edited=by_hand, calendar=calendar)
    except ScenarioError as exc:
        click.echo(exc.render(lang), err=True)
        sys.exit(2)
    _warn(loaded, lang)
    lang = lang or done.problem.locale
    click.echo(say(lang, "cli.freeze", day=day))
    for r in done.refused:
        click.echo(say(lang, "cli.refused", event=r.pin.event, why=say(lang, f"pin.{r.pin.why}"),
                       rule=r.rule, words=describe(r.rule, lang)), err=True)
    _hand_out(done.plan, done.problem, outdir, lang, done.solved.stats.wall_time, published)


@main.command()
@click.argument("scenario", type=click.Path(path_type=Path))
@click.argument("target", type=click.Path(path_type=Path, exists=True))
@click.option("--lang", type=LANG, default=None)
@click.option(
    "--plan",
    "plandir",
    type=click.Path(path_type=Path, exists=True),
    default=None,
    help="For an edited table: the published plan folder (or its plan.json), if the table is "
    "not in it.",
)
def check(scenario: Path, target: Path, lang: str | None, plandir: Path | None) -> None:
    """Verify a plan against SCENARIO, without the solver (exit 1 on violations).

    TARGET is a plan folder (its raw/ tables are checked) or a published table edited by hand
    (tables/plan.xlsx or tables/hosting.csv): its edits are read onto the published plan,
    listed, and the result checked. Exit 2 if the tables cannot be read.
    """
    from .check import RULES, check_dir
    from .rules import describe

    problem = _prepare(scenario, lang)
    lang = lang or problem.locale
    violations: list[Violation]
    if target.is_dir():
        try:
            violations = check_dir(target, problem)
        except (OSError, KeyError, ValueError) as exc:
            click.echo(say(lang, "cli.tables_unreadable", outdir=target, reason=exc), err=True)
            sys.exit(2)
    else:
        violations = _check_edited(target, problem, lang, plandir)
    for v in violations:
        click.echo(f"{v.render()}  — {describe(v.rule, lang)}")
    if violations:
        click.echo(say(lang, "cli.violations", n=len(violations)))
        sys.exit(1)
    click.echo(say(lang, "cli.no_violation", n=len(RULES)))


def _check_edited(
    path: Path, problem: Problem, lang: str, plandir: Path | None
) -> list[Violation]:
    """Read a hand-edited table onto its published plan, say what was edited, check it."""
    from .check import check as check_plan
    from .edits import edits, read_edited
    from .plan import Plan

    if plandir is not None:
        published_json = plandir / "plan.json" if plandir.is_dir() else plandir
    else:  # tables/plan.xlsx of a plan folder, or the table next to plan.json
        near = [path.parent / "plan.json", path.parent.parent / "plan.json"]
        published_json = next((p for p in near if p.is_file()), near[0])
    if not published_json.is_file():
        click.echo(say(lang, "cli.no_published", file=path), err=True)
        sys.exit(2)
    published = Plan.read_json(published_json)
    try:
        edited = read_edited(path, problem, published, lang)
    except ScenarioError as exc:
        click.echo(exc.render(lang), err=True)
        sys.exit(2)
    changed = edits(published, edited)
    click.echo(say(lang, "cli.edits", n=len(changed)))
    for e in changed:
        click.echo(f"  {e.key} {e.field}: {e.old} → {e.new}" if e.old or e.new else
                   f"  {e.key} {e.field}")
    return check_plan(problem, edited)


@main.command()
@click.argument("plandir", type=click.Path(path_type=Path, exists=True, file_okay=False))
@click.option("--lang", type=LANG, default=None)
@click.option(
    "--scenario",
    type=click.Path(path_type=Path),
    default=None,
    help="The scenario file, if not where plan.json says (the path given to `plan`).",
)
def export(plandir: Path, lang: str | None, scenario: Path | None) -> None:
    """Write PLANDIR's calendars, tables and site again from its plan.json."""
    from .export import export_plan
    from .plan import Plan

    result = Plan.read_json(plandir / "plan.json")
    problem = _prepare(scenario or Path(result.source), lang)
    export_plan(result, problem, plandir, lang)
    click.echo(str(plandir))


def run() -> None:
    """Entry point: Ctrl-C outside the search (which keeps its best plan) ends quietly."""
    try:
        main()
    except KeyboardInterrupt:
        # Said in both languages: the interruption may come before the scenario's is known.
        words = f"{say('en', 'cli.interrupted')} / {say('zh', 'cli.interrupted')}"
        click.echo(f"\n{words}", err=True)
        sys.exit(130)
