"""The command line: a thin click shell over the Python API."""

from __future__ import annotations

import json
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

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
    from .ledger import Ledger
    from .solver import Progress, SolveOptions
    from .whatif import Comparison

LANG = click.Choice(["zh", "en"])
LEDGER_HELP = (
    "The ledger of published plans: a URL (postgresql+psycopg://user@host/db) or a SQLite "
    "file. Default: $ROTASCHED_DB, else ./rotasched.sqlite."
)


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
            scenario = _read(path, lang)
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
    scenario = _load(path, lang)
    _warn(scenario, lang)
    return _problem(scenario, lang)


def _load(path: Path, lang: str | None) -> Scenario:
    try:
        return _read(path, lang)
    except ScenarioError as exc:
        click.echo(exc.render(lang), err=True)
        sys.exit(2)


def _read(path: Path, lang: str | None) -> Scenario:
    """A scenario file, or a what-if variant file read as the scenario it makes (so a
    variant's plan folder exports, checks and re-plans like any other)."""
    from .whatif import is_variant, load_variant_scenario

    if is_variant(path):
        return load_variant_scenario(path, lang)
    return load_scenario(path, locale=lang)


def _problem(scenario: Scenario, lang: str | None) -> Problem:
    from .problem import prepare

    try:
        return prepare(scenario, build_calendar(scenario))
    except ScenarioError as exc:
        click.echo(exc.render(lang), err=True)
        sys.exit(2)


def _print_wide(table: Any) -> None:
    """A rich table on stdout; piped or captured, rich assumes 80 columns and cuts every name:
    be wide instead."""
    from rich.console import Console

    Console(file=sys.stdout, width=None if sys.stdout.isatty() else 200).print(table)


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
@click.option(
    "--workers",
    type=int,
    default=2,
    show_default=True,
    help="Search workers of the joint model; planning by parts: parts solved at once.",
)
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
@click.option(
    "--db",
    default=None,
    metavar="URL",
    help="Continue from what the scenario's body (meta.id) published in this ledger: its "
    "history counts (default: $ROTASCHED_DB if set, else no ledger).",
)
@click.option(
    "--method",
    type=click.Choice(["auto", "joint", "parts"]),
    default="auto",
    show_default=True,
    help="One model of everything, or part by part from the by-hand plan (a bound from the "
    "parts); auto: by parts for large problems.",
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
    db: str | None,
    method: str,
) -> None:
    """Plan SCENARIO into OUTDIR, check the result, and print the objective terms and gap.

    Exit codes: 0 planned and checked; 1 the checker found a violation; 2 bad scenario or
    ledger; 3 no plan exists (explained); 4 no plan found within the budget yet.
    """
    from .ledger.connect import given_url
    from .solver import SolveOptions, solve

    loaded = _load(scenario, lang)
    _warn(loaded, lang)
    if db or given_url():
        loaded = _with_history(loaded, db, lang or loaded.meta.locale)
    problem = _problem(loaded, lang)
    lang = lang or problem.locale
    show = sys.stderr.isatty() if progress is None else progress
    from .whatif.run import with_start

    options = SolveOptions(
        seed=seed,
        workers=workers,
        work_limit=work_limit,
        time_limit=time_limit,
        on_solution=_progress_printer() if show else None,
        method=method,  # type: ignore[arg-type]
    )
    # Planning by parts starts from the by-hand plan, when it is whole and checked.
    options = with_start(problem, options)
    solved = _interruptible(lambda o: solve(problem, o), options)
    _hand_out(solved.plan, problem, outdir, lang, solved.stats.wall_time)


R = TypeVar("R")


