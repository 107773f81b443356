"""The site's charts as inline SVG: rotation Gantt, room heat map, fairness bars, visit timeline.

Every element comes from tag(): the tag and attribute names are ours, and every attribute value
and text is escaped there, as `Html` escapes it. So a name can never become markup, and there is
no escape call to forget. Words stay text (a reader can select, search and translate them).
"""

from __future__ import annotations

import html
import math
import unicodedata
from datetime import date, timedelta
from functools import cache
from typing import Self

from markupsafe import Markup

from ..plan import Visit
from ._view import View, one_line

# An organisation's colour, by its place in the scenario (repeating after twelve).
PALETTE = tuple(
    "#c0392b #2e86c1 #27ae60 #d68910 #8e44ad #16a085 "
    "#d35400 #2c3e50 #b03a2e #1f618d #7d6608 #6c3483".split()
)
FONT = (
    "'Noto Sans CJK SC','Noto Sans SC','Source Han Sans SC','PingFang SC',"
    "'Microsoft YaHei',sans-serif"
)


class Html(Markup):
    """Markup that escapes what is put into it (`format`, `join`, `+`) the way the standard
    library's html.escape(quote=True) does.

    markupsafe alone writes `"` and `'` as &#34; and &#39;; html.escape writes &quot; and &#x27;.
    A browser reads both the same, but earlier versions wrote the latter, and the same plan must
    give the same bytes: a site that differs without a changed plan would be noise in every diff.
    """

    @classmethod
    def escape(cls, s: object, /) -> Self:
        return cls(_markup(s))


def _markup(value: object) -> str:
    """A value as Html puts it in: markup as it is, anything else escaped."""
    kind = type(value)
    if kind is int or kind is float:  # most of a chart's values: nothing in them to escape
        return str(value)
    if hasattr(value, "__html__"):
        return str(value.__html__())
    return html.escape(str(value), quote=True)


@cache
def _attribute(key: str) -> str:
    """A keyword as an attribute name: font_size is font-size, class_ is class."""
    return _markup(key.rstrip("_").replace("_", "-"))


def escape_html(value: object) -> Html:
    """The value as safe markup: text escaped, markup (a chart, a rendered macro) kept."""
    return Html.escape(value)


def tag(name: str, *content: object, **attrs: object) -> Html:
    """One SVG element: <name a="v" ...>content</name>, or <name a="v" .../> with no content.

    Attribute values and text are escaped; content that is already markup (an element) is kept.
    In a keyword, _ stands for - (font_size is font-size) and a trailing _ is dropped (class_).
    """
    # Plain strings, each piece escaped as Html.escape does it, wrapped as Html once: the same
    # markup as Html.format and join give, which escape through string.Formatter and took
    # seconds over a city's charts.
    name = _markup(name)
    head = f"<{name}" + "".join(
        f' {_attribute(key)}="{_markup(value)}"'
        for key, value in attrs.items()
    )
    if not content:
        return Html(head + "/>")
    return Html(head + ">" + "".join(map(_markup, content)) + f"</{name}>")


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

    def ticks(self, v: View, y0: float, y1: float) -> list[Html]:
        """A line and a label at each month's first day; the year on the first and in January."""
        out = []
        d = self.start.replace(day=1)
        first = True
        while d <= self.end:
            if d >= self.start:
                x = self.x(d)
                # Month names from the catalogue, not strftime: they must not follow the locale.
                month = v.w("months").split(",")[d.month - 1]
                if first or d.month == 1:
                    label = v.w("axis_month_year", year=d.year, month=month)
                else:
                    label = month
                out.append(tag("line", x1=x, y1=y0, x2=x, y2=y1, stroke="#ddd"))
                out.append(tag("text", label, x=x + 3, y=y0 - 4, font_size=11, fill="#555"))
                first = False
            d = (d + timedelta(days=32)).replace(day=1)
        return out


def _svg(kind: str, width: float, height: float, title: str, body: list[Html]) -> Html:
    return tag(
        "svg",
        tag("title", title),
        *body,
        class_="chart",
        data_chart=kind,
        xmlns="http://www.w3.org/2000/svg",
        width=width,
        height=height,
        viewBox=f"0 0 {width} {height}",
        role="img",
        aria_label=title,
        font_family=FONT,
    )


