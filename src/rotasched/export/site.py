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

import math
import unicodedata
from collections.abc import Iterable
from datetime import date, timedelta
from html import escape
from pathlib import Path
from typing import ClassVar
from urllib.parse import quote

from ..plan import Occurrence, Plan, Term, Visit
from ..problem import Problem
from ..rules import SOFT
from . import _i18n
from ._view import View, one_line, slug

PALETTE = (
    "#c0392b", "#2e86c1", "#27ae60", "#d68910", "#8e44ad", "#16a085",
    "#d35400", "#2c3e50", "#b03a2e", "#1f618d", "#7d6608", "#6c3483",
)
FONT = ("'Noto Sans CJK SC','Noto Sans SC','Source Han Sans SC','PingFang SC',"
        "'Microsoft YaHei',sans-serif")
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


def text_width(text: str, size: float) -> float:
    return sum(size if unicodedata.east_asian_width(c) in "WF" else size * 0.6 for c in text)


def fit(text: str, px: float, size: float) -> str:
    """The text, cut with … to fit px at font size `size` (an estimate: CJK are square)."""
    text = one_line(text)
    if text_width(text, size) <= px:
        return text
    out = ""
    for c in text:
        if text_width(out + c + "…", size) > px:
            break
        out += c
    return out + "…" if out else ""


# ---- SVG charts ---------------------------------------------------------------------------


class _Axis:
    """Days of the horizon on x."""

    def __init__(self, start: date, end: date, left: float, width: float) -> None:
        self.start, self.end, self.left, self.width = start, end, left, width
        self.days = (end - start).days + 1

    def x(self, day: date) -> float:
        return round(self.left + (day - self.start).days / self.days * self.width, 1)

    @property
    def day_px(self) -> float:
        return self.width / self.days

    def ticks(self, v: View, y0: float, y1: float) -> list[str]:
        out = []
        d = self.start.replace(day=1)
        first = True
        while d <= self.end:
            if d >= self.start:
                x = self.x(d)
                if v.lang == "zh":
                    label = f"{d.year}年{d.month}月" if first or d.month == 1 else f"{d.month}月"
                else:
                    label = d.strftime("%b %Y") if first or d.month == 1 else d.strftime("%b")
                out.append(f'<line x1="{x}" y1="{y0}" x2="{x}" y2="{y1}" stroke="#ddd"/>')
                out.append(f'<text x="{x + 3}" y="{y0 - 4}" font-size="11" fill="#555">'
                           f"{e(label)}</text>")
                first = False
            d = (d + timedelta(days=32)).replace(day=1)
        return out


def _svg(kind: str, width: float, height: float, title: str, body: list[str]) -> str:
    return (
        f'<svg class="chart" data-chart="{e(kind)}" xmlns="http://www.w3.org/2000/svg" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{e(title)}" font-family="{e(FONT)}">'
        f"<title>{e(title)}</title>" + "".join(body) + "</svg>"
    )


def _colour(v: View, org: str) -> str:
    orgs = list(v.problem.orgs)
    i = orgs.index(org) if org in orgs else len(orgs)
    return PALETTE[i % len(PALETTE)]