def _interruptible(run: Callable[[SolveOptions], R], options: SolveOptions) -> R:
    """`run(options)` in a worker thread while this one waits: Ctrl-C (KeyboardInterrupt,
    raised here in the main thread) ends the search, and the best plan so far is kept."""
    from .solver import Stop

    stop = Stop()
    options = replace(options, stop=stop)
    out: list[R] = []
    failed: list[BaseException] = []

    done = threading.Event()

    def work() -> None:
        try:
            out.append(run(options))
        except BaseException as exc:  # handed to the main thread, raised there
            failed.append(exc)
        finally:
            done.set()

    worker = threading.Thread(target=work, name="rotasched-solve", daemon=True)
    worker.start()
    # Waiting on an event, not on join(): a KeyboardInterrupt inside Thread.join can leave
    # the thread looking finished while it still runs.
    while not done.is_set():
        try:
            done.wait(0.2)
        except KeyboardInterrupt:
            stop()
    worker.join()
    if failed:
        raise failed[0]
    return out[0]


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

    from .compare import count_changes
    from .export.changes import counts_line
    from .show import changes_table

    if count_changes(previous, result)["events"]:  # its caption counts them
        _print_wide(changes_table(previous, result, problem, lang))
        return
    click.echo(counts_line(previous, result, problem, lang))


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
@click.option(
    "--db",
    default=None,
    metavar="URL",
    help="As for `plan`: the history the body published in this ledger counts (default: "
    "$ROTASCHED_DB if set). A plan made with it must be re-planned with it.",
)
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
    db: str | None,
) -> None:
    """Plan SCENARIO again after a change, keeping the published plan in PUBLISHED_DIR as far
    as the rules allow: nothing before the freeze date moves, pins and hand edits stay, and
    as few events as possible move, change host or change room. Exit codes as `plan`."""
    from .ledger.connect import given_url
    from .plan import Plan
    from .problem import prepare
    from .replan import freeze_date
    from .replan import replan as run_replan
    from .solver import SolveOptions

    published = Plan.read_json(published_dir / "plan.json")
    try:
        loaded = _read(scenario, lang)
        if db or given_url():
            loaded = _with_history(loaded, db, lang or loaded.meta.locale)
        calendar = build_calendar(loaded)
        day = freeze.date() if freeze else freeze_date(loaded)
        options = SolveOptions(seed=seed, workers=workers, work_limit=work_limit,
                               time_limit=time_limit)
        by_hand = None
        if edited is not None:  # names in the table are read against the changed scenario
            from .edits import read_edited

            by_hand = read_edited(edited, prepare(loaded, calendar), published, lang)
        done = _interruptible(
            lambda o: run_replan(loaded, published, day, o, edited=by_hand, calendar=calendar),
            options,
        )
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
@click.argument("base", type=click.Path(path_type=Path))
@click.argument("variants", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-o", "--out", "outdir", type=click.Path(path_type=Path), default=None,
    help="Write the comparison here (comparison.csv, comparison.xlsx, site/index.html) with "
    "every scenario's plan folder (base/, one per variant); replaced in one step.",
)
@click.option("--seed", type=int, default=0, show_default=True, help="Random seed of every search.")
@click.option("--workers", type=int, default=2, show_default=True, help="Search workers.")
@click.option("--work", "work_limit", type=float, default=30.0, show_default=True,
              help="Deterministic work budget of each search (reproducible).")
@click.option(
    "--stable", is_flag=True,
    help="Plan each variant as a re-plan of the base plan, changing as few events as it can: "
    "the events changed are then what the change forces.",
)
@click.option("--lang", type=LANG, default=None, help="Language of messages and outputs.")
def whatif(
    base: Path,
    variants: tuple[Path, ...],
    outdir: Path | None,
    seed: int,
    workers: int,
    work_limit: float,
    stable: bool,
    lang: str | None,
) -> None:
    """Plan BASE and each VARIANT file (a name, the base, a list of changes), check every
    plan, and compare them side by side: status, objective, every soft term, hosting spread,
    room use, visits, events changed against the base.

    Exit codes: 0 compared (a variant without a plan is a row saying why); 1 the checker found
    a violation in a plan; 2 bad scenario or variant.
    """

    from .solver import SolveOptions
    from .whatif import compare_variants, write_comparison

    options = SolveOptions(seed=seed, workers=workers, work_limit=work_limit)

    def said(line: str) -> None:
        click.echo(line, err=True)

    try:
        done = _interruptible(
            lambda o: compare_variants(base, variants, o, lang, said, stable), options
        )
    except ScenarioError as exc:
        click.echo(exc.render(lang), err=True)
        sys.exit(2)
    _compared(done, outdir, lambda folder: write_comparison(done, folder), Path("site"))


@main.command()
@click.argument("grid", type=click.Path(path_type=Path))
@click.option("-o", "--out", "outdir", type=click.Path(path_type=Path), default=None,
              help="Write sweep.parquet, sweep.csv and the comparison (page, plans) here.")
@click.option("--scheduler", default=None, metavar="URL",
              help="A dask.distributed scheduler (tcp://host:8786); default: local processes.")
