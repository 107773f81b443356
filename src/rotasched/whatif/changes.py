"""Change records: what a what-if variant does to its base scenario, and applying them.

A change works on the scenario's *data* (the YAML with its tables read in), never on the
validated model, so the changed scenario is validated exactly as a file is: every rule, every
limit, every reference. Five kinds:

    Set(path, value)              a value at a field path: `twinning[id=twin-1].visits`,
                                  `twinning[*].visits` (every record), `weights.travel`
    Add(to, records | table)      records appended to a list (`organisations`,
                                  `centres[id=station].rooms`), inline or from a CSV/XLSX
    Remove(from_, ids)            records of a list, by id
    Close(centre, start, end, rooms, reason)   a closure of a centre or some of its rooms
    Reweight(weights)             soft-term weights, `{travel: 0}`

A path or id that names nothing is an error, never ignored. Errors name the change (its
position, kind and path) and, for a problem the changed scenario has, where it is.
A sweep builds these records in code and calls `apply_changes` for each point of its grid.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from ..scenario import Issue, Scenario, ScenarioError
from ..scenario.checks import Loc
from ..scenario.fields import Frozen, ListCell
from ..scenario.load import (
    Locate,
    Raw,
    declared_locale,
    expand_tables,
    locate_in,
    validate_raw,
)
from ..scenario.tables import Origin, TableError, as_table_ref, read_table
from ..words import say
from .paths import Refused, Step, as_text, lists, steps_of, walk


class Set(Frozen):
    """Set the value at a field path (every record a `[*]` selects)."""

    kind: Literal["set"] = "set"
    path: str
    value: Any
    at: str = ""  # where the change was written ("changes[2]"); "" = its position in the list

    @property
    def target(self) -> str:
        return self.path


class Add(Frozen):
    """Append records to a list: given inline, or the rows of a table (relative to the file)."""

    kind: Literal["add"] = "add"
    to: str
    records: list[dict[str, Any]] = Field(default_factory=list)
    table: str | dict[str, Any] | None = None  # "new.csv" or {file: x.xlsx, sheet: s}
    at: str = ""

    @model_validator(mode="after")
    def _one_source(self) -> Add:
        if bool(self.records) == (self.table is not None):
            raise PydanticCustomError("variant_add_what", "records or a table", {})
        return self

    @property
    def target(self) -> str:
        if self.table is None:
            return self.to
        file = self.table if isinstance(self.table, str) else self.table.get("file", "")
        return f"{self.to} ← {file}"


class Remove(Frozen):
    """Remove records of a list by id."""

    model_config = Frozen.model_config | {"populate_by_name": True}

    kind: Literal["remove"] = "remove"
    from_: str = Field(alias="from")
    ids: Annotated[list[str], ListCell] = Field(min_length=1)
    at: str = ""

    @property
    def target(self) -> str:
        return self.from_


class Close(Frozen):
    """Close a centre, or some of its rooms, from `start` to `end` (one day if no end)."""

    kind: Literal["close"] = "close"
    centre: str
    start: date
    end: date | None = None
    rooms: Annotated[list[str], ListCell] = Field(default_factory=list)
    reason: str = ""
    at: str = ""

    @property
    def target(self) -> str:
        return self.centre + (f"[{','.join(self.rooms)}]" if self.rooms else "")


class Reweight(Frozen):
    """Change soft-term weights (terms of the rulebook: `rotasched.rules.SOFT`)."""

    kind: Literal["weights"] = "weights"
    weights: dict[str, Any]
    at: str = ""

    @property
    def target(self) -> str:
        return ",".join(self.weights)


Change = Set | Add | Remove | Close | Reweight
KINDS: dict[str, type[Change]] = {
    "set": Set, "add": Add, "remove": Remove, "close": Close, "weights": Reweight,
}  # fmt: skip


def describe(change: Change) -> str:
    """One line saying what a change does, as written in a variant file."""
    if isinstance(change, Set):
        return f"set {change.path}: {_short(change.value)}"
    if isinstance(change, Add):
        source = change.table if change.table is not None else f"{len(change.records)}"
        return f"add {change.to}: {_short(source)}"
    if isinstance(change, Remove):
        return f"remove {change.from_}: {', '.join(change.ids)}"
    if isinstance(change, Close):
        end = change.end or change.start
        reason = f" ({change.reason})" if change.reason else ""
        return f"close {change.target}: {change.start.isoformat()}..{end.isoformat()}{reason}"
    return "weights: " + ", ".join(f"{k}={v}" for k, v in change.weights.items())


def _short(value: Any) -> str:
    text = value if isinstance(value, str) else repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


@dataclass
class _Applied:
    """What applying changes did, to say where a problem of the changed scenario comes from:
    each change's label and the values it wrote (a (mapping or list, key) or a record), the
    ids it removed, and where records read from tables came from (base and added)."""

    labels: list[str] = field(default_factory=list)
    wrote: list[list[tuple[Any, Any]]] = field(default_factory=list)
    removed: list[set[str]] = field(default_factory=list)
    rows: dict[int, tuple[Any, Origin]] = field(default_factory=dict)  # id(record) -> origin


def _apply(
    data: dict[str, Any], change: Change, folder: Path, done: _Applied, wrote: list[Any]
) -> set[str]:
    """Apply one change to the data; the ids it removed."""
    if isinstance(change, Set | Reweight):
        pairs = [(change.path, change.value)] if isinstance(change, Set) else [
            (f"weights.{k}", v) for k, v in change.weights.items()
        ]  # fmt: skip
        for path, value in pairs:
            for node, key, _ in walk(data, Scenario, steps_of(path), path):
                node[key] = copy.deepcopy(value)
                wrote.append((node[key], None) if isinstance(node, list) else (node, key))
        return set()
    if isinstance(change, Add):
        records = [(r, None) for r in change.records] if change.table is None else \
            _table_rows(change.table, folder)  # fmt: skip
        for items in lists(data, change.to):
            for record, origin in records:
                record = copy.deepcopy(record)
                items.append(record)
                wrote.append((record, None))
                if origin is not None:
                    done.rows[id(record)] = (record, origin)
        return set()
    if isinstance(change, Remove):
        found = lists(data, change.from_)
        missing = [i for i in change.ids if not any(
            isinstance(r, dict) and as_text(r.get("id", "")) == i for items in found for r in items
        )]  # fmt: skip
        if missing:
            raise Refused("variant_unknown_id", path=change.from_, by="id",
                          value=", ".join(missing))  # fmt: skip
        gone = set(change.ids)
        for items in found:
            items[:] = [r for r in items if not (isinstance(r, dict) and
                                                 as_text(r.get("id", "")) in gone)]  # fmt: skip
        _forget(data, change.from_.strip(), gone)
        return gone
    centre = Step("centres", ("id", change.centre))
    (closures,) = lists(data, f"{_join(centre)}.closures")
    closure: dict[str, Any] = {"start": change.start, "end": change.end or change.start}
    if change.rooms:
        closure["rooms"] = list(change.rooms)
    if change.reason:
        closure["reason"] = change.reason
    closures.append(closure)
    wrote.append((closure, None))
    return set()


# Records that only state facts about a thing (who hosted it before, how far it is) go with
# it, as the ledger leaves out history the scenario no longer has: they have no id to remove
# them by. What was planned with it (a series' participants, a pair, a pin) stays, and the
# changed scenario's validation names it.
_FACTS = {
    "organisations": (("history", "hosts", "host"), ("history", "visits", "host"),
                      ("travel", None, "from"), ("travel", None, "to")),
    "series": (("history", "hosts", "series"),),
    "twinning": (("history", "visits", "pair"),),
    "centres": (("travel", None, "to"),),
}  # fmt: skip


def _forget(data: dict[str, Any], what: str, gone: set[str]) -> None:
    for top, sub, key in _FACTS.get(what, ()):
        node = data.get(top)
        records = node.get(sub) if isinstance(node, dict) and sub else node
        if isinstance(records, list):
            records[:] = [r for r in records
                          if not (isinstance(r, dict) and as_text(r.get(key, "")) in gone)]


def _join(step: Step) -> str:
    assert step.select is not None
    return f"{step.name}[{step.select[0]}={step.select[1]}]"


def _table_rows(table: str | dict[str, Any], folder: Path) -> list[tuple[Any, Origin | None]]:
    ref = as_table_ref(table, folder)
    if ref is None:  # not a file name ending in .csv/.xlsx, nor {file, sheet}
        raise Refused("table_kind", file=str(table))
    try:
        rows = read_table(ref)
    except TableError as exc:
        raise Refused(exc.code, file=str(ref.file), **exc.params) from None
    except OSError as exc:
        raise Refused("table_unreadable", file=str(ref.file), reason=str(exc)) from None
    return [(record, Origin(str(ref.file), row)) for row, record in rows]


# ---- the changed scenario ----------------------------------------------------------------

Base = Scenario | Raw | dict[str, Any]


def apply_changes(
    base: Base,
    changes: Sequence[Change],
    source: str = "changes",
    folder: Path | None = None,
    name: str | None = None,
    lang: str | None = None,
) -> Scenario:
    """The base scenario with `changes` applied, validated as a scenario file is.

    `base` is a valid scenario, or its data as read (`scenario.load.read_raw`, or a plain
    dict); it is never modified. `source` names the changes in messages and becomes the
    scenario's source (a variant file, a sweep); tables the changes name are read relative to
    `folder`. With a `name`, the scenario is called after it too (its outputs say which
    variant they show); its `meta.id` stays the base's, so calendar UIDs stay comparable.
    A change that cannot be applied, or a problem the changed scenario has, is raised as a
    ScenarioError in the scenario's language (or `lang`), naming `source` and the change.
    """
    raw = _raw_of(base)
    lang = lang or raw.lang
    folder = Path(folder) if folder is not None else Path(raw.shown).parent
    data = copy.deepcopy(raw.data)
    done = _Applied()
    for loc, origin in raw.origins.items():  # the base's table rows, followed by identity
        node = _at(data, loc)
        if node is not None:
            done.rows[id(node)] = (node, origin)
    meta: dict[str, Any] = data["meta"] if isinstance(data.get("meta"), dict) else {}
    base_id = meta.get("id")
    if name and meta:
        meta["name"] = say(lang, "whatif.scenario_name", base=meta.get("name", ""), variant=name)
    problems = []
    for i, change in enumerate(changes):
        label = f"{change.at or f'changes[{i}]'} {change.kind} {change.target}"
        wrote: list[Any] = []
        try:
            removed = _apply(data, change, folder, done, wrote)
        except Refused as exc:
            problems.append(Issue(source, label, exc.code, exc.params))
            removed = set()
        done.labels.append(label)
        done.wrote.append(wrote)
        done.removed.append(removed)
    new_meta = data.get("meta")
    if isinstance(new_meta, dict) and new_meta.get("id") != base_id:
        problems.append(Issue(source, _meta_label(changes, done), "variant_meta_id",
                              {"id": base_id or ""}))  # fmt: skip
    if problems:
        raise ScenarioError(problems, lang)
    # A table a change names in place of a list (set `organisations: other.csv`) is read as a
    # scenario file's would be.
    origins: dict[Loc, Origin] = {}
    unread: list[Loc] = []
    expand_tables(data, folder, origins, problems, unread)
    return validate_raw(data, lang, _locator(data, source, done, origins), source, problems,
                        unread)  # fmt: skip


def _raw_of(base: Base) -> Raw:
    if isinstance(base, Raw):
        return base
    if isinstance(base, Scenario):
        data = base.model_dump(mode="json", by_alias=True)
        return Raw(data, base.source, base.meta.locale)
    return Raw(base, "scenario", declared_locale(base))


def _at(data: Any, loc: Loc) -> Any:
    node = data
    for part in loc:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return None
    return node


def _meta_label(changes: Sequence[Change], done: _Applied) -> str:
    touching = [i for i, c in enumerate(changes) if isinstance(c, Set) and
                c.path.strip().startswith("meta")]  # fmt: skip
    return done.labels[touching[-1]] if touching else "meta.id"


def _nodes(node: Any, loc: Loc) -> Iterator[tuple[Any, Loc]]:
    yield node, loc
    items = node.items() if isinstance(node, dict) else enumerate(node)
    for key, value in items:
        if isinstance(value, dict | list):
            yield from _nodes(value, (*loc, key))


def _locator(
    data: dict[str, Any], source: str, done: _Applied, table_origins: dict[Loc, Origin]
) -> Locate:
    """Where a problem of the changed scenario is: the change that wrote the value (its
    label), then the place in the scenario (a field path, or a table's row and column)."""
    loc_of = {id(node): loc for node, loc in _nodes(data, ())}
    origins = dict(table_origins)
    origins.update((loc_of[key], origin) for key, (_, origin) in done.rows.items()
                   if key in loc_of)  # fmt: skip
    touched = [
        (i, loc_of[id(node)] + (() if key is None else (key,)))
        for i, wrote in enumerate(done.wrote)
        for node, key in wrote
        if id(node) in loc_of
    ]

    def locate(loc: Loc, code: str, params: dict[str, Any]) -> Issue:
        where = locate_in(loc, code, params, "", origins)
        text = f"{where.file} {where.path}".strip()
        hits = [i for i, t in touched if loc[: len(t)] == t]
        if not hits and code == "unknown_ref":  # a reference to what a change removed
            hits = [i for i, ids in enumerate(done.removed) if str(params.get("id")) in ids]
        if not hits:
            return Issue(source, text, code, params)
        label = done.labels[max(hits)]
        return Issue(source, f"{label} → {text}" if text else label, code, params)

    return locate
