"""site/: a static, self-contained website of the plan that works from file://.

Pages: index.html (summary, soft terms, charts), group-<id>.html per group or park (rotation
timeline, executive secretary per term, fairness), centre-<id>.html per shared centre (room
occupancy by week, bookings), org-<id>.html per organisation (its duties, terms and visits).
Charts are inline SVG with their words left as text, CSS is inline, there is no script and a
Content-Security-Policy forbids any load, so nothing reaches the network. Every name is
HTML-escaped. Every page links its calendars under ../ics/. No clock, no random: the same plan
gives the same bytes.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from pathlib import Path
from typing import ClassVar
from urllib.parse import quote

from ..plan import Occurrence, Plan, Term, Visit
from ..problem import Problem
from ..rules import SOFT
from . import _i18n
from ._view import View, one_line, slug
from .charts import FONT, fairness, gantt, heatmap, visit_timeline

CSS = f"""
*{{box-sizing:border-box}}
body{{font-family:{FONT};margin:0;color:#222;background:#fafafa;line-height:1.5}}
header{{background:#a61b1b;color:#fff;padding:12px 24px}}
header a{{color:#fff}}
header h1{{margin:4px 0 0;font-size:1.5em}}
nav{{font-size:.9em}}
main{{padding:12px 24px;max-width:1100px}}
h2{{border-bottom:2px solid #a61b1b;padding-bottom:2px;margin-top:28px;font-size:1.2em}}
table{{border-collapse:collapse;margin:8px 0;background:#fff}}
th,td{{border:1px solid #ccc;padding:3px 8px;text-align:left;vertical-align:top;
  max-width:420px;overflow-wrap:anywhere}}
th{{background:#f3e3e3}}
td.n{{text-align:right}}
td:nth-child(-n+3){{white-space:nowrap}}
.warn{{background:#fff3cd;border:1px solid #e0a800;padding:8px 12px;margin:12px 0}}
.chart{{background:#fff;border:1px solid #ddd;margin:8px 0;max-width:100%;height:auto}}
.links a{{margin-right:14px}}
ul.cols{{columns:3;padding-left:18px}}
footer{{color:#888;font-size:.8em;padding:12px 24px}}
"""
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def e(text: object) -> str:
    return escape(str(text), quote=True)


# ---- pages -----------------------------------------------------------------------------


class _Site:
    def __init__(self, v: View) -> None:
        self.v = v
        self.with_files = v.plan.has_schedule  # ics/ and tables/ exist only then
        groups = v.problem.scenario.groups
        self.groups = {g.id: g.name for g in groups}
        self.group_pages = _pages("group", list(self.groups))
        self.centre_pages = _pages("centre", v.centre_ids)
        self.org_pages = _pages("org", list(v.problem.orgs))

    # -- pieces --

    def ics(self, rel: str, label: str) -> str:
        if not self.with_files:
            return ""
        return f'<a href="../ics/{e(quote(rel))}" type="text/calendar">{e(label)}</a>'

    def org_link(self, org: str) -> str:
        page = self.org_pages.get(org)
        name = e(one_line(self.v.org_name(org)))
        return f'<a href="{e(quote(page))}">{name}</a>' if page else name

    def orgs_links(self, orgs: Iterable[str]) -> str:
        return e(self.v.w("list_sep")).join(self.org_link(o) for o in orgs)

    def table(
        self, headers: list[str], rows: list[list[str]], numeric: set[int] | None = None
    ) -> str:
        numeric = numeric or set()
        head = "".join(f"<th>{e(self.v.w(h))}</th>" for h in headers)
        if not rows:
            return f'<p>{e(self.v.w("none"))}</p>'
        body = "".join(
            "<tr>" + "".join(f'<td{" class=n" if i in numeric else ""}>{c}</td>'
                             for i, c in enumerate(r)) + "</tr>"
            for r in rows
        )
        return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"

    def page(self, title: str, body: str, heading: str | None = None) -> str:
        v = self.v
        lang = "zh-CN" if v.lang == "zh" else "en"
        warn = f'<p class="warn">{e(v.w("provisional"))}</p>' if v.provisional else ""
        return (
            "<!DOCTYPE html>\n"
            f'<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{e(one_line(title))}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
            f'<header><nav><a href="index.html">{e(v.w("home"))}</a> · '
            f"{e(one_line(v.problem.name))}</nav>"
            f"<h1>{e(one_line(heading or title))}</h1></header>\n"
            f"<main>\n{warn}{body}\n</main>\n"
            f"<footer>rotasched · {e(v.problem.start.isoformat())} – "
            f"{e(v.problem.end.isoformat())}</footer>\n</body>\n</html>\n"
        )

    def occurrence_rows(self, occs: list[Occurrence]) -> list[list[str]]:
        v = self.v
        rows = []
        for o in occs:
            row = [e(o.date.isoformat()), e(v.weekday(o.date)),
                   e(f"{o.start:%H:%M}–{o.end:%H:%M}"), e(one_line(o.series_name)), e(o.term),
                   self.org_link(o.host),
                   self.org_link(o.co_host) if o.co_host else "",
                   e(one_line(v.venue(o)))]
            rows.append(row)
        return rows

    def term_rows(self, terms: list[Term]) -> list[list[str]]:
        v = self.v
        return [
            [e(one_line(v.series_name(x.series))), e(x.term),
             e(f"{x.start.isoformat()} – {x.end.isoformat()}"),
             e(one_line(v.executive_name(x))), self.org_link(x.executive_org),
             self.orgs_links(dict.fromkeys(o.host for o in v.occurrences_of_term(x)))]
            for x in terms
        ]

    def visit_rows(self, visits: list[Visit]) -> list[list[str]]:
        v = self.v
        return [
            [e(x.date.isoformat()), e(v.weekday(x.date)), e(f"{x.start:%H:%M}–{x.end:%H:%M}"),
             e(one_line(x.pair_name)), e(_i18n.form(v.lang, x.form)), self.org_link(x.host),
             self.orgs_links(x.guests)]
            for x in visits
        ]

    OCC_HEAD: ClassVar[list[str]] = [
        "date", "weekday", "time", "activity", "term", "host", "co_host", "venue"]
    TERM_HEAD: ClassVar[list[str]] = [
        "activity", "term", "span", "executive", "executive_org", "occurrences_in_term"]
    VISIT_HEAD: ClassVar[list[str]] = [
        "date", "weekday", "time", "pair", "form", "visit_host", "visit_guests"]

    # -- pages --

    def index(self) -> str:
        v, plan = self.v, self.v.plan

        def num(x: float | None) -> str:
            return "—" if x is None else f"{x:g}"

        gap = "—" if plan.gap is None else f"{plan.gap:.2%}"
        facts = [
            ("status", e(_i18n.status(v.lang, plan.status))),
            ("objective", e(num(plan.objective))),
            ("bound", e(num(plan.bound))),
            ("gap", e(gap)),
            ("horizon", e(f"{v.problem.start.isoformat()} – {v.problem.end.isoformat()}")),
        ]
        parts = ["<h2>" + e(v.w("summary")) + "</h2><table>"]
        parts += [f"<tr><th>{e(v.w(k))}</th><td>{val}</td></tr>" for k, val in facts]
        parts.append("</table>")
        parts.append("<p>" + e(v.w("counts", occ=len(plan.occurrences), terms=len(plan.terms),
                                       visits=len(plan.visits))) + "</p>")
        if plan.explanation:
            parts.append(f"<h2>{e(v.w('explanation'))}</h2><ul>"
                         + "".join(f"<li>{e(x)}</li>" for x in plan.explanation) + "</ul>")
        weights = plan.weights or v.problem.weights
        keys = list(SOFT) + sorted(set(plan.terms_value) - set(SOFT))
        rows = []
        for k in keys:
            en, zh = SOFT.get(k, (k, k))
            value = plan.terms_value.get(k)
            rows.append([e(k), e(zh), e(en), e(weights.get(k, "—")),
                         e("—" if value is None else value)])
        parts.append(f"<h2>{e(v.w('soft_terms'))}</h2>")
        parts.append(self.table(["soft_key", "name_zh", "name_en", "weight", "value"], rows,
                                numeric={3, 4}))
        if not plan.has_schedule:
            parts.append(f"<p>{e(v.w('no_schedule'))}</p>")
        else:
            parts.append(f"<h2>{e(v.w('calendars'))}</h2><p class=links>"
                         + self.ics("all.ics", v.w("all_ics")) + "</p>")
            tables = [("t_occurrences", "hosting.csv"), ("t_terms", "executives.csv"),
                      ("t_rooms", "rooms.csv"), ("t_visits", "visits.csv"),
                      ("t_orgs", "organisations.csv")]
            parts.append(f"<h2>{e(v.w('downloads'))}</h2><p class=links>"
                         '<a href="../tables/plan.xlsx">plan.xlsx</a>'
                         + "".join(f'<a href="../tables/{f}">{e(v.w(k))} (CSV)</a>'
                                   for k, f in tables) + "</p>")
            parts.append(f"<h2>{e(v.w('chart_gantt'))}</h2>" + str(gantt(v, v.series_ids)))
            parts.append(f"<h2>{e(v.w('chart_fairness'))}</h2>"
                         + str(fairness(v, self._hosting_orgs(v.series_ids), v.series_ids,
                                        v.w("chart_fairness"))))
            if v.visits:
                parts.append(f"<h2>{e(v.w('chart_visits'))}</h2>"
                             + str(visit_timeline(v, v.visits)))
        if self.groups:
            parts.append(f"<h2>{e(v.w('groups'))}</h2><ul>" + "".join(
                f'<li><a href="{e(quote(self.group_pages[g]))}">{e(one_line(name))}</a></li>'
                for g, name in self.groups.items()) + "</ul>")
        if v.centre_ids:
            parts.append(f"<h2>{e(v.w('centres'))}</h2><ul>" + "".join(
                f'<li><a href="{e(quote(self.centre_pages[c]))}">'
                f"{e(one_line(v.centre_name(c)))}</a></li>" for c in v.centre_ids) + "</ul>")
        parts.append(f"<h2>{e(v.w('orgs'))}</h2><ul class=cols>"
                     + "".join(f"<li>{self.org_link(o)}</li>" for o in v.problem.orgs) + "</ul>")
        title = f"{v.problem.name} · {v.w('site_title')}"
        return self.page(title, "\n".join(parts))

    def _hosting_orgs(self, series_ids: list[str]) -> list[str]:
        pool: dict[str, None] = {}
        for s in series_ids:
            if s in self.v.problem.series:
                pool.update(dict.fromkeys(self.v.problem.series[s].pool))
        for o in self.v.occurrences:
            if o.series in series_ids:
                pool.setdefault(o.host, None)
        return list(pool)

    def group(self, gid: str) -> str:
        v = self.v
        members = [o for o, org in v.problem.orgs.items() if gid in org.groups]
        series = [s for s in v.series_ids
                  if s in v.problem.series and set(v.problem.series[s].pool) & set(members)]
        parts = [f"<h2>{e(v.w('members'))}</h2><ul class=cols>"
                 + "".join(f"<li>{self.org_link(o)}</li>" for o in members) + "</ul>"]
        if self.with_files:
            parts.append(f"<h2>{e(v.w('calendars'))}</h2><p class=links>"
                         + self.ics("all.ics", v.w("all_ics")) + "".join(
                             self.ics(v.org_files[o], one_line(v.org_name(o))) for o in members)
                         + "</p>")
        if series and v.plan.has_schedule:
            parts.append(f"<h2>{e(v.w('chart_gantt'))}</h2>" + str(gantt(v, series)))
            terms = [x for x in v.terms if x.series in series]
            parts.append(f"<h2>{e(v.w('t_terms'))}</h2>"
                         + self.table(self.TERM_HEAD, self.term_rows(terms)))
            for s in series:
                title = f"{v.w('chart_fairness')} · {v.series_name(s)}"
                parts.append(f"<h2>{e(title)}</h2>"
                             + str(fairness(v, self._hosting_orgs([s]), [s], title)))
            occs = [o for o in v.occurrences if o.series in series]
            parts.append(f"<h2>{e(v.w('t_occurrences'))}</h2>"
                         + self.table(self.OCC_HEAD, self.occurrence_rows(occs)))
        name = self.groups[gid]
        return self.page(f"{name} · {v.problem.name}", "\n".join(parts), heading=name)

    def centre(self, cid: str) -> str:
        v = self.v
        rooms = v.centre_rooms(cid)
        parts = []
        if self.with_files:
            parts.append(f"<h2>{e(v.w('calendars'))}</h2><p class=links>" + "".join(
                self.ics(v.room_files[k], v.paren(v.room_name(k), v.w("room_ics")))
                for k in rooms) + "</p>")
        if v.plan.has_schedule:
            parts.append(f"<h2>{e(v.w('chart_heatmap'))}</h2>" + str(heatmap(v, cid)))
        for k in rooms:
            room = v.problem.rooms.get(k)
            cap = f" · {v.w('capacity')} {room.capacity}" if room else ""
            parts.append(f"<h2>{e(one_line(v.room_name(k)) + cap)}</h2>")
            rows = [[e(o.date.isoformat()), e(v.weekday(o.date)),
                     e(f"{o.start:%H:%M}–{o.end:%H:%M}"), e(one_line(o.series_name)),
                     self.org_link(o.host), e(o.attendance)] for o in v.room_bookings(k)]
            parts.append(self.table(["date", "weekday", "time", "activity", "host",
                                     "attendance"], rows, numeric={5}))
        name = v.centre_name(cid)
        return self.page(f"{name} · {v.problem.name}", "\n".join(parts), heading=name)

    def org(self, oid: str) -> str:
        v = self.v
        org = v.problem.orgs[oid]
        person = v.problem.persons.get(org.person)
        facts = [("org_kind", e(_i18n.org_kind(v.lang, org.kind))),
                 ("secretary", e(one_line(v.person_name(org.person))))]
        if person and len(person.orgs) > 1:
            facts.append(("orgs", self.orgs_links(person.orgs)))
        if org.groups:
            facts.append(("groups", e(v.w("list_sep")).join(
                f'<a href="{e(quote(self.group_pages[g]))}">{e(one_line(self.groups[g]))}</a>'
                if g in self.group_pages else e(g) for g in org.groups)))
        parts = ["<table>" + "".join(f"<tr><th>{e(v.w(k))}</th><td>{val}</td></tr>"
                                     for k, val in facts) + "</table>"]
        if self.with_files:
            links = [self.ics(v.org_files[oid], v.w("org_ics"))]
            if org.person in v.person_files:
                who = one_line(v.person_name(org.person))
                links.append(self.ics(v.person_files[org.person], f"{v.w('person_ics')} · {who}"))
            parts.append(f"<h2>{e(v.w('calendars'))}</h2><p class=links>" + "".join(links)
                         + "</p>")
        if v.plan.has_schedule:
            parts.append(f"<h2>{e(v.w('duties'))}</h2>"
                         + self.table(self.OCC_HEAD, self.occurrence_rows(v.org_duties(oid))))
            parts.append(f"<h2>{e(v.w('exec_of'))}</h2>"
                         + self.table(self.TERM_HEAD, self.term_rows(v.org_terms(oid))))
            visits = v.org_visits(oid)
            parts.append(f"<h2>{e(v.w('visits'))}</h2>"
                         + self.table(self.VISIT_HEAD, self.visit_rows(visits)))
            if visits:
                parts.append(str(visit_timeline(v, visits)))
            attended = [o for o in v.org_occurrences(oid) if oid not in (o.host, o.co_host)]
            parts.append(f"<h2>{e(v.w('joint'))}</h2>"
                         + self.table(self.OCC_HEAD, self.occurrence_rows(attended)))
        return self.page(f"{org.name} · {v.problem.name}", "\n".join(parts), heading=org.name)

    def pages(self) -> dict[str, str]:
        out = {"index.html": self.index()}
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


def render_site(plan: Plan, problem: Problem, lang: str) -> dict[str, str]:
    """Every page as text, keyed by its file name under site/."""
    return _Site(View(plan, problem, lang)).pages()


def write_site(plan: Plan, problem: Problem, folder: Path, lang: str) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, html in render_site(plan, problem, lang).items():
        path = folder / name
        path.write_bytes(html.encode("utf-8"))
        written.append(path)
    return written
