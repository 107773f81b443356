"""The documentation is checked against the code it describes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pydantic import BaseModel

from rotasched.rules import HARD, SOFT
from rotasched.scenario import model

ROOT = Path(__file__).resolve().parents[1]


def _models(cls: type[BaseModel], seen: set[type[BaseModel]]) -> set[type[BaseModel]]:
    """Every model reachable from the scenario's fields."""
    if cls in seen:
        return seen
    seen.add(cls)
    for field in cls.model_fields.values():
        for arg in re.findall(r"[A-Za-z_]+", repr(field.annotation)):
            sub = getattr(model, arg, None)
            if isinstance(sub, type) and issubclass(sub, BaseModel):
                _models(sub, seen)
    return seen


def test_every_scenario_field_is_documented() -> None:
    doc = (ROOT / "docs/scenario.md").read_text(encoding="utf-8")
    spans = re.findall(r"`([^`]+)`", doc) + re.findall(r"^## (\w+)", doc, flags=re.M)
    documented = {word for span in spans for word in re.findall(r"[a-z_]+", span)}
    # Written as one string ("monthly", "first-fri", "08:30-17:30"), parsed into these:
    parsed = {model.Cadence, model.DayRule, model.Hours}
    missing = {
        f"{cls.__name__}.{field.alias or name}"
        for cls in _models(model.Scenario, set()) - parsed
        for name, field in cls.model_fields.items()
        if (field.alias or name) not in documented
    }
    assert missing == set()


def test_readme_names_every_rule_and_soft_term() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert {label for label in HARD if f"`{label}`" not in readme} == set()
    assert {term for term in SOFT if f"`{term}`" not in readme} == set()


def test_readme_opens_with_the_two_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first_block = readme.split("```")[1].split("\n", 1)[1]  # past the fence's language
    assert [line.split()[0:2] for line in first_block.strip().splitlines()] == [
        ["make", "demo"], ["make", "test"]]
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "\ndemo:" in makefile and "\ntest:" in makefile
    assert "make test" in (ROOT / ".ci/run").read_text(encoding="utf-8")


def test_readme_python_example_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The API example, as printed, on the tiny scenario (a smaller budget, a temp folder)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    code = readme.split("```python\n")[1].split("```")[0]
    code = code.replace("scenarios/park/park.yaml", str(ROOT / "scenarios/tiny/tiny.yaml"))
    code = code.replace("work_limit=30", "work_limit=5")
    monkeypatch.chdir(tmp_path)
    exec(compile(code, "README.md", "exec"), {})
    assert (tmp_path / "out/park/plan.json").is_file()