@click.option("--workers", type=int, default=2, show_default=True,
              help="Local processes (one variant each at a time).")
@click.option("--seed", type=int, default=0, show_default=True)
@click.option("--work", "work_limit", type=float, default=10.0, show_default=True,
              help="Deterministic work budget per variant (reproducible wherever it runs).")
@click.option("--time-limit", type=float, default=None,
              help="Wall-clock cap per variant: one still unsolved says so in its row.")
@click.option("--progress/--no-progress", default=None,
              help="A progress bar (default: when stderr is a terminal).")
@click.option("--lang", type=LANG, default=None)
def sweep(
    grid: Path,
    outdir: Path | None,
    scheduler: str | None,
    workers: int,
    seed: int,
    work_limit: float,
    time_limit: float | None,
    progress: bool | None,
    lang: str | None,
) -> None:
    """Solve every combination of GRID's axes (a base scenario and, per axis, labelled
    changes) in parallel, and compare them in one table. Exit codes as `whatif`."""
    from rich.console import Console
    from rich.progress import Progress

    from .solver import SolveOptions
    from .sweep import load_grid, run_sweep, write_sweep

    options = SolveOptions(seed=seed, work_limit=work_limit, time_limit=time_limit)
    try:
        loaded = load_grid(grid, lang)
        total = len(loaded.points()) + 1
        show = sys.stderr.isatty() if progress is None else progress
        with Progress(console=Console(stderr=True), disable=not show) as bar:
            task = bar.add_task(loaded.name, total=total)
            done = run_sweep(loaded, options, scheduler, workers,
                             lambda _i, _row: bar.advance(task))  # fmt: skip
    except ScenarioError as exc:
        click.echo(exc.render(lang), err=True)
        sys.exit(2)
    _compared(done.comparison, outdir, lambda folder: write_sweep(done, folder),
              Path("comparison", "site"))  # fmt: skip


def _compared(
    c: Comparison, outdir: Path | None, write: Callable[[Path], object], site: Path
) -> None:
    """The end of `whatif` and `sweep`: the table, every rule a plan breaks (exit 1), and
    where the comparison was written (its page under `site` in OUTDIR)."""
    from .whatif import terminal_table

    _print_wide(terminal_table(c))
    bad = [o for o in c.outcomes if o.violations]
    for o in bad:
        for v in o.violations:
            click.echo(v.render(), err=True)
        click.echo(say(c.lang, "whatif.violations", name=o.name, n=len(o.violations)), err=True)
    if outdir is not None:
        write(outdir)
        page = outdir / site / "index.html"
        click.echo(say(c.lang, "whatif.written", outdir=outdir, page=page))
    if bad:
        sys.exit(1)


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
@click.argument(
    "plandir", required=False, type=click.Path(path_type=Path, exists=True, file_okay=False)
)
@click.option("--lang", type=LANG, default=None)
@click.option(
    "--scenario",
    type=click.Path(path_type=Path),
    default=None,
    help="The scenario file, if not where plan.json says (the path given to `plan`).",
)
@click.option(
    "-o",
    "--out",
    "outdir",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Write here instead of PLANDIR (required with --ledger).",
)
@click.option(
    "--ledger",
    "body",
    default=None,
    metavar="BODY",
    help="Export a version BODY published, from the ledger, instead of PLANDIR.",
)
@click.option(
    "--version",
    "number",
    type=click.IntRange(min=1),
    default=None,
    help="With --ledger: which version (default: the latest).",
)
@click.option("--db", default=None, metavar="URL", help=LEDGER_HELP)
def export(
    plandir: Path | None,
    lang: str | None,
    scenario: Path | None,
    outdir: Path | None,
    body: str | None,
    number: int | None,
    db: str | None,
) -> None:
    """Write calendars, tables and site again: from PLANDIR/plan.json (into PLANDIR, or -o),
    or from a version in the ledger (--ledger BODY [--version N] -o OUT), which needs no
    scenario file: the ledger keeps the scenario each version was planned from."""
    from .export import export_plan

    if (plandir is None) == (body is None):
        raise click.UsageError(say(lang or "zh", "cli.export_source"))
    if body is None:
        if number is not None or db is not None:
            raise click.UsageError(say(lang or "zh", "cli.export_ledger_only"))
        assert plandir is not None
        result = _read_plan(plandir, lang)
        problem = _prepare(scenario or _source_of(plandir, result), lang)
        click.echo(str(export_plan(result, problem, outdir or plandir, lang)))
        return
    if outdir is None:
        raise click.UsageError(say(lang or "zh", "cli.export_needs_out"))
    with _ledger(db, lang or "zh", existing=True) as (ledger, fail):
        try:
            result, stored = ledger.load(body, number)
        except Exception as exc:
            fail(exc)
    click.echo(str(export_plan(result, _problem(stored, lang), outdir, lang)))