def _colour(v: View, org: str) -> str:
    orgs = list(v.problem.orgs)
    i = orgs.index(org) if org in orgs else len(orgs)
    return PALETTE[i % len(PALETTE)]


def gantt(v: View, series_ids: list[str]) -> Html:
    """Rotation timeline: per series, its terms with their executive secretary, then each
    occurrence as a mark in its host's colour with the host's name."""
    width, left, row_h, top = 980, 180, 60, 30
    axis = _Axis(v.problem.start, v.problem.end, left, width - left - 20)
    height = top + row_h * max(len(series_ids), 1) + 10
    body = axis.ticks(v, top, height - 6)
    for i, sid in enumerate(series_ids):
        y = top + i * row_h
        name = v.series_name(sid)
        label = fit(name, left - 12, 13)
        body.append(
            tag("text", tag("title", name), label, x=6, y=y + 26, font_size=13, font_weight="bold")
        )
        body.append(tag("line", x1=0, y1=y + row_h, x2=width, y2=y + row_h, stroke="#eee"))
        for term in v.terms_of_series(sid):
            x0, x1 = axis.x(term.start), axis.x(term.end + timedelta(days=1))
            who = v.executive_name(term)
            tip = f"{term.term} {v.w('executive')}: {who} ({v.org_name(term.executive_org)})"
            label = fit(f"{term.term} {v.w('executive')} {who}", x1 - x0 - 8, 11)
            body.append(
                tag(
                    "g",
                    tag("title", tip),
                    tag(
                        "rect",
                        x=x0,
                        y=y + 4,
                        width=round(x1 - x0, 1),
                        height=20,
                        fill="#f7e9e9",
                        stroke="#c99",
                    ),
                    tag("text", label, x=x0 + 4, y=y + 18, font_size=11, fill="#7a1f1f"),
                    class_="term",
                )
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
                tag(
                    "g",
                    tag("title", tip),
                    tag("rect", x=x, y=y + 30, width=w, height=22, rx=2, fill=_colour(v, o.host)),
                    tag(
                        "text", fit(host, nxt - x - w - 8, 11), x=x + w + 3, y=y + 45, font_size=11
                    ),
                    class_="occurrence",
                )
            )
    return _svg("gantt", width, height, v.w("chart_gantt"), body)


def _weeks(v: View) -> list[date]:
    first = v.problem.start - timedelta(days=v.problem.start.weekday())
    out = []
    while first <= v.problem.end:
        out.append(first)
        first += timedelta(days=7)
    return out


