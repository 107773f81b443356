"""Field paths: where in a scenario's data a change writes, checked against the scenario model.

A path is the scenario's field names joined by `.`; a list of records takes a selector:
`[*]` every record, `[field=value]` those whose field has that value (`twinning[id=twin-1]`).
The path is walked through the data and the model together, so a misspelt field is refused
even where the data leaves the field out (taking its default).
"""

from __future__ import annotations

import re
import typing
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import BaseModel

from ..scenario import Scenario

# A path is dotted names, each with an optional selector: `[*]` every record of a list,
# `[key=value]` the records whose field `key` is `value` (`[id=twin-1]`).
_STEP = re.compile(r"(?P<name>[A-Za-z_][A-Za-z0-9_]*|[0-9]+)(?:\[(?P<sel>[^\[\]]*)\])?")


@dataclass(frozen=True)
class Step:
    name: str
    select: tuple[str, str] | None  # None: no selector; ("*", "") every record; (key, value)


def parse_path(path: str) -> list[Step] | None:
    """The steps of a field path, None if it is not one."""
    steps, rest = [], path.strip()
    while rest:
        match = _STEP.match(rest)
        if match is None:
            return None
        sel = match.group("sel")
        select = None
        if sel is not None:
            key, eq, value = sel.partition("=")
            if sel.strip() == "*":
                select = ("*", "")
            elif eq and key.strip():
                select = (key.strip(), value.strip())
            else:
                return None
        steps.append(Step(match.group("name"), select))
        rest = rest[match.end():]
        if rest.startswith(".") and len(rest) > 1:
            rest = rest[1:]
        elif rest:
            return None
    return steps or None


Shape = Literal["record", "records", "mapping", "value"]


def _shape(annotation: Any) -> tuple[Shape, type[BaseModel] | None]:
    """What a field holds: one record (a model), a list of records, a mapping of records (by
    year), or a plain value (text, number, date, a list of ids)."""
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is Annotated:
        return _shape(args[0])
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return "record", annotation
    if origin in (list, tuple) and args:
        inner, model = _shape(args[0])
        return ("records", model) if inner == "record" else ("value", None)
    if origin is dict and len(args) == 2:
        inner, model = _shape(args[1])
        return ("mapping", model) if inner == "record" else ("value", None)
    if args:  # a union: X | None
        shapes = [_shape(a) for a in args if a is not type(None)]
        return next((s for s in shapes if s[0] != "value"), ("value", None))
    return "value", None


def _field(model: type[BaseModel], name: str) -> tuple[str, Any] | None:
    """The data key and annotation of a model's field named `name` (its alias, if it has one)."""
    for key, info in model.model_fields.items():
        if (info.alias or key) == name:
            return info.alias or key, info.annotation
    return None


class Refused(Exception):
    """A change that cannot be applied: said as an Issue of the change."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code, self.params = code, params


# A place a path names: (mapping and key, or list and index, holding the value) and what the
# scenario model says goes there.
Place = tuple[Any, Any, Shape]


def walk(
    node: dict[str, Any], model: type[BaseModel], steps: list[Step], path: str
) -> list[Place]:
    """The places a path names below `node`, walking the scenario model alongside, so that
    an unknown field is refused even where the data leaves it out (taking its default).
    Records on the way that the data leaves out are created: `visiting.peak` with no
    `visiting:` written."""
    step, rest = steps[0], steps[1:]
    found = _field(model, step.name)
    if found is None:
        raise Refused("variant_unknown_field", field=step.name, path=path)
    key, annotation = found
    shape, sub = _shape(annotation)
    if step.select is not None:
        if shape != "records" or sub is None:
            raise Refused("variant_not_a_list", field=step.name, path=path)
        items = node.get(key)
        chosen = _select(items if isinstance(items, list) else [], step, path)
        assert isinstance(items, list)
        if not rest:
            return [(items, j, "record") for j in chosen]
        return [p for j in chosen for p in walk(items[j], sub, rest, path)]
    if not rest:
        return [(node, key, shape)]
    if shape == "mapping" and sub is not None:  # calendar.years.2027.holidays: by year
        entry, rest = rest[0], rest[1:]
        if entry.select is not None:
            raise Refused("variant_not_a_list", field=entry.name, path=path)
        mapping = _child(node, key, step, path)
        name: Any = int(entry.name) if entry.name.isdigit() else entry.name
        if not rest:
            return [(mapping, name, "record")]
        return walk(_child(mapping, name, entry, path), sub, rest, path)
    if shape != "record" or sub is None:
        raise Refused("variant_not_a_record", field=step.name, path=path)
    return walk(_child(node, key, step, path), sub, rest, path)


def _child(node: dict[Any, Any], key: Any, step: Step, path: str) -> dict[Any, Any]:
    child = node.get(key)
    if child is None:
        child = node[key] = {}
    if not isinstance(child, dict):
        raise Refused("variant_not_a_record", field=step.name, path=path)
    return child


def _select(items: list[Any], step: Step, path: str) -> list[int]:
    assert step.select is not None
    key, value = step.select
    if key == "*":
        chosen = [j for j, item in enumerate(items) if isinstance(item, dict)]
        if not chosen:
            raise Refused("variant_no_match", path=path)
        return chosen
    chosen = [
        j for j, item in enumerate(items)
        if isinstance(item, dict) and key in item and as_text(item[key]) == value
    ]  # fmt: skip
    if not chosen:
        raise Refused("variant_unknown_id", path=path, by=key, value=value)
    return chosen


def as_text(value: Any) -> str:
    return value.isoformat() if isinstance(value, date) else str(value).strip()


def steps_of(path: str) -> list[Step]:
    steps = parse_path(path)
    if steps is None:
        raise Refused("variant_bad_path", path=path)
    return steps


def lists(data: dict[str, Any], path: str) -> list[list[Any]]:
    """The lists of records a path names (`organisations`, `centres[*].closures`)."""
    out = []
    for node, key, shape in walk(data, Scenario, steps_of(path), path):
        if shape != "records" or not isinstance(node, dict):
            raise Refused("variant_not_a_list", field=str(key), path=path)
        items = node.get(key)
        if items is None:
            items = node[key] = []
        if not isinstance(items, list):
            raise Refused("variant_not_a_list", field=str(key), path=path)
        out.append(items)
    return out
