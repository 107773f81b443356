"""site/: static pages, checked as files and then opened from disk in headless Chromium.

Chromium is Debian's (/usr/bin/chromium, with fonts-noto-cjk for the Chinese), driven by
playwright-core from tests/js. Screenshots of the index and a centre page go to test-output/.
"""

from __future__ import annotations

import dataclasses
import re
import shutil
from datetime import timedelta
from html import escape
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest

from rotasched.export import export_plan
from rotasched.export.charts import tag
from rotasched.export.site import TEMPLATES
from rotasched.problem import Problem
from rotasched.rules import SOFT

from .test_export_helpers import (
    HTML_NAME,
    TEST_OUTPUT,
    export_to,
    hostile_plan,
    hostile_problem,
    node_ready,
    run_node,
    tiny_plan,
    tiny_problem,
)

CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="module")
def plain(tmp_path_factory: pytest.TempPathFactory) -> Path:
    p = tiny_problem()
    return export_to(tmp_path_factory.mktemp("plain") / "out", tiny_plan(p), p)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    p = hostile_problem()
    plan = dataclasses.replace(hostile_plan(p), provisional_calendar=True)
    return export_to(tmp_path_factory.mktemp("hostile") / "out", plan, p, "en")


@pytest.fixture(scope="module")
def infeasible(tmp_path_factory: pytest.TempPathFactory) -> Path:
    p = tiny_problem()
    plan = tiny_plan(
        p,
        status="infeasible",
        objective=None,
        bound=None,
        gap=None,
        occurrences=(),
        terms=(),
        visits=(),
        terms_value={},
        explanation=("会议室A 5 月 18–20 日检修，无法安排主题党日。",),
    )
    return export_to(tmp_path_factory.mktemp("infeasible") / "out", plan, p)


