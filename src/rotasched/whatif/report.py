"""A comparison handed out: a rich table for the terminal, comparison.csv and .xlsx, a page
with charts, and every scenario's own plan folder.

    OUTDIR/comparison.csv      one row per scenario (the base first); UTF-8 BOM, formula-safe
    OUTDIR/comparison.xlsx     the same as a sheet, numbers as numbers
    OUTDIR/site/index.html     the comparison: figures side by side, bars per scenario
    OUTDIR/base/, OUTDIR/<variant>/   each scenario's plan folder, as `rotasched plan` writes

The page has the site's guarantees (export/site.py): a Jinja2 template with autoescape, inline
SVG charts, a policy that forbids every request, and the same bytes for the same comparison.
"""

from __future__ import annotations

from datetime import datetime, time
from pathlib import Path
from typing import Any
from urllib.parse import quote

from markupsafe import Markup
from rich.table import Table as RichTable
from rich.text import Text

from ..export import _i18n, export_plan
from ..export._view import one_line
from ..export.charts import FONT, Html, bars
from ..export.files import staged, write_text
from ..export.site import TEMPLATES, Link
from ..export.tables import Cell, Table, csv_bytes, xlsx_bytes
from ..rules import SOFT, describe
from ..words import say
from .run import SITE_FOLDER, Comparison, kind

PAGE = f"{SITE_FOLDER}/index.html"


def label(c: Comparison, key: str) -> str:
    """A column's name in the comparison's language."""
    lang = c.lang
    if key in SOFT:
        return f"{describe(key, lang)} [{key}]"
    head, _, rest = key.partition(":")
    if head == "spread":
        return say(lang, "whatif.col.spread", group=one_line(c.groups()[rest]))
    if head == "utilisation":
        return say(lang, "whatif.col.utilisation", centre=one_line(c.centres()[rest]))
    if head == "changed" and rest:
        return say(lang, "whatif.col.changed_kind", kind=say(lang, f"change.{rest}"))
    return say(lang, f"whatif.col.{key}")


def shown(c: Comparison, key: str, value: Any) -> str:
    """A figure as people read it: — where there is none, percentages, thousands."""
    if value is None or value == "":
        return "—" if key != "explanation" else ""
    if key == "status":
        return _i18n.status(c.lang, value)
    if kind(key) == "percent":
        return f"{value:.2%}"
    if kind(key) == "float":
        return f"{value:,.0f}"
    return one_line(str(value))


def _cell(c: Comparison, key: str, value: Any) -> Cell:
    if value is None:
        return None
    if key == "status":
        return _i18n.status(c.lang, value)
    if kind(key) == "text":
        return one_line(str(value))
    if kind(key) == "int":
        return int(value)
    number = float(value)
    return int(number) if number.is_integer() and kind(key) == "float" else round(number, 6)


def comparison_table(c: Comparison) -> Table:
    """The comparison as a table for tables.py: one row per scenario, headers in words."""
    columns = c.columns()
    rows = tuple(
        tuple(_cell(c, k, m.get(k)) for k in columns) for m in (o.measures() for o in c.outcomes)
    )
    return Table(
        "whatif", "comparison.csv", tuple((k, kind(k)) for k in columns), rows,
        headers=tuple(label(c, k) for k in columns), title=say(c.lang, "whatif.sheet"),
    )  # fmt: skip


def figures(c: Comparison) -> list[str]:
    """The columns shown side by side (terminal and page): all but the names and files."""
    return [k for k in c.columns() if k not in ("variant", "folder", "file")]


def terminal_table(c: Comparison) -> RichTable:
    """Figures down, scenarios across: a few scenarios fit a terminal, thirty figures do not."""
    table = RichTable(title=Text(say(c.lang, "whatif.title", base=c.base.scenario.meta.name)))
    table.add_column(Text(say(c.lang, "whatif.col.figure")))
    for o in c.outcomes:
        table.add_column(Text(o.name), justify="right")
    rows = [o.measures() for o in c.outcomes]
    for key in figures(c):
        table.add_row(Text(label(c, key)), *(Text(shown(c, key, r.get(key))) for r in rows))
    return table


# ---- the page ----------------------------------------------------------------------------


def _bars(c: Comparison, key: str) -> Html:
    rows = [(o.name, m.get(key), shown(c, key, m.get(key)))
            for o, m in ((o, o.measures()) for o in c.outcomes)]  # fmt: skip
    return bars(label(c, key), rows)


def render_page(c: Comparison) -> str:
    """The comparison page (site/index.html) as text."""
    lang = c.lang
    rows = [o.measures() for o in c.outcomes]
    summary_keys = ["status", "objective", "bound", "gap", "violations", "visits_planned",
                    "visits_required", "changed", "explanation"]  # fmt: skip
    summary = [
        [Link(one_line(o.name), f"../{quote(o.folder)}/{PAGE}"),
         *(shown(c, k, r.get(k)) for k in summary_keys)]
        for o, r in zip(c.outcomes, rows, strict=True)
    ]  # fmt: skip
    terms = [k for k in SOFT if any(r.get(k) for r in rows)]
    zero = [f"{describe(k, lang)} [{k}]" for k in SOFT if k not in terms]
    charted = ["objective", *terms, *(k for k in c.columns() if k.startswith(("spread:",
               "utilisation:"))), "changed"]  # fmt: skip
    problem = c.base.problem
    return TEMPLATES.get_template("compare.html.j2").render(
        w=lambda key, **kw: _i18n.word(lang, key, **kw),
        html_lang="zh-CN" if lang == "zh" else "en",
        title=one_line(say(lang, "whatif.title", base=problem.name)),
        heading=one_line(say(lang, "whatif.title", base=problem.name)),
        scenario_name=one_line(problem.name),
        provisional=any(o.problem.calendar.provisional for o in c.outcomes),
        start=problem.start.isoformat(),
        end=problem.end.isoformat(),
        font=Markup(FONT),
        summary_headers=[say(lang, "whatif.col.variant"), *(label(c, k) for k in summary_keys)],
        summary=summary,
        variants=[(one_line(o.name), one_line(o.description), o.changes) for o in c.variants],
        outcomes=[one_line(o.name) for o in c.outcomes],
        measures=[(label(c, k), [shown(c, k, r.get(k)) for r in rows]) for k in figures(c)],
        charts=[(label(c, k), _bars(c, k)) for k in charted],
        zero=_i18n.join(lang, zero),
        seed=c.seed,
        work=f"{c.work_limit:g}",
        stable=c.stable,
    )


def write_comparison(c: Comparison, outdir: Path) -> Path:
    """Write the comparison and every scenario's plan folder into OUTDIR, replaced in one step
    (a failure leaves the last good OUTDIR as it was)."""
    lang = c.lang
    with staged(Path(outdir)) as tmp:
        for o in c.outcomes:
            export_plan(o.plan, o.problem, tmp / o.folder, lang)
        table = comparison_table(c)
        (tmp / table.file).write_bytes(csv_bytes(table, lang))
        created = datetime.combine(c.base.problem.start, time(0))  # never the clock
        title = one_line(say(lang, "whatif.title", base=c.base.problem.name))
        (tmp / "comparison.xlsx").write_bytes(xlsx_bytes([table], lang, created, title))
        write_text(tmp / PAGE, render_page(c))
    return Path(outdir)