@main.command()
@click.argument("plandir", type=click.Path(path_type=Path, exists=True, file_okay=False))
@click.option(
    "--scenario",
    type=click.Path(path_type=Path),
    default=None,
    help="The scenario file, if not where plan.json says (the path given to `plan`).",
)
@click.option("--db", default=None, metavar="URL", help=LEDGER_HELP)
@click.option(
    "--caldav", "caldav_url", default=None, metavar="URL",
    help="Also put every event on this CalDAV calendar (one resource per event; changed ones "
    "updated, removed ones deleted). Credentials: $ROTASCHED_CALDAV_USER and "
    "$ROTASCHED_CALDAV_PASSWORD, or the URL host's entry in a netrc file; never here.",
)
@click.option(
    "--netrc", "netrc_path", type=click.Path(path_type=Path, dir_okay=False), default=None,
    help="The netrc file with the CalDAV server's credentials (default ~/.netrc).",
)
@click.option("--lang", type=LANG, default=None)
def publish(
    plandir: Path,
    scenario: Path | None,
    db: str | None,
    caldav_url: str | None,
    netrc_path: Path | None,
    lang: str | None,
) -> None:
    """Publish PLANDIR's plan as the next version of its planning body (the scenario's
    meta.id) in the ledger, then write PLANDIR again from the published version, so its
    calendars carry each event's revision and the events it cancels.

    The plan is checked first against the scenario with the body's history, as `plan --db`
    planned it. With --caldav, the published version then goes to the CalDAV server too.
    Exit codes: 0 published; 1 the checker found a violation (nothing published); 2 bad plan,
    scenario, ledger or server (a server failure comes after the ledger took the version:
    publishing again sends it).
    """
    from .check import check
    from .export import export_plan
    from .ledger import LedgerError
    from .whatif.variant import is_variant

    result = _read_plan(plandir, lang)
    source = scenario or _source_of(plandir, result)
    loaded = _load(source, lang)
    _warn(loaded, lang)
    lang = lang or loaded.meta.locale
    if not result.has_schedule:
        click.echo(say(lang, "ledger.no_schedule", status=result.status), err=True)
        sys.exit(2)
    if is_variant(source):  # a what-if keeps the base's meta.id: it would become its version
        click.echo(say(lang, "cli.publish_variant", variant=source), err=True)
        sys.exit(2)
    with _ledger(db, lang, existing=False) as (ledger, fail):
        try:
            loaded = ledger.with_history(loaded)
        except LedgerError as exc:
            fail(exc)
        problem = _problem(loaded, lang)
        violations = check(problem, result)
        if violations:
            for v in violations:
                click.echo(v.render(), err=True)
            click.echo(say(lang, "cli.not_published", n=len(violations)), err=True)
            sys.exit(1)
        try:
            same = ledger.holding(result, loaded)
            published = same or ledger.publish(result, loaded)
            version = next(v for v in ledger.versions(str(loaded.meta.id))
                           if v.number == published.version)  # fmt: skip
        except LedgerError as exc:
            fail(exc)
        where = ledger.where
    # The ledger holds the version now; the folder is the published version's handout.
    export_plan(published, problem, plandir, lang)
    if same is not None:  # nothing new: no empty version; calendars are still sent
        click.echo(say(lang, "cli.published_same", body=version.body, version=version.number,
                       db=where))
    else:
        click.echo(
            say(lang, "cli.published", body=version.body, version=version.number,
                events=version.events, db=where)
        )  # fmt: skip
    if version.changes and same is None:
        click.echo(say(lang, "cli.published_changes", changes=_changes(version.changes, lang)))
    if caldav_url is not None:  # after the ledger: a server down loses nothing
        _to_caldav(published, problem, caldav_url, netrc_path, lang)
    click.echo(str(plandir))