@pytest.fixture(scope="module")
def replanned(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The plain plan as a re-plan of a version with another host, another day, no visit."""
    p = tiny_problem()
    new = tiny_plan(p)
    first, second, *rest = new.occurrences
    old = dataclasses.replace(
        new,
        occurrences=(
            dataclasses.replace(first, host="hy"),
            dataclasses.replace(second, date=second.date - timedelta(days=1)),
            *rest,
        ),
        visits=(),
    )
    return export_plan(new, p, tmp_path_factory.mktemp("replanned") / "out", previous=old)


# The five characters HTML gives a meaning to, appended to every name a page can show.
MARK = "<b>&\"'"


def marked_problem() -> Problem:
    """Tiny, with MARK after the plan's name and every organisation, secretary, group, centre,
    room, series and pair name."""
    p = tiny_problem()
    groups = [g.model_copy(update={"name": g.name + MARK}) for g in p.scenario.groups]

    def marked(items: dict[str, Any]) -> dict[str, Any]:
        return {k: dataclasses.replace(x, name=x.name + MARK) for k, x in items.items()}

    return dataclasses.replace(
        p,
        name=p.name + MARK,
        orgs=marked(p.orgs),
        persons=marked(p.persons),
        rooms=marked(p.rooms),
        series=marked(p.series),
        links=marked(p.links),
        centres={k: name + MARK for k, name in p.centres.items()},
        scenario=p.scenario.model_copy(update={"groups": groups}),
    )


@pytest.fixture(scope="module")
def marked(tmp_path_factory: pytest.TempPathFactory) -> Path:
    p = marked_problem()
    return export_to(tmp_path_factory.mktemp("marked") / "out", tiny_plan(p), p)


class Page(HTMLParser):
    """Tags, attributes and text of one page."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.feed(path.read_text(encoding="utf-8"))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def hrefs(self) -> list[str]:
        return [a["href"] for t, a in self.tags if t == "a" and a.get("href")]  # type: ignore[misc]

    def charts(self) -> list[str]:
        return [a["data-chart"] or "" for t, a in self.tags if t == "svg" and "data-chart" in a]


def pages(out: Path) -> list[Path]:
    return sorted((out / "site").glob("*.html"))


def test_a_page_for_index_group_centre_and_every_org(plain: Path) -> None:
    names = {p.name for p in pages(plain)}
    p = tiny_problem()
    assert names == {"index.html", "group-park.html", "centre-station.html"} | {
        f"org-{o}.html" for o in p.orgs
    }


@pytest.mark.parametrize("which", ["plain", "hostile", "infeasible", "replanned"])
def test_pages_are_self_contained(which: str, request: pytest.FixtureRequest) -> None:
    out: Path = request.getfixturevalue(which)
    for path in pages(out):
        page = Page(path)
        tags = [t for t, _ in page.tags]
        assert "script" not in tags and "link" not in tags and "img" not in tags, path
        for _tag, attrs in page.tags:
            for name, value in attrs.items():
                if name in ("href", "src", "action") and value is not None:
                    assert "//" not in value and ":" not in value.split("/")[0], (path, value)
        html = path.read_text(encoding="utf-8")
        assert "Content-Security-Policy" in html and "default-src 'none'" in html
        assert "<style>" in html


@pytest.mark.parametrize("which", ["plain", "hostile", "replanned"])
def test_every_page_links_calendars_that_exist(which: str, request: pytest.FixtureRequest) -> None:
    out: Path = request.getfixturevalue(which)
    for path in pages(out):
        links = [h for h in Page(path).hrefs() if h.endswith(".ics")]
        assert links, f"{path.name} links no calendar"
        for href in links:
            assert href.startswith("../ics/")
            assert (path.parent / unquote(href)).resolve().is_file(), (path.name, href)
        for href in Page(path).hrefs():
            if not href.endswith(".ics"):
                assert (path.parent / unquote(href)).resolve().exists(), (path.name, href)


def test_index_summarises_the_plan(plain: Path, hostile: Path) -> None:
    text = "".join(Page(plain / "site" / "index.html").text)
    for words in ("最优", "目标值", "42", "下界", "差距", "0.00%"):
        assert words in text
    for key, term in SOFT.items():
        assert key in text and term.en in text and term.zh in text
    assert "临时日历" not in text
    english = "".join(Page(hostile / "site" / "index.html").text)
    assert "PROVISIONAL" in english and "optimal" in english


def test_charts_on_the_pages(plain: Path) -> None:
    site = plain / "site"
    assert Page(site / "index.html").charts() == ["gantt", "fairness", "visits"]
    assert Page(site / "centre-station.html").charts() == ["heatmap"]
    assert Page(site / "group-park.html").charts() == ["gantt", "fairness", "fairness"]
    assert "visits" in Page(site / "org-xc.html").charts()
    group = "".join(Page(site / "group-park.html").text)
    assert "执行书记 王建国" in group and "执行书记 陈静" in group  # per term, in the Gantt


def test_names_are_escaped(hostile: Path) -> None:
    html = (hostile / "site" / "org-ml.html").read_text(encoding="utf-8")
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;明朗" in html
    assert HTML_NAME in "".join(Page(hostile / "site" / "org-ml.html").text)


def test_every_name_is_escaped_on_every_page(marked: Path) -> None:
    p = marked_problem()
    names = [p.name] + [o.name for o in p.orgs.values()]
    site = marked / "site"
    for path in pages(marked):
        html = path.read_text(encoding="utf-8")
        page = Page(path)
        assert "b" not in [t for t, _ in page.tags], path.name  # MARK stayed text
        assert "<b>" not in html, path.name
        # Escaped as html.escape does it, as the site always wrote: &quot; and &#x27;.
        assert escape(p.name) in html and "&#34;" not in html and "&#39;" not in html, path.name
        assert p.name in "".join(page.text), path.name  # and a browser shows the name as given
    index = "".join(Page(site / "index.html").text)
    assert all(name in index for name in names)
    for oid, org in p.orgs.items():
        page = Page(site / f"org-{oid}.html")
        assert org.name in "".join(page.text)
        assert p.persons[org.person].name in "".join(page.text)
    # In attributes too: a chart's aria-label holds the series name.
    group = Page(site / "group-park.html")
    labels = [a.get("aria-label") for t, a in group.tags if t == "svg"]
    assert f"承办次数（公平性） · {p.series['theme-day'].name}" in labels


def test_templates_cannot_write_a_name_unescaped() -> None:
    """Autoescape is on and no template turns it off or marks a value safe."""
    assert TEMPLATES.autoescape is True and TEMPLATES.loader is not None
    names = TEMPLATES.list_templates()
    assert {"base.html.j2", "index.html.j2", "group.html.j2", "centre.html.j2"} <= set(names)
    for name in names:
        text = TEMPLATES.loader.get_source(TEMPLATES, name)[0]
        assert not re.search(r"\|\s*safe\b|autoescape\s+false|\bMarkup\b", text), name
    # Whatever a template writes, text or attribute, is escaped.
    page = TEMPLATES.from_string('<a title="{{ x }}">{{ x }}</a>').render(x="明朗" + MARK)
    assert page == '<a title="明朗&lt;b&gt;&amp;&quot;&#x27;">明朗&lt;b&gt;&amp;&quot;&#x27;</a>'


def test_chart_markup_escapes_text_and_attributes() -> None:
    title = tag("title", "明朗" + MARK)
    label = tag("text", title, "明朗" + MARK, x=6, font_size=12, data_name="明朗" + MARK)
    assert label == (
        '<text x="6" font-size="12" data-name="明朗&lt;b&gt;&amp;&quot;&#x27;">'
        "<title>明朗&lt;b&gt;&amp;&quot;&#x27;</title>明朗&lt;b&gt;&amp;&quot;&#x27;</text>"
    )
    assert tag("rect", x=1.5, fill="#fff") == '<rect x="1.5" fill="#fff"/>'


def test_infeasible_plan_gets_an_index_that_says_why(infeasible: Path) -> None:
    assert not (infeasible / "ics").exists() and not (infeasible / "tables").exists()
    text = "".join(Page(infeasible / "site" / "index.html").text)
    assert "无可行方案" in text and "检修" in text
    assert not any(h.endswith(".ics") for h in Page(infeasible / "site" / "index.html").hrefs())


# ---- headless Chromium ----------------------------------------------------------------------


def chromium_ready() -> None:
    if not Path(CHROMIUM).exists() and shutil.which("chromium") is None:
        pytest.skip("chromium not installed (Debian: chromium fonts-noto-cjk)")
    node_ready()


def test_pages_load_in_chromium_without_errors_or_network(
    plain: Path, hostile: Path, replanned: Path
) -> None:
    chromium_ready()
    TEST_OUTPUT.mkdir(exist_ok=True)
    index, centre = plain / "site" / "index.html", plain / "site" / "centre-station.html"
    changes = replanned / "site" / "changes.html"
    shots = {
        str(index): str(TEST_OUTPUT / "site-index.png"),
        str(centre): str(TEST_OUTPUT / "site-centre.png"),
        str(hostile / "site" / "org-ml.html"): str(TEST_OUTPUT / "site-hostile-org.png"),
        str(changes): str(TEST_OUTPUT / "site-changes.png"),
    }
    for shot in shots.values():
        Path(shot).unlink(missing_ok=True)
    replan_pages = [replanned / "site" / "index.html", changes]
    all_pages = [str(p) for p in pages(plain) + pages(hostile) + replan_pages]
    report = run_node("site_check.mjs", _job(all_pages, shots))
    assert isinstance(report, list) and len(report) == len(all_pages)
    for page in report:
        where = page["path"]
        assert page["ok"] is True, where
        assert page["console"] == [] and page["pageErrors"] == [], (where, page)
        assert page["failed"] == [], where
        assert page["requests"] == [Path(where).as_uri()], where  # itself, nothing else
        assert page["scripts"] == 0
        for chart in page["charts"]:
            assert chart["texts"] > 0 and chart["shapes"] > 0 and chart["width"] > 100
    mark = {"hostile": "!", "replanned": "+"}

    def name(path: str) -> str:
        return Path(path).name + next((m for k, m in mark.items() if k in path), "")

    got = {name(p["path"]): p for p in report}
    assert [c["kind"] for c in got["index.html"]["charts"]] == ["gantt", "fairness", "visits"]
    assert [c["kind"] for c in got["centre-station.html"]["charts"]] == ["heatmap"]
    assert got["index.html"]["lang"] == "zh-CN" and got["index.html!"]["lang"] == "en"
    assert got["org-ml.html!"]["h1"] == HTML_NAME  # shown as text, never run
    assert "园区党建工作站" in got["centre-station.html"]["bodyText"]
    shown = got["changes.html+"]["bodyText"]
    assert got["changes.html+"]["h1"] == "调整一览"
    assert "更换承办方" in shown and "改期" in shown and "新增" in shown and " → " in shown
    assert got["changes.html+"]["icsLinks"] == ["../ics/all.ics"]
    assert "共调整 3 项" in got["index.html+"]["bodyText"]
    for shot in shots.values():
        assert Path(shot).stat().st_size > 10_000, shot


def _job(paths: list[str], shots: dict[str, str]) -> str:
    import json

    return json.dumps({"pages": paths, "screenshots": shots, "chromium": CHROMIUM})
