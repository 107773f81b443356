"""site/: a static, self-contained website of the plan that works from file://.

Pages: index.html (summary, soft terms, charts), group-<id>.html per group or park (rotation
timeline, executive secretary per term, fairness), centre-<id>.html per shared centre (room
occupancy by week, bookings), org-<id>.html per organisation (its duties, terms and visits) and,
for a re-plan, changes.html (what changed since the previous version, changes.py).

Each page is a Jinja2 template under templates/ (base.html.j2 holds the frame: policy, style,
navigation); this module only gathers what each page shows. Autoescape is on, so every name is
HTML-escaped where the template writes it; the charts (charts.py) arrive as markup whose own text
is already escaped. Charts are inline SVG with their words left as text, CSS is inline, there is
no script and a Content-Security-Policy forbids any load, so nothing reaches the network. Every
page links its calendars under ../ics/. No clock, no random: the same plan gives the same bytes.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import time
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import quote

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from ..plan import Occurrence, Plan, Term, Visit
from ..problem import Problem
from ..rules import SOFT
from . import _i18n
from ._view import View, one_line, slug
from .changes import Change, Side
from .charts import FONT, escape_html, fairness, gantt, heatmap, visit_timeline
from .recheck import provisional_years, recheck_rows

TEMPLATES = Environment(
    loader=PackageLoader("rotasched.export", "templates"),
    autoescape=True,
    # Every {{ value }} passes through escape_html: text is escaped as html.escape does it
    # (&quot;, &#x27;; markupsafe alone writes &#34;, &#39;, the same to a browser but not the
    # bytes the site wrote before it had templates), Markup (a chart, a macro's output) is kept.
    # Autoescape stays on as well: it makes a macro's output Markup, escapes inside filters, and
    # would still escape every value if this finalize were ever dropped.
    finalize=escape_html,
    undefined=StrictUndefined,  # a misspelt name in a template fails instead of printing nothing
    # Block tags take no room of their own: a template line is a line of the page.
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)

# tables/ files the index offers, with the word that names each (tables.py writes them).
DOWNLOADS = (
    ("t_occurrences", "hosting.csv"),
    ("t_terms", "executives.csv"),
    ("t_rooms", "rooms.csv"),
    ("t_visits", "visits.csv"),
    ("t_orgs", "organisations.csv"),
)


# A re-plan's page: no organisation, group or centre page name can be it (theirs have a prefix).
CHANGES_PAGE = "changes.html"


class Changes(NamedTuple):
    """What the changes page and the index's link to it show (changes.py makes the rows)."""

    rows: list[Change]
    counts: list[tuple[str, int]]  # (kind of change in words, events)
    line: str  # the counts as one sentence, for the index


class Link(NamedTuple):
    text: str
    href: str | None = None  # None: nothing to link to, the text is shown as it is


# A table cell: text, or organisations (links, joined with the list separator).
Cell = str | list[Link]


class Table(NamedTuple):
    headers: tuple[str, ...]  # word keys
    rows: list[list[Cell]]
    numeric: frozenset[int] = frozenset()  # columns aligned right


def _time(start: time, end: time) -> str:
    return f"{start:%H:%M}–{end:%H:%M}"