def heatmap(v: View, centre: str) -> Html:
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
        bookings = v.room_bookings(key)
        for monday in weeks:
            days = [monday + timedelta(days=i) for i in range(7)]
            booked = [o for o in bookings if o.date in days]
            minutes = sum(
                (o.end.hour * 60 + o.end.minute) - (o.start.hour * 60 + o.start.minute)
                for o in booked
            )
            open_minutes = 0
            if room is not None:
                open_days = sum(1 for d in days if v.problem.index(d) in room.open_days)
                open_minutes = open_days * (room.closes - room.opens)
            share = minutes / open_minutes if open_minutes else None
            cells.append((key, monday, len(booked), share))

    def grey(text: str, x: float, y: float, size: int = 11) -> Html:
        return tag("text", text, x=x, y=y, font_size=size, fill="#555")

    body = [grey(v.w("week_of"), left, 14)]
    step = max(1, math.ceil(34 / cell))  # a label every few weeks when the cells are narrow
    for i, monday in enumerate(weeks):
        if i % step == 0:
            body.append(grey(f"{monday.month}/{monday.day}", left + i * cell + 2, top - 8, 10))
    for r, key in enumerate(rooms):
        label = fit(v.room_name(key), left - 12, 12)
        body.append(
            tag(
                "text",
                tag("title", v.room_label(key)),
                label,
                x=6,
                y=top + r * 30 + 19,
                font_size=12,
            )
        )
    for key, monday, count, share in cells:
        r, c = rooms.index(key), weeks.index(monday)
        x, y = round(left + c * cell, 1), top + r * 30
        if share is None:
            fill = "#e6e6e6"
            tip = f"{v.room_label(key)} {monday.isoformat()}: —"
        else:
            fill = _heat(share)
            tip = (
                f"{v.room_label(key)} {monday.isoformat()}: {count} {v.w('bookings')}, "
                f"{v.w('occupancy')} {share:.0%}"
            )
        parts = [
            tag("title", tip),
            tag("rect", x=x, y=y, width=round(cell - 2, 1), height=26, fill=fill, stroke="#ccc"),
        ]
        if count:
            colour = "#fff" if share is not None and math.sqrt(min(share, 1)) > 0.55 else "#222"
            parts.append(
                tag(
                    "text",
                    count,
                    x=round(x + cell / 2 - 1, 1),
                    y=y + 17,
                    font_size=11,
                    text_anchor="middle",
                    fill=colour,
                )
            )
        body.append(tag("g", *parts, class_="cell"))
    ly = top + 30 * max(len(rooms), 1) + 14
    body.append(grey(v.w("occupancy"), left, ly + 10))
    body.append(grey("0%", left + 60, ly + 10))
    for i, share in enumerate((0.0, 0.04, 0.16, 0.36, 0.64, 1.0)):
        body.append(
            tag(
                "rect",
                x=left + 84 + i * 16,
                y=ly,
                width=16,
                height=12,
                fill=_heat(share),
                stroke="#ccc",
            )
        )
    body.append(grey("100%", left + 84 + 6 * 16 + 4, ly + 10))
    return _svg("heatmap", width, height, v.w("chart_heatmap"), body)


def _heat(share: float) -> str:
    """White to party red by the square root of the share, so light use still shows."""
    level = math.sqrt(min(max(share, 0.0), 1.0))
    red, gb = round(255 - level * (255 - 166)), round(255 - level * (255 - 27))
    return f"#{red:02x}{gb:02x}{gb:02x}"


def fairness(v: View, orgs: list[str], series_ids: list[str], title: str) -> Html:
    """Hosting per organisation: this plan's turns, after the history's (lighter)."""
    left, row_h, top = 200, 22, 24
    plan_count = {
        o: sum(1 for x in v.plan.occurrences if x.host == o and x.series in series_ids)
        for o in orgs
    }
    known = [s for s in series_ids if s in v.problem.series]
    hist = {o: sum(v.problem.series[s].history_count.get(o, 0) for s in known) for o in orgs}
    peak = max([plan_count[o] + hist[o] for o in orgs], default=0) or 1
    width, bar_w = 700, 700 - left - 60
    height = top + row_h * max(len(orgs), 1) + 26
    body = []
    for i, o in enumerate(orgs):
        y = top + i * row_h
        name = v.org_name(o)
        h, p = hist[o], plan_count[o]
        hw, pw = round(h / peak * bar_w, 1), round(p / peak * bar_w, 1)
        parts = [
            tag("title", f"{name}: {v.w('this_plan')} {p}, {v.w('history')} {h}"),
            tag(
                "text",
                fit(name, left - 12, 12),
                x=left - 6,
                y=y + 15,
                font_size=12,
                text_anchor="end",
            ),
        ]
        if hw:  # the history, lighter, then this plan in the organisation's colour
            parts.append(tag("rect", x=left, y=y + 3, width=hw, height=16, fill="#e8b4b4"))
        if pw:
            parts.append(tag("rect", x=left + hw, y=y + 3, width=pw, height=16, fill=_colour(v, o)))
        count = f"{p} (+{h})" if h else str(p)
        parts.append(tag("text", count, x=left + hw + pw + 4, y=y + 15, font_size=11))
        body.append(tag("g", *parts, class_="bar"))
    ly = top + row_h * max(len(orgs), 1) + 8
    body.append(tag("rect", x=left, y=ly, width=12, height=12, fill="#e8b4b4"))
    body.append(tag("text", v.w("history"), x=left + 16, y=ly + 10, font_size=11))
    body.append(tag("rect", x=left + 110, y=ly, width=12, height=12, fill="#888"))
    body.append(tag("text", v.w("this_plan"), x=left + 126, y=ly + 10, font_size=11))
    return _svg("fairness", width, height, title, body)