def _to_caldav(plan: PlanT, problem: Problem, url: str, netrc: Path | None, lang: str) -> None:
    from .export.caldav import PublishError, credentials_for, publish_caldav

    try:
        counts = publish_caldav(plan, problem, url, lang, credentials_for(url, netrc, lang))
    except PublishError as exc:
        click.echo(str(exc), err=True)
        sys.exit(2)
    click.echo(say(lang, "cli.caldav", url=url, **counts))


@main.command()
@click.argument("body", required=False)
@click.option("--db", default=None, metavar="URL", help=LEDGER_HELP)
@click.option("--lang", type=LANG, default=None)
def history(body: str | None, db: str | None, lang: str | None) -> None:
    """List the versions BODY published (default: of every body in the ledger)."""
    from rich.console import Console
    from rich.table import Table

    lang = lang or "zh"
    with _ledger(db, lang, existing=True) as (ledger, fail):
        try:
            bodies = [body] if body else ledger.bodies()
            found = {b: ledger.versions(b) for b in bodies}
        except Exception as exc:
            fail(exc)
        where = ledger.where
    if not any(found.values()):
        key = "ledger.no_body" if body else "cli.ledger_empty"
        click.echo(say(lang, key, body=body, db=where), err=body is not None)
        sys.exit(2 if body else 0)
    console = Console()
    for name, versions in found.items():
        table = Table(title=say(lang, "cli.versions_title", body=name, db=where))
        for key in ("version", "time", "digest", "events", "cancelled"):
            table.add_column(say(lang, f"cli.col.{key}"), no_wrap=True)
        table.add_column(say(lang, "cli.col.changes"))
        for v in versions:
            changed = _changes(v.changes, lang) if v.changes else "—"
            when = v.published_at.replace("T", " ").removesuffix("Z")  # the header says UTC
            table.add_row(str(v.number), when, v.digest[:12], str(v.events), str(v.cancelled),
                          changed)  # fmt: skip
        console.print(table)


# Size options of `generate`; each kind takes those of its spec (ParkSpec.options(), ...).
SIZES = ("orgs", "centres", "rooms", "rooms_per_centre", "pairs", "parks", "streets", "villages",
         "organs", "communities")  # fmt: skip


def _size_options(command: Callable[..., None]) -> Callable[..., None]:
    for size in reversed(SIZES):
        flag = "--" + size.replace("_", "-")
        command = click.option(flag, size, type=int, default=None, help="A size (see KIND).")(
            command
        )
    return command


@main.command()
@click.argument("kind", type=click.Choice(["park", "district", "city", "bundled"]))
@click.option(
    "-o", "--out", "folder", type=click.Path(path_type=Path), required=True,
    help="Folder to write, one scenario per folder (its tables have fixed names: orgs.csv, ...).",
)  # fmt: skip
@click.option("--seed", type=int, default=None, help="Random seed of the generator [default: 0].")
@click.option("--name", default=None, help="The YAML file's name, without .yaml [default: KIND].")
@click.option("--year", type=int, default=None, help="The year planned [default: 2026].")
@click.option("--quarter", type=int, default=None, help="Plan one quarter (1-4) of the year.")
@_size_options
@click.option("--lang", type=LANG, default="zh", show_default=True, help="Language of messages.")
def generate(
    kind: str, folder: Path, seed: int | None, name: str | None, lang: str, **given: int | None
) -> None:
    """Write a synthetic scenario of KIND (park, district, city) into FOLDER: YAML plus CSV
    tables, valid by construction, the same bytes for the same seed and sizes. Sizes not given
    are the benchmark preset's: park --orgs 30 --rooms 3 --pairs 15; district --orgs 150
    --centres 25 --pairs 100 --streets 10; city --orgs 1000 --centres 50 --rooms-per-centre 3
    --pairs 500 --parks 30. KIND bundled writes scenarios/'s park, district and city again."""
    from .generate import SpecError, write_bundled, write_scenario
    from .generate.spec import SPECS

    sizes = {k: v for k, v in given.items() if v is not None}
    if seed is not None:
        sizes["seed"] = seed
    if kind == "bundled":
        taken: tuple[str, ...] = ()
    else:
        taken = (*SPECS[kind].options(), "year", "quarter", "seed")
    for option in sizes:
        if option not in taken:
            options = ", ".join(f"--{o.replace('_', '-')}" for o in taken) or "-o"
            click.echo(say(lang, "generate.option", kind=kind, option=option.replace("_", "-"),
                           options=options), err=True)  # fmt: skip
            sys.exit(2)
    try:
        if kind == "bundled":
            paths = write_bundled(folder)
        else:
            spec = SPECS[kind](**sizes)
            paths = [write_scenario(spec, folder, name or kind)]
    except SpecError as exc:
        click.echo(exc.render(lang), err=True)
        sys.exit(2)
    for path in paths:
        scenario = load_scenario(path, locale=lang)  # valid by construction: a bug otherwise
        click.echo(say(lang, "generate.wrote", path=path))
        click.echo(render(summarise(scenario, build_calendar(scenario)), lang))
        click.echo()


