"""The translation catalogue (rotasched.words): complete in both languages, the same
placeholders in both, every word used somewhere and every word the code asks for present."""

from __future__ import annotations

import ast
import re
import string
import typing
from collections.abc import Iterator
from pathlib import Path

import pytest
from pydantic_core import core_schema

import rotasched
from rotasched.calendar import Source
from rotasched.export import _i18n
from rotasched.export.tables import build_tables
from rotasched.plan import Status
from rotasched.scenario.model import OrgKind, SeriesType, Twinning
from rotasched.words import WORDS, say, template

from .test_export_helpers import tiny_plan, tiny_problem

SRC = Path(rotasched.__file__).parent
CATALOGUE = SRC / "words.py"
CJK = re.compile(r"[\u4e00-\u9fff]")
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def _trees() -> dict[Path, ast.Module]:
    """Every source module but the catalogue itself, parsed."""
    return {
        path: ast.parse(path.read_text(encoding="utf-8"))
        for path in sorted(SRC.rglob("*.py"))
        if path != CATALOGUE
    }


TREES = _trees()


def _nodes(*under: str) -> Iterator[ast.AST]:
    for path, tree in TREES.items():
        if all(part in path.relative_to(SRC).parts for part in under):
            yield from ast.walk(tree)


# The site's Jinja2 templates ask for words too: w('key', ...) or w("key", ...).
TEMPLATE_WORDS = {
    key
    for path in SRC.rglob("*.j2")
    for key in re.findall(r"""\bw\(\s*["']([\w.]+)["']""", path.read_text(encoding="utf-8"))
}


def _strings(*under: str) -> set[str]:
    found = {
        n.value for n in _nodes(*under) if isinstance(n, ast.Constant) and isinstance(n.value, str)
    }
    return found | (TEMPLATE_WORDS if not under or "export" in under else set())


def _calls(*names: str) -> Iterator[ast.Call]:
    for n in _nodes():
        if isinstance(n, ast.Call):
            func = n.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
            if name in names:
                yield n


def _literal(call: ast.Call, index: int) -> str | None:
    if len(call.args) > index:
        arg = call.args[index]
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
            return arg.value
    return None


