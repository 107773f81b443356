"""The command line: a thin click shell over the Python API."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from . import build_calendar, load_scenario
from .scenario import ScenarioError
from .summary import render, summarise

LANG = click.Choice(["zh", "en"])


def _fail(exc: ScenarioError, lang: str | None) -> None:
    click.echo(exc.render(lang), err=True)
    sys.exit(2)


@click.group()
@click.version_option(package_name="rotasched")
def main() -> None:
    """rotasched — 区域化党建联合活动排期：轮值承办、共享场地、结对互访。"""


@main.command()
@click.argument("scenarios", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--lang", type=LANG, default=None, help="Language of messages (default: the scenario's).")
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
        summary = summarise(scenario, cal)
        if as_json:
            click.echo(json.dumps(summary, ensure_ascii=False, indent=2))
        else:
            click.echo(render(summary, lang or scenario.meta.locale))
            click.echo()
    if failed:
        sys.exit(2)