def _changes(counts: dict[str, int], lang: str) -> str:
    """Events changed against the previous version, by kind: "3 (moved 1, new host 2)"."""
    from .compare import CHANGES

    kinds = [f"{say(lang, f'change.{k}')} {counts[k]}" for k in CHANGES if counts.get(k)]
    inner = say(lang, "export.list_sep").join(kinds)
    total = str(counts.get("events", 0))
    return say(lang, "export.paren", text=total, inner=inner) if kinds else total


def _source_of(plandir: Path, result: PlanT) -> Path:
    """The scenario a plan folder was planned from. plan.json keeps the path as it was given
    (relative to where `plan` ran: keeping it so keeps the files byte-identical wherever the
    folder is); run from elsewhere, it is found from the plan folder's parents, as in the usual
    project layout (out/park beside scenarios/park/park.yaml)."""
    given = Path(result.source)
    if given.is_absolute() or given.exists():
        return given
    for folder in Path(plandir).resolve().parents:
        if (folder / given).is_file():
            return folder / given
    # Not found: the scenario error that follows names it; say the way out first.
    click.echo(say(result.locale, "cli.scenario_where", path=given, plandir=plandir), err=True)
    return given


def _read_plan(plandir: Path, lang: str | None) -> PlanT:
    path = plandir / "plan.json"
    try:
        return PlanT.read_json(path)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        click.echo(say(lang or "zh", "cli.plan_unreadable", path=path, reason=exc), err=True)
        sys.exit(2)


@contextmanager
def _ledger(
    db: str | None, lang: str, existing: bool
) -> Iterator[tuple[Ledger, Callable[[Exception], NoReturn]]]:
    """The ledger and a way out for its errors: one line in `lang`, exit 2, no traceback.
    `existing`: a SQLite file that is not there is an error (reading must not create it)."""
    from .ledger import Ledger, LedgerError
    from .ledger.connect import exists, resolve, shown

    def fail(exc: Exception) -> NoReturn:
        if not isinstance(exc, LedgerError):
            raise exc
        click.echo(say(lang, exc.key, **exc.params), err=True)
        sys.exit(2)

    url = resolve(db)
    if existing and not exists(url):
        click.echo(say(lang, "ledger.missing", db=shown(url)), err=True)
        sys.exit(2)
    try:
        ledger = Ledger(db)
    except LedgerError as exc:
        fail(exc)
    try:
        yield ledger, fail
    finally:
        ledger.close()


def _with_history(scenario: Scenario, db: str | None, lang: str) -> Scenario:
    """`scenario` with what its body published before its start (plan --db)."""
    from .ledger.connect import exists, resolve, shown

    if not scenario.meta.id:
        return scenario
    url = resolve(db)
    if not exists(url):  # the first period: nothing published yet
        click.echo(say(lang, "cli.no_ledger_yet", db=shown(url)))
        return scenario
    with _ledger(db, lang, existing=True) as (ledger, fail):
        try:
            merged = ledger.with_history(scenario)
        except Exception as exc:
            fail(exc)
        where = ledger.where
    added = len(merged.history.hosts) - len(scenario.history.hosts)
    visits = len(merged.history.visits) - len(scenario.history.visits)
    click.echo(say(lang, "cli.ledger_history", db=where, body=scenario.meta.id, hosts=added,
                   visits=visits))  # fmt: skip
    return merged


def run() -> None:
    """Entry point: Ctrl-C outside the search (which keeps its best plan) ends quietly."""
    try:
        main()
    except KeyboardInterrupt:
        # Said in both languages: the interruption may come before the scenario's is known.
        words = f"{say('en', 'cli.interrupted')} / {say('zh', 'cli.interrupted')}"
        click.echo(f"\n{words}", err=True)
        sys.exit(130)