def visit_timeline(v: View, visits: list[Visit]) -> Html:
    """Twinning visits over the horizon, one row per pair, marked by which side hosts."""
    rows: dict[tuple[str, tuple[str, ...]], list[Visit]] = {}
    for x in visits:
        # One helper visiting many: a row per helped side, else their marks would overlap.
        rows.setdefault((x.pair, x.helped if x.form == "one_to_many" else ()), []).append(x)
    width, left, row_h, top = 980, 180, 34, 30
    axis = _Axis(v.problem.start, v.problem.end, left, width - left - 20)
    height = top + row_h * max(len(rows), 1) + 30
    body = axis.ticks(v, top, height - 24)
    for i, ((_pair, helped), items) in enumerate(rows.items()):
        y = top + i * row_h
        name = items[0].pair_name + (f" · {v.orgs_names(helped)}" if helped else "")
        label = fit(name, left - 12, 12)
        body.append(tag("text", tag("title", name), label, x=6, y=y + 21, font_size=12))
        for x in items:
            cx = axis.x(x.date) + axis.day_px / 2
            tip = f"{x.date.isoformat()} {v.orgs_names(x.guests)} → {v.org_name(x.host)}"
            if x.host in x.helped:  # the helped side hosts: a blue dot
                mark = tag("circle", cx=round(cx, 1), cy=y + 16, r=7, fill="#2e86c1")
            else:  # a helper hosts: an orange diamond
                mark = tag(
                    "rect",
                    x=round(cx - 7, 1),
                    y=y + 9,
                    width=14,
                    height=14,
                    fill="#d68910",
                    transform=f"rotate(45 {round(cx, 1)} {y + 16})",
                )
            host = fit(v.org_name(x.host), 90, 10)
            body.append(
                tag(
                    "g",
                    tag("title", tip),
                    mark,
                    tag("text", host, x=round(cx + 10, 1), y=y + 20, font_size=10, fill="#444"),
                    class_="visit",
                )
            )
    ly = height - 16
    body.append(tag("circle", cx=left + 6, cy=ly + 4, r=6, fill="#2e86c1"))
    body.append(tag("text", v.w("legend_helped_hosts"), x=left + 16, y=ly + 8, font_size=11))
    body.append(tag("rect", x=left + 180, y=ly - 2, width=12, height=12, fill="#d68910"))
    body.append(tag("text", v.w("legend_helper_hosts"), x=left + 196, y=ly + 8, font_size=11))
    return _svg("visits", width, height, v.w("chart_visits"), body)


def bars(title: str, rows: list[tuple[str, float | None, str]]) -> Html:
    """One bar per row (a what-if comparison's scenarios): its name, a bar as long as its value
    against the largest, and the value as text ("—" where it has none). The first row, the
    base, is grey; the others party red; each on a light track, so a zero still shows a row."""
    left, row_h, top = 220, 22, 8
    width = 700
    bar_w = width - left - 90
    peak = max((v for _, v, _ in rows if v is not None and v > 0), default=0) or 1
    height = top + row_h * max(len(rows), 1) + 6
    body = []
    for i, (label, value, text) in enumerate(rows):
        y = top + i * row_h
        w = round(max(value or 0, 0) / peak * bar_w, 1)
        parts = [
            tag("title", f"{label}: {text}"),
            tag("text", fit(label, left - 12, 12), x=left - 6, y=y + 15, font_size=12,
                text_anchor="end"),
            tag("rect", x=left, y=y + 3, width=bar_w, height=16, fill="#f4f4f4"),
        ]  # fmt: skip
        if w:
            colour = "#9e9e9e" if i == 0 else "#a61b1b"
            parts.append(tag("rect", x=left, y=y + 3, width=w, height=16, fill=colour))
        parts.append(tag("text", text, x=left + w + 4, y=y + 15, font_size=11))
        body.append(tag("g", *parts, class_="bar"))
    return _svg("bars", width, height, title, body)
