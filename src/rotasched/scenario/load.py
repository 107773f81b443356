"""Read a scenario file (YAML plus the tables it names), validate it, report every problem."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from .checks import Loc, cross_check, warnings
from .errors import Issue, ScenarioError
from .model import Scenario
from .tables import TABLE_FIELDS, Origin, TableError, as_table_ref, read_table


@dataclass
class Raw:
    """A scenario file as read, before validation: its data with every table it names read in,
    where each table's records came from, and the problems reading met (an unreadable table).
    A what-if variant changes `data` (a copy) and validates the result as a file would be."""

    data: dict[str, Any]
    shown: str  # the file, as the user named it
    lang: str
    origins: dict[Loc, Origin] = field(default_factory=dict)
    problems: list[Issue] = field(default_factory=list)
    unread: list[Loc] = field(default_factory=list)  # fields whose table could not be read


# Where a problem found at a location of the data is, for the reader: (loc, code, params) in,
# an Issue naming a file and a field path or table cell out.
Locate = Callable[[Loc, str, dict[str, Any]], Issue]


def load_scenario(path: str | Path, locale: str | None = None) -> Scenario:
    """The validated scenario, or ScenarioError listing every problem (in zh or en)."""
    raw = read_raw(path, locale)
    return validate_raw(raw.data, raw.lang, located(raw.shown, raw.origins), raw.shown,
                        raw.problems, raw.unread)  # fmt: skip


def read_raw(path: str | Path, locale: str | None = None) -> Raw:
    """The file's data with its tables read in; ScenarioError if the YAML cannot be read."""
    path = Path(path)
    shown = str(path)
    data = read_yaml(path, shown, locale or "zh")  # before meta.locale is known: zh, its default
    raw = Raw(data, shown, locale or declared_locale(data))
    expand_tables(raw.data, path.parent, raw.origins, raw.problems, raw.unread)
    return raw


def expand_tables(
    data: dict[str, Any],
    folder: Path,
    origins: dict[Loc, Origin],
    problems: list[Issue],
    unread: list[Loc],
) -> None:
    """Replace every table reference (a file name where a list may be) by the table's records,
    read relative to `folder`."""
    for name in TABLE_FIELDS:
        _expand_tables(data, name, (), folder, origins, problems, unread)


def validate_raw(
    data: dict[str, Any],
    lang: str,
    locate: Locate,
    source: str,
    problems: Sequence[Issue] = (),
    unread: Sequence[Loc] = (),
) -> Scenario:
    """The scenario `data` holds, validated; every problem, located by `locate`, raised at
    once. `problems` were met reading it; `unread` fields (tables that could not be read)
    report nothing more. `source` is the file later stages name."""
    problems = list(problems)
    # Report every problem at once: a table that cannot be read does not hide the errors of
    # the rest of the file (only those of the unread field itself, which would be noise).
    try:
        scenario = Scenario.model_validate(data)
    except ValidationError as exc:
        found = [
            from_pydantic(err, locate)
            for err in exc.errors()
            if not any(_loc(err)[: len(u)] == u for u in unread)
        ]
        raise ScenarioError(problems + found, lang) from None
    except RecursionError:
        issue = locate((), "yaml_syntax", {"reason": "recursive alias"})
        raise ScenarioError([*problems, issue], lang) from None
    if problems:
        raise ScenarioError(problems, lang)
    semantic = [locate(loc, code, params) for loc, code, params in cross_check(scenario)]
    if semantic:
        raise ScenarioError(semantic, lang)
    scenario._source = source
    said = warnings(scenario)
    scenario._warnings = tuple(locate(loc, code, params) for loc, code, params in said)
    return scenario


def located(shown: str, origins: dict[Loc, Origin]) -> Locate:
    """Locations in a file `shown` whose tables' records came from `origins`."""
    return lambda loc, code, params: locate_in(loc, code, params, shown, origins)


def read_yaml(path: Path, shown: str, locale: str) -> dict[str, Any]:
    if not path.is_file():
        raise ScenarioError([Issue(shown, "", "file_missing")], locale)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        issue = Issue(shown, "", "file_unreadable", {"reason": str(exc)})
        raise ScenarioError([issue], locale) from None
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1} column {mark.column + 1}" if mark else ""
        reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        issue = Issue(shown, where, "yaml_syntax", {"reason": reason})
        raise ScenarioError([issue], locale) from None
    except Exception as exc:
        # PyYAML's own constructors raise whatever they hit: ValueError for a timestamp
        # 2026-13-45, AttributeError for an empty `!!timestamp`, RecursionError, ...
        issue = Issue(shown, "", "yaml_syntax", {"reason": str(exc)})
        raise ScenarioError([issue], locale) from None
    if not isinstance(raw, dict):
        raise ScenarioError([Issue(shown, "", "not_a_mapping")], locale)
    return raw


def declared_locale(raw: dict[str, Any]) -> str:
    meta = raw.get("meta")
    locale = meta.get("locale") if isinstance(meta, dict) else None
    return locale if locale in ("zh", "en") else "zh"


def _expand_tables(
    node: Any,
    field: tuple[str, ...],
    at: Loc,
    base: Path,
    origins: dict[Loc, Origin],
    problems: list[Issue],
    unread: list[Loc],
) -> None:
    """Replace a table reference at `field` (below `node`) by the table's records."""
    if not field:
        return
    head, rest = field[0], field[1:]
    if head == "*":
        if isinstance(node, list):
            for i, item in enumerate(node):
                _expand_tables(item, rest, (*at, i), base, origins, problems, unread)
        return
    if not isinstance(node, dict) or head not in node:
        return
    if rest:
        _expand_tables(node[head], rest, (*at, head), base, origins, problems, unread)
        return
    ref = as_table_ref(node[head], base)
    if ref is None:
        return
    shown = str(ref.file)
    try:
        rows = read_table(ref)
    except TableError as exc:
        problems.append(Issue(shown, "", exc.code, exc.params))
        unread.append((*at, head))
        return
    except OSError as exc:
        problems.append(Issue(shown, "", "table_unreadable", {"reason": str(exc)}))
        unread.append((*at, head))
        return
    node[head] = [record for _, record in rows]
    for i, (row, _) in enumerate(rows):
        origins[(*at, head, i)] = Origin(shown, row)


def path_text(loc: Loc) -> str:
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += ("." if text else "") + str(part)
    return text


def locate_in(
    loc: Loc, code: str, params: dict[str, Any], shown: str, origins: dict[Loc, Origin]
) -> Issue:
    for cut in range(len(loc), 0, -1):
        origin = origins.get(loc[:cut])
        if origin is not None:
            column = ".".join(str(p) for p in loc[cut:] if not isinstance(p, int))
            where = f"row {origin.row}" + (f" column {column}" if column else "")
            return Issue(origin.file, where, code, params)
    return Issue(shown, path_text(loc), code, params)


def _loc(err: Any) -> Loc:
    """Pydantic's error location without the validator names it inserts."""
    return tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-")))


def from_pydantic(err: Any, locate: Locate) -> Issue:
    params = dict(err.get("ctx") or {})
    params.setdefault("input", _short(err.get("input")))
    if isinstance(params.get("input"), str | int | float | bool | type(None)):
        params["input"] = _short(params["input"])
    issue = locate(_loc(err), err["type"], params)
    return Issue(issue.file, issue.path, issue.code, issue.params, err.get("msg", ""))


def _short(value: Any) -> Any:
    if isinstance(value, dict | list):
        text = repr(value)
        return text if len(text) <= 60 else text[:57] + "..."
    if isinstance(value, str) and len(value) > 60:
        return value[:57] + "..."
    return value
