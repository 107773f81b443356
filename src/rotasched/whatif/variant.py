"""A variant file: a named list of changes to a base scenario (what if ...?).

    name: 工作站七月停用                 # shown in the comparison and on the variant's outputs
    base: ../park.yaml                  # the base scenario, relative to this file
    description: 党建工作站七月装修       # optional
    changes:
      - close: {centre: station, start: 2026-07-01, end: 2026-07-31, reason: 装修}
      - set:
          twinning[*].visits: 2          # every pair
          twinning[id=twin-1].hosts: helped
      - add: {to: organisations, table: 新成员.csv}    # or records: [{id: ..., ...}]
      - remove: {from: organisations, ids: [e28]}
      - weights: {travel: 0}

Each item is one kind of change (changes.py); a `set` item may set several paths. Problems
with the file itself or with a change are said as a scenario's are, in the base's language.
"""

from __future__ import annotations

import copy
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import Field, ValidationError

from ..scenario import Issue, Scenario, ScenarioError
from ..scenario.checks import Loc
from ..scenario.fields import Frozen, Text
from ..scenario.load import (
    Locate,
    Raw,
    declared_locale,
    from_pydantic,
    located,
    path_text,
    read_raw,
    read_yaml,
    validate_raw,
)
from .changes import KINDS, Change, Set, apply_changes


@dataclass(frozen=True)
class Variant:
    name: str
    file: Path  # the variant file (a sweep: whatever names it in messages)
    base: Path  # the base scenario file
    changes: tuple[Change, ...]
    description: str = ""
    lang: str = "zh"  # the base's: the language of messages about the variant


class _Header(Frozen):
    name: Text
    base: Text
    description: str = ""
    changes: list[Any] = Field(default_factory=list)


def load_variant(path: str | Path, locale: str | None = None) -> Variant:
    """The variant a file describes; ScenarioError naming every problem of the file."""
    path = Path(path)
    shown = str(path)
    data = read_yaml(path, shown, locale or "zh")
    given = data.get("base")
    base = Path(os.path.normpath(path.parent / given)) if isinstance(given, str) else None
    lang = locale or _base_locale(base)
    problems: list[Issue] = []
    try:
        header = _Header.model_validate(data)
    except ValidationError as exc:
        header = None
        problems += [from_pydantic(err, located(shown, {})) for err in exc.errors()]
    if base is not None and not base.is_file():
        problems.append(Issue(shown, "base", "variant_base_missing", {"file": str(base)}))
    items = data.get("changes")
    changes, wrong = parse_found(items if isinstance(items, list) else [], shown)
    problems += wrong
    if problems or header is None or base is None:
        raise ScenarioError(problems, lang)
    return Variant(header.name, path, base, tuple(changes), header.description, lang)


def parse_changes(items: list[Any], source: str, lang: str = "zh") -> list[Change]:
    """Change records from their written form (a variant file's `changes:` list)."""
    changes, problems = parse_found(items, source)
    if problems:
        raise ScenarioError(problems, lang)
    return changes


def parse_found(items: list[Any], source: str) -> tuple[list[Change], list[Issue]]:
    """Change records and the problems found in them, to be said with others (a grid's)."""
    changes: list[Change] = []
    problems: list[Issue] = []
    for i, item in enumerate(items):
        at = f"changes[{i}]"
        if not (isinstance(item, dict) and len(item) == 1 and next(iter(item)) in KINDS):
            shown = item if isinstance(item, str) else repr(item)
            problems.append(Issue(source, at, "variant_change_kind", {"input": shown[:60]}))
            continue
        kind, body = next(iter(item.items()))
        if kind == "set":
            if not isinstance(body, dict) or not body:
                problems.append(Issue(source, f"{at}.set", "variant_set_form", {}))
                continue
            changes += [Set(path=str(p), value=v, at=at) for p, v in body.items()]
            continue
        if not isinstance(body, dict):
            problems.append(Issue(source, f"{at}.{kind}", "dict_type", {"input": body}))
            continue
        fields = {"weights": body} if kind == "weights" else body
        try:
            changes.append(KINDS[kind].model_validate({**fields, "at": at}))
        except ValidationError as exc:
            locate = _in_change(source, i, kind)
            problems += [from_pydantic(err, locate) for err in exc.errors()]
    return changes, problems


def _in_change(source: str, i: int, kind: str) -> Locate:
    def locate(loc: Loc, code: str, params: dict[str, Any]) -> Issue:
        inner = loc[1:] if kind == "weights" else loc  # its body is the `weights` mapping
        return Issue(source, path_text(("changes", i, kind, *inner)), code, params)

    return locate


def _base_locale(base: Path | None) -> str:
    """The base scenario's language, for messages about a variant of it (zh if unknown)."""
    if base is None or not base.is_file():
        return "zh"
    try:
        return declared_locale(read_yaml(base, str(base), "zh"))
    except ScenarioError:
        return "zh"


def read_base(path: str | Path, locale: str | None = None) -> tuple[Raw, Scenario]:
    """A base scenario as read (for variants to change) and validated (its own problems
    named in its own file, never in a variant's)."""
    raw = read_raw(path, locale)
    scenario = validate_raw(copy.deepcopy(raw.data), raw.lang, located(raw.shown, raw.origins),
                            raw.shown, raw.problems, raw.unread)  # fmt: skip
    return raw, scenario


def apply(base: Raw | Scenario | dict[str, Any], variant: Variant) -> Scenario:
    """The variant's scenario: its changes applied to the base, validated."""
    return apply_changes(base, variant.changes, source=str(variant.file),
                         folder=variant.file.parent, name=variant.name,
                         lang=variant.lang)  # fmt: skip


def apply_all(
    base: Raw | Scenario | dict[str, Any], variants: Sequence[Variant], lang: str,
    problems: Sequence[Issue] = (),
) -> list[Scenario]:
    """Every variant's scenario; ScenarioError naming every problem of every variant (and
    those found before, `problems`) at once, before anything is planned."""
    found, scenarios = list(problems), []
    for v in variants:
        try:
            scenarios.append(apply(base, v))
        except ScenarioError as exc:
            found += exc.problems
    if found:
        raise ScenarioError(found, lang)
    return scenarios


def load_variant_scenario(path: str | Path, locale: str | None = None) -> Scenario:
    """A variant file read as the scenario it makes (`rotasched plan variant.yaml`)."""
    variant = load_variant(path, locale)
    raw, _ = read_base(variant.base, locale)
    return apply(raw, variant)


def is_variant(path: str | Path) -> bool:
    """Is this file a variant (a `base:` and `changes:`, no `meta:`) rather than a scenario?"""
    path = Path(path)
    if path.suffix.lower() not in (".yaml", ".yml") or not path.is_file():
        return False
    try:
        data = read_yaml(path, str(path), "zh")
    except ScenarioError:
        return False
    return "base" in data and "changes" in data and "meta" not in data