def gantt(v: View, series_ids: list[str]) -> str:
    """Rotation timeline: per series, its terms with their executive secretary, then each
    occurrence as a mark in its host's colour with the host's name."""
    width, left, row_h, top = 980, 180, 60, 30
    axis = _Axis(v.problem.start, v.problem.end, left, width - left - 20)
    height = top + row_h * max(len(series_ids), 1) + 10
    body = axis.ticks(v, top, height - 6)
    for i, sid in enumerate(series_ids):
        y = top + i * row_h
        name = v.series_name(sid)
        body.append(f'<text x="6" y="{y + 26}" font-size="13" font-weight="bold">'
                     f"<title>{e(name)}</title>{e(fit(name, left - 12, 13))}</text>")
        body.append(f'<line x1="0" y1="{y + row_h}" x2="{width}" y2="{y + row_h}" '
                    f'stroke="#eee"/>')
        for term in [x for x in v.terms if x.series == sid]:
            x0, x1 = axis.x(term.start), axis.x(term.end + timedelta(days=1))
            who = v.executive_name(term)
            tip = f"{term.term} {v.w('executive')}: {who} ({v.org_name(term.executive_org)})"
            label = fit(f"{term.term} {v.w('executive')} {who}", x1 - x0 - 8, 11)
            body.append(
                f'<g class="term"><title>{e(tip)}</title>'
                f'<rect x="{x0}" y="{y + 4}" width="{round(x1 - x0, 1)}" height="20" '
                f'fill="#f7e9e9" stroke="#c99"/>'
                f'<text x="{x0 + 4}" y="{y + 18}" font-size="11" fill="#7a1f1f">'
                f"{e(label)}</text></g>"
            )
        occs = [o for o in v.occurrences if o.series == sid]
        for j, o in enumerate(occs):
            x = axis.x(o.date)
            w = max(round(axis.day_px, 1), 5)
            nxt = axis.x(occs[j + 1].date) if j + 1 < len(occs) else left + axis.width + 20
            host = v.org_name(o.host)
            tip = f"{o.date.isoformat()} {o.series_name}: {v.w('host')} {host}"
            if o.co_host:
                tip += f" / {v.w('co_host')} {v.org_name(o.co_host)}"
            body.append(
                f'<g class="occurrence"><title>{e(tip)}</title>'
                f'<rect x="{x}" y="{y + 30}" width="{w}" height="22" rx="2" '
                f'fill="{_colour(v, o.host)}"/>'
                f'<text x="{x + w + 3}" y="{y + 45}" font-size="11">'
                f"{e(fit(host, nxt - x - w - 8, 11))}</text></g>"
            )
    return _svg("gantt", width, height, v.w("chart_gantt"), body)


def _weeks(v: View) -> list[date]:
    first = v.problem.start - timedelta(days=v.problem.start.weekday())
    out = []
    while first <= v.problem.end:
        out.append(first)
        first += timedelta(days=7)
    return out


def heatmap(v: View, centre: str) -> str:
    """Room occupancy by week: booked hours over open hours, colour by share, count as text."""
    rooms = v.centre_rooms(centre)
    weeks = _weeks(v)
    left, top = 150, 46
    cell = max(18.0, min(44.0, (980 - left - 20) / max(len(weeks), 1)))
    width = round(left + cell * len(weeks) + 20)
    height = top + 30 * max(len(rooms), 1) + 34
    cells: list[tuple[str, date, int, float | None]] = []
    for key in rooms:
        room = v.problem.rooms.get(key)
        for monday in weeks:
            days = [monday + timedelta(days=i) for i in range(7)]
            booked = [o for o in v.room_bookings(key) if o.date in days]
            minutes = sum((o.end.hour * 60 + o.end.minute) - (o.start.hour * 60 + o.start.minute)
                          for o in booked)
            open_minutes = 0
            if room is not None:
                open_days = sum(1 for d in days if v.problem.index(d) in room.open_days)
                open_minutes = open_days * (room.closes - room.opens)
            share = minutes / open_minutes if open_minutes else None
            cells.append((key, monday, len(booked), share))
    body = [f'<text x="{left}" y="14" font-size="11" fill="#555">{e(v.w("week_of"))}</text>']
    step = max(1, math.ceil(34 / cell))
    for i, monday in enumerate(weeks):
        if i % step == 0:
            label = f"{monday.month}/{monday.day}"
            body.append(f'<text x="{left + i * cell + 2}" y="{top - 8}" font-size="10" '
                        f'fill="#555">{e(label)}</text>')
    for r, key in enumerate(rooms):
        y = top + r * 30
        name = v.room_name(key)
        body.append(f'<text x="6" y="{y + 19}" font-size="12"><title>{e(v.room_label(key))}'
                    f"</title>{e(fit(name, left - 12, 12))}</text>")
    for key, monday, count, share in cells:
        r, c = rooms.index(key), weeks.index(monday)
        x, y = round(left + c * cell, 1), top + r * 30
        if share is None:
            fill = "#e6e6e6"
            tip = f"{v.room_label(key)} {monday.isoformat()}: —"
        else:
            fill = _heat(share)
            tip = (f"{v.room_label(key)} {monday.isoformat()}: {count} {v.w('bookings')}, "
                   f"{v.w('occupancy')} {share:.0%}")
        body.append(f'<g class="cell"><title>{e(tip)}</title><rect x="{x}" y="{y}" '
                    f'width="{round(cell - 2, 1)}" height="26" fill="{fill}" stroke="#ccc"/>')
        if count:
            colour = "#fff" if share is not None and math.sqrt(min(share, 1)) > 0.55 else "#222"
            body.append(f'<text x="{round(x + cell / 2 - 1, 1)}" y="{y + 17}" font-size="11" '
                        f'text-anchor="middle" fill="{colour}">{count}</text>')
        body.append("</g>")
    ly = top + 30 * max(len(rooms), 1) + 14
    body.append(f'<text x="{left}" y="{ly + 10}" font-size="11" fill="#555">'
                f'{e(v.w("occupancy"))}</text><text x="{left + 60}" y="{ly + 10}" '
                f'font-size="11" fill="#555">0%</text>')
    for i, share in enumerate((0.0, 0.04, 0.16, 0.36, 0.64, 1.0)):
        body.append(f'<rect x="{left + 84 + i * 16}" y="{ly}" width="16" height="12" '
                    f'fill="{_heat(share)}" stroke="#ccc"/>')
    body.append(f'<text x="{left + 84 + 6 * 16 + 4}" y="{ly + 10}" font-size="11" '
                f'fill="#555">100%</text>')
    return _svg("heatmap", width, height, v.w("chart_heatmap"), body)