def _names(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _choices(annotation: object) -> tuple[str, ...]:
    """The values of a Literal, also when wrapped in Annotated."""
    args = typing.get_args(annotation)
    if typing.get_origin(annotation) is typing.Annotated:
        return _choices(args[0])
    return args


# --- the catalogue itself -------------------------------------------------------------------


def test_every_key_is_plain_and_dotted() -> None:
    bad = [k for k in WORDS if not re.fullmatch(r"[a-z_]+(\.[a-z0-9_]+)+", k)]
    assert bad == []


def test_every_word_has_zh_and_en() -> None:
    empty = [k for k, (zh, en) in WORDS.items() if not zh.strip() or not en.strip()]
    assert empty == []


def test_zh_and_en_use_the_same_placeholders() -> None:
    differ = {
        k: (sorted(_names(zh)), sorted(_names(en)))
        for k, (zh, en) in WORDS.items()
        if _names(zh) != _names(en)
    }
    assert differ == {}


def test_zh_is_chinese_where_en_has_letters() -> None:
    """A zh column that is English (copied, not translated) shows up here."""
    untranslated = []
    for key, (zh, en) in WORDS.items():
        if re.search("[A-Za-z]", PLACEHOLDER.sub("", en)) and not CJK.search(zh):
            untranslated.append(key)
    assert untranslated == []


def test_say_picks_the_language_fills_placeholders_and_refuses_unknown_keys() -> None:
    assert say("zh", "cli.violations", n=3) == "共 3 处违反规则"
    assert say("en", "cli.violations", n=3) == "3 violation(s)"
    assert say("fr", "cli.plan") == "plan"  # any other language is English
    assert template("zh", "cli.violations") == "共 {n} 处违反规则"
    with pytest.raises(KeyError):
        say("zh", "cli.no_such_word")
    with pytest.raises(KeyError):  # a placeholder left unfilled is an error, not raw text
        say("en", "cli.violations")


# --- every word is used ---------------------------------------------------------------------


def _dynamic_families() -> set[str]:
    """Key prefixes the code completes at run time: f"summary.{field}", and families named
    as a value ("error.what", "series_type") that a helper joins with a key's last part."""
    heads = set()
    for n in _nodes():
        if isinstance(n, ast.JoinedStr) and n.values:
            first = n.values[0]
            if isinstance(first, ast.Constant) and str(first.value).endswith("."):
                heads.add(str(first.value)[:-1])
    return heads | _strings()


# Where the last part of a key in a family must appear; elsewhere: anywhere in src.
_SCOPE = {"export": ("export",)}


def test_every_word_is_used() -> None:
    """A key is used if the code names it whole, or names its family (whole or as an f-string
    head) and its last part appears in the code; scenario error codes may instead be pydantic's
    own error types, which reach us from pydantic rather than from our source."""
    whole, families = _strings(), _dynamic_families()
    scoped = {family: _strings(*under) for family, under in _SCOPE.items()}
    pydantic_types = set(_choices(core_schema.ErrorType))
    unused = []
    for key in WORDS:
        if key in whole:
            continue
        family, _, last = key.rpartition(".")
        if family in families and (
            last in scoped.get(family, whole) or (family == "error" and last in pydantic_types)
        ):
            continue
        unused.append(key)
    assert unused == []


# --- every word asked for exists ------------------------------------------------------------


def test_every_key_named_in_the_code_exists() -> None:
    asked = {k for c in _calls("say", "template") if (k := _literal(c, 1))}
    asked |= {f"export.{k}" for c in _calls("word") if (k := _literal(c, 1))}
    asked |= {f"export.{k}" for c in _calls("w", "label") if (k := _literal(c, 0))}
    assert len(asked) > 50  # the scan finds the calls at all
    assert sorted(asked - WORDS.keys()) == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_table_title_and_header_has_a_word(lang: str) -> None:
    p = tiny_problem()
    for table in build_tables(tiny_plan(p), p, lang):
        assert f"export.{table.key}" in WORDS
        assert [k for k, _ in table.columns if f"export.{k}" not in WORDS] == []


def test_every_fixed_choice_has_a_word() -> None:
    """Each value a plan or scenario can hold is shown by name, never as its raw key."""
    families = {
        "status": _choices(Status),
        "form": _choices(Twinning.model_fields["form"].annotation),
        "series_type": _choices(SeriesType),
        "org_kind": _choices(OrgKind),
        "summary.source": _choices(Source),
        "error.sides": _choices(Twinning.model_fields["form"].annotation),
    }
    wanted = [f"{f}.{v}" for f, values in families.items() for v in values]
    assert all(families.values())
    assert [k for k in wanted if k not in WORDS] == []
    week = range(1, 8)
    assert [_i18n.weekday("zh", d) for d in week] == "周一 周二 周三 周四 周五 周六 周日".split()
    assert [_i18n.weekday("en", d) for d in week] == "Mon Tue Wed Thu Fri Sat Sun".split()


def _error_codes() -> set[str]:
    """The scenario error codes our own code raises: Issue(file, path, code, ...),
    TableError(code, ...), PydanticCustomError(code, ...) and the checks' (loc, code, params)."""
    codes = {k for c in _calls("Issue") if (k := _literal(c, 2))}
    codes |= {k for c in _calls("TableError", "PydanticCustomError") if (k := _literal(c, 0))}
    for n in _nodes("scenario"):
        if isinstance(n, ast.Tuple) and len(n.elts) == 3 and isinstance(n.elts[2], ast.Dict):
            code = n.elts[1]
            if isinstance(code, ast.Constant) and isinstance(code.value, str):
                codes.add(code.value)
    return codes


def test_every_scenario_error_code_has_a_message() -> None:
    codes = _error_codes()
    assert {"duplicate_id", "bad_span", "table_kind", "no_workdays"} <= codes  # the scan works
    assert sorted(c for c in codes if f"error.{c}" not in WORDS) == []


def test_every_thing_a_reference_can_name_has_a_word() -> None:
    """checks._ref(loc, known, value, what): `what` is shown in the reader's language."""
    things = {k for c in _calls("_ref") if (k := _literal(c, 3))}
    assert "organisation" in things
    assert sorted(t for t in things if f"error.what.{t}" not in WORDS) == []