class _Site:
    def __init__(self, v: View, changes: Changes | None = None) -> None:
        self.v = v
        self.changes = changes
        self.with_files = v.plan.has_schedule  # ics/ and tables/ exist only then
        groups = v.problem.scenario.groups
        self.groups = {g.id: g.name for g in groups}
        self.group_pages = _pages("group", list(self.groups))
        self.centre_pages = _pages("centre", v.centre_ids)
        self.org_pages = _pages("org", list(v.problem.orgs))

    # -- pieces --

    def render(self, template: str, title: str, heading: str | None, **page: Any) -> str:
        v = self.v
        return TEMPLATES.get_template(template).render(
            w=v.w,
            html_lang="zh-CN" if v.lang == "zh" else "en",
            title=one_line(title),
            heading=one_line(heading or title),
            scenario_name=one_line(v.problem.name),
            provisional=v.provisional,
            start=v.problem.start.isoformat(),
            end=v.problem.end.isoformat(),
            # Our own constant, written raw: CSS inside <style> does not read HTML entities.
            font=Markup(FONT),
            **page,
        )

    def ics(self, rel: str, label: str) -> Link:
        return Link(label, "../ics/" + quote(rel))

    def org_link(self, org: str) -> Link:
        page = self.org_pages.get(org)
        return Link(one_line(self.v.org_name(org)), quote(page) if page else None)

    def orgs_links(self, orgs: Iterable[str]) -> list[Link]:
        return [self.org_link(o) for o in orgs]

    def group_link(self, gid: str) -> Link:
        if gid not in self.group_pages:  # a group the scenario does not define: its id
            return Link(gid)
        return Link(one_line(self.groups[gid]), quote(self.group_pages[gid]))

    OCC_HEAD = ("date", "weekday", "time", "activity", "term", "host", "co_host", "venue")
    TERM_HEAD = ("activity", "term", "span", "executive", "executive_org", "occurrences_in_term")
    VISIT_HEAD = ("date", "weekday", "time", "pair", "form", "visit_host", "visit_guests")
    BOOKING_HEAD = ("date", "weekday", "time", "activity", "host", "attendance")

    def occurrence_table(self, occs: list[Occurrence]) -> Table:
        v = self.v
        rows: list[list[Cell]] = [
            [
                o.date.isoformat(),
                v.weekday(o.date),
                _time(o.start, o.end),
                one_line(o.series_name),
                o.term,
                [self.org_link(o.host)],
                [self.org_link(o.co_host)] if o.co_host else "",
                one_line(v.venue(o)),
            ]
            for o in occs
        ]
        return Table(self.OCC_HEAD, rows)

    def term_table(self, terms: list[Term]) -> Table:
        v = self.v
        rows: list[list[Cell]] = [
            [
                one_line(v.series_name(x.series)),
                x.term,
                f"{x.start.isoformat()} – {x.end.isoformat()}",
                one_line(v.executive_name(x)),
                [self.org_link(x.executive_org)],
                self.orgs_links(dict.fromkeys(o.host for o in v.occurrences_of_term(x))),
            ]
            for x in terms
        ]
        return Table(self.TERM_HEAD, rows)

    def visit_table(self, visits: list[Visit]) -> Table:
        v = self.v
        rows: list[list[Cell]] = [
            [
                x.date.isoformat(),
                v.weekday(x.date),
                _time(x.start, x.end),
                one_line(x.pair_name),
                _i18n.form(v.lang, x.form),
                [self.org_link(x.host)],
                self.orgs_links(x.guests),
            ]
            for x in visits
        ]
        return Table(self.VISIT_HEAD, rows)

    def booking_table(self, room: str) -> Table:
        v = self.v
        rows: list[list[Cell]] = [
            [
                o.date.isoformat(),
                v.weekday(o.date),
                _time(o.start, o.end),
                one_line(o.series_name),
                [self.org_link(o.host)],
                str(o.attendance),
            ]
            for o in v.room_bookings(room)
        ]
        return Table(self.BOOKING_HEAD, rows, numeric=frozenset({5}))

    def recheck_table(self) -> Table | None:
        """On a provisional calendar, what is planned where the official arrangement may move."""
        v, cal = self.v, self.v.problem.calendar
        if not cal.provisional:
            return None
        rows: list[list[Cell]] = [[*row] for row in recheck_rows(v.plan, cal, v.lang)]
        return Table(("date", "weekday", "kind", "recheck_what", "id"), rows)

    def _hosting_orgs(self, series_ids: list[str]) -> list[str]:
        pool: dict[str, None] = {}
        for s in series_ids:
            if s in self.v.problem.series:
                pool.update(dict.fromkeys(self.v.problem.series[s].pool))
        for o in self.v.occurrences:
            if o.series in series_ids:
                pool.setdefault(o.host, None)
        return list(pool)

    # -- pages --

    def index(self) -> str:
        v, plan = self.v, self.v.plan

        def num(x: float | None) -> str:
            return "—" if x is None else f"{x:g}"

        facts = [
            ("status", _i18n.status(v.lang, plan.status)),
            ("objective", num(plan.objective)),
            ("bound", num(plan.bound)),
            ("gap", "—" if plan.gap is None else f"{plan.gap:.2%}"),
            ("horizon", f"{v.problem.start.isoformat()} – {v.problem.end.isoformat()}"),
        ]
        weights = plan.weights or v.problem.weights
        soft: list[list[Cell]] = []
        for k in list(SOFT) + sorted(set(plan.terms_value) - set(SOFT)):
            known = SOFT.get(k)
            en, zh = (known.en, known.zh) if known else (k, k)
            value = plan.terms_value.get(k)
            soft.append([k, zh, en, str(weights.get(k, "—")), "—" if value is None else str(value)])
        scheduled: dict[str, Any] = {}
        if plan.has_schedule:
            scheduled = {
                "all_ics": self.ics("all.ics", v.w("all_ics")),
                "downloads": DOWNLOADS,
                "gantt": gantt(v, v.series_ids),
                "fairness": fairness(
                    v, self._hosting_orgs(v.series_ids), v.series_ids, v.w("chart_fairness")
                ),
                "visit_timeline": visit_timeline(v, v.visits) if v.visits else None,
            }
        return self.render(
            "index.html.j2",
            f"{v.problem.name} · {v.w('site_title')}",
            None,
            facts=facts,
            changes=self.changes.line if self.changes else None,
            counts={
                "occ": len(plan.occurrences),
                "terms": len(plan.terms),
                "visits": len(plan.visits),
            },
            explanation=plan.explanation,
            recheck=self.recheck_table(),
            recheck_years=v.join([str(y) for y in provisional_years(v.problem.calendar)]),
            soft_terms=Table(
                ("soft_key", "name_zh", "name_en", "weight", "value"), soft, frozenset({3, 4})
            ),
            has_schedule=plan.has_schedule,
            **scheduled,
            groups=[self.group_link(g) for g in self.groups],
            centres=[
                Link(one_line(v.centre_name(c)), quote(self.centre_pages[c])) for c in v.centre_ids
            ],
            orgs=self.orgs_links(v.problem.orgs),
        )

    def group(self, gid: str) -> str:
        v = self.v
        members = [o for o, org in v.problem.orgs.items() if gid in org.groups]
        series = [
            s
            for s in v.series_ids
            if s in v.problem.series and set(v.problem.series[s].pool) & set(members)
        ]
        calendars = [self.ics("all.ics", v.w("all_ics"))]
        calendars += [self.ics(v.org_files[o], one_line(v.org_name(o))) for o in members]
        page: dict[str, Any] = {"gantt": None}
        if series and v.plan.has_schedule:
            charts = []
            for s in series:
                title = f"{v.w('chart_fairness')} · {v.series_name(s)}"
                charts.append((title, fairness(v, self._hosting_orgs([s]), [s], title)))
            page = {
                "gantt": gantt(v, series),
                "terms": self.term_table(
                    [x for x in v.terms if x.series in {v.rotation_of(s) for s in series}]
                ),
                "fairness": charts,
                "occurrences": self.occurrence_table(
                    [o for o in v.occurrences if o.series in series]
                ),
            }
        name = self.groups[gid]
        return self.render(
            "group.html.j2",
            f"{name} · {v.problem.name}",
            name,
            members=self.orgs_links(members),
            with_files=self.with_files,
            calendars=calendars,
            **page,
        )

    def centre(self, cid: str) -> str:
        v = self.v
        room_keys = v.centre_rooms(cid)
        rooms = []
        for k in room_keys:
            room = v.problem.rooms.get(k)
            cap = f" · {v.w('capacity')} {room.capacity}" if room else ""
            rooms.append((one_line(v.room_name(k)) + cap, self.booking_table(k)))
        name = v.centre_name(cid)
        return self.render(
            "centre.html.j2",
            f"{name} · {v.problem.name}",
            name,
            with_files=self.with_files,
            calendars=[
                self.ics(v.room_files[k], v.paren(v.room_name(k), v.w("room_ics")))
                for k in room_keys
            ],
            heatmap=heatmap(v, cid) if v.plan.has_schedule else None,
            rooms=rooms,
        )

    def org(self, oid: str) -> str:
        v = self.v
        org = v.problem.orgs[oid]
        person = v.problem.persons.get(org.person)
        facts: list[tuple[str, Cell]] = [
            ("org_kind", _i18n.org_kind(v.lang, org.kind)),
            ("secretary", one_line(v.person_name(org.person))),
        ]
        if person and len(person.orgs) > 1:
            facts.append(("orgs", self.orgs_links(person.orgs)))
        if org.groups:
            facts.append(("groups", [self.group_link(g) for g in org.groups]))
        calendars = [self.ics(v.org_files[oid], v.w("org_ics"))]
        if org.person in v.person_files:
            who = one_line(v.person_name(org.person))
            calendars.append(self.ics(v.person_files[org.person], f"{v.w('person_ics')} · {who}"))
        page: dict[str, Any] = {}
        if v.plan.has_schedule:
            visits = v.org_visits(oid)
            attended = [o for o in v.org_occurrences(oid) if oid not in (o.host, o.co_host)]
            page = {
                "duties": self.occurrence_table(v.org_duties(oid)),
                "terms": self.term_table(v.org_terms(oid)),
                "visits": self.visit_table(visits),
                "visit_timeline": visit_timeline(v, visits) if visits else None,
                "attended": self.occurrence_table(attended),
            }
        return self.render(
            "org.html.j2",
            f"{org.name} · {v.problem.name}",
            org.name,
            facts=facts,
            with_files=self.with_files,
            calendars=calendars,
            has_schedule=v.plan.has_schedule,
            **page,
        )

    CHANGE_HEAD = ("date", "kind", "activity", "change", "when", "host", "place", "id")

    def changes_page(self, changes: Changes) -> str:
        v = self.v

        def when(s: Side | None) -> str | None:
            return f"{s.date.isoformat()} {s.time}" if s else None

        def host(s: Side | None) -> Link | None:
            return self.org_link(s.host) if s and s.host else None

        def place(s: Side | None) -> str | None:
            return s.place_name if s else None

        rows = [
            {
                "date": c.date.isoformat(),
                "kind": c.kind_name,
                "name": c.name,
                "change": c.change_words,
                "when": (when(c.old), when(c.new)),
                "host": (host(c.old), host(c.new)),
                "place": (place(c.old), place(c.new)),
                "id": c.id,
            }
            for c in changes.rows
        ]
        return self.render(
            "changes.html.j2",
            f"{v.w('t_changes')} · {v.problem.name}",
            v.w("t_changes"),
            counts=changes.counts,
            all_ics=self.ics("all.ics", v.w("all_ics")),
            headers=self.CHANGE_HEAD,
            rows=rows,
        )

    def pages(self) -> dict[str, str]:
        out = {"index.html": self.index()}
        if self.changes is not None:
            out[CHANGES_PAGE] = self.changes_page(self.changes)
        for g, page in self.group_pages.items():
            out[page] = self.group(g)
        for c, page in self.centre_pages.items():
            out[page] = self.centre(c)
        for o, page in self.org_pages.items():
            out[page] = self.org(o)
        return out


def _pages(kind: str, keys: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    used: set[str] = set()
    for key in keys:
        name = f"{kind}-{slug(key)}"
        if name.lower() in used:
            name = f"{kind}-{slug(key + chr(0))}"  # hashed: differs only in case
        used.add(name.lower())
        out[key] = f"{name}.html"
    return out


def render_site(
    plan: Plan, problem: Problem, lang: str, changes: Changes | None = None
) -> dict[str, str]:
    """Every page as text, keyed by its file name under site/."""
    return _Site(View(plan, problem, lang), changes).pages()


def write_site(
    plan: Plan, problem: Problem, folder: Path, lang: str, changes: Changes | None = None
) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, html in render_site(plan, problem, lang, changes).items():
        path = folder / name
        path.write_bytes(html.encode("utf-8"))
        written.append(path)
    return written