def _heat(share: float) -> str:
    """White to party red by the square root of the share, so light use still shows."""
    level = math.sqrt(min(max(share, 0.0), 1.0))
    red, gb = round(255 - level * (255 - 166)), round(255 - level * (255 - 27))
    return f"#{red:02x}{gb:02x}{gb:02x}"


def fairness(v: View, orgs: list[str], series_ids: list[str], title: str) -> str:
    """Hosting per organisation: this plan's turns, after the history's (lighter)."""
    left, row_h, top = 200, 22, 24
    plan_count = {o: sum(1 for x in v.plan.occurrences if x.host == o and x.series in series_ids)
                  for o in orgs}
    hist = {o: sum(v.problem.series[s].history_count.get(o, 0)
                   for s in series_ids if s in v.problem.series) for o in orgs}
    peak = max([plan_count[o] + hist[o] for o in orgs], default=0) or 1
    width, bar_w = 700, 700 - left - 60
    height = top + row_h * max(len(orgs), 1) + 26
    body = []
    for i, o in enumerate(orgs):
        y = top + i * row_h
        name = v.org_name(o)
        h, p = hist[o], plan_count[o]
        hw, pw = round(h / peak * bar_w, 1), round(p / peak * bar_w, 1)
        tip = f"{name}: {v.w('this_plan')} {p}, {v.w('history')} {h}"
        body.append(f'<g class="bar"><title>{e(tip)}</title>'
                    f'<text x="{left - 6}" y="{y + 15}" font-size="12" text-anchor="end">'
                    f"{e(fit(name, left - 12, 12))}</text>")
        if hw:
            body.append(f'<rect x="{left}" y="{y + 3}" width="{hw}" height="16" fill="#e8b4b4"/>')
        if pw:
            body.append(f'<rect x="{left + hw}" y="{y + 3}" width="{pw}" height="16" '
                        f'fill="{_colour(v, o)}"/>')
        body.append(f'<text x="{left + hw + pw + 4}" y="{y + 15}" font-size="11">{p}'
                    f'{f" (+{h})" if h else ""}</text></g>')
    ly = top + row_h * max(len(orgs), 1) + 8
    body.append(f'<rect x="{left}" y="{ly}" width="12" height="12" fill="#e8b4b4"/>'
                f'<text x="{left + 16}" y="{ly + 10}" font-size="11">{e(v.w("history"))}</text>'
                f'<rect x="{left + 110}" y="{ly}" width="12" height="12" fill="#888"/>'
                f'<text x="{left + 126}" y="{ly + 10}" font-size="11">{e(v.w("this_plan"))}</text>')
    return _svg("fairness", width, height, title, body)


def visit_timeline(v: View, visits: list[Visit]) -> str:
    """Twinning visits over the horizon, one row per pair, marked by which side hosts."""
    rows: dict[tuple[str, tuple[str, ...]], list[Visit]] = {}
    for x in visits:
        rows.setdefault((x.pair, x.helped if x.form == "one_to_many" else ()), []).append(x)
    width, left, row_h, top = 980, 180, 34, 30
    axis = _Axis(v.problem.start, v.problem.end, left, width - left - 20)
    height = top + row_h * max(len(rows), 1) + 30
    body = axis.ticks(v, top, height - 24)
    for i, ((_pair, helped), items) in enumerate(rows.items()):
        y = top + i * row_h
        name = items[0].pair_name + (f" · {v.orgs_names(helped)}" if helped else "")
        body.append(f'<text x="6" y="{y + 21}" font-size="12"><title>{e(name)}</title>'
                    f"{e(fit(name, left - 12, 12))}</text>")
        for x in items:
            cx = axis.x(x.date) + axis.day_px / 2
            helped_hosts = x.host in x.helped
            tip = (f"{x.date.isoformat()} {v.orgs_names(x.guests)} → {v.org_name(x.host)}")
            if helped_hosts:
                mark = (f'<circle cx="{round(cx, 1)}" cy="{y + 16}" r="7" fill="#2e86c1"/>')
            else:
                mark = (f'<rect x="{round(cx - 7, 1)}" y="{y + 9}" width="14" height="14" '
                        f'fill="#d68910" transform="rotate(45 {round(cx, 1)} {y + 16})"/>')
            body.append(f'<g class="visit"><title>{e(tip)}</title>{mark}'
                        f'<text x="{round(cx + 10, 1)}" y="{y + 20}" font-size="10" fill="#444">'
                        f"{e(fit(v.org_name(x.host), 90, 10))}</text></g>")
    ly = height - 16
    body.append(f'<circle cx="{left + 6}" cy="{ly + 4}" r="6" fill="#2e86c1"/>'
                f'<text x="{left + 16}" y="{ly + 8}" font-size="11">'
                f'{e(v.w("legend_helped_hosts"))}</text>'
                f'<rect x="{left + 180}" y="{ly - 2}" width="12" height="12" fill="#d68910"/>'
                f'<text x="{left + 196}" y="{ly + 8}" font-size="11">'
                f'{e(v.w("legend_helper_hosts"))}</text>')
    return _svg("visits", width, height, v.w("chart_visits"), body)


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
            term = SOFT.get(k)
            en, zh = (term.en, term.zh) if term else (k, k)
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
            parts.append(f"<h2>{e(v.w('chart_gantt'))}</h2>" + gantt(v, v.series_ids))
            parts.append(f"<h2>{e(v.w('chart_fairness'))}</h2>"
                         + fairness(v, self._hosting_orgs(v.series_ids), v.series_ids,
                                    v.w("chart_fairness")))
            if v.visits:
                parts.append(f"<h2>{e(v.w('chart_visits'))}</h2>" + visit_timeline(v, v.visits))
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
            parts.append(f"<h2>{e(v.w('chart_gantt'))}</h2>" + gantt(v, series))
            terms = [x for x in v.terms if x.series in series]
            parts.append(f"<h2>{e(v.w('t_terms'))}</h2>"
                         + self.table(self.TERM_HEAD, self.term_rows(terms)))
            for s in series:
                title = f"{v.w('chart_fairness')} · {v.series_name(s)}"
                parts.append(f"<h2>{e(title)}</h2>"
                             + fairness(v, self._hosting_orgs([s]), [s], title))
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
            parts.append(f"<h2>{e(v.w('chart_heatmap'))}</h2>" + heatmap(v, cid))
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
                parts.append(visit_timeline(v, visits))
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
