"""README's two-quarter walk-through, run as written: plan Q1, publish (ledger and a real
Radicale server), plan Q2 from the ledger, withdraw a member, re-plan, republish."""

from __future__ import annotations

import os
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from rotasched.cli import main
from rotasched.compare import changes
from rotasched.export.ics import key_uid
from rotasched.plan import Plan, event_key

from .test_caldav import PASSWORD, USER, Server, _held, radicale  # noqa: F401  (fixture)

ROOT = Path(__file__).resolve().parents[1]


def _walkthrough() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Two quarters", 1)[1]
    block = section.split("```sh\n", 1)[1].split("```", 1)[0]
    return [line for line in block.splitlines() if line.strip()]


def _keys(plan: Plan) -> set[str]:
    return {event_key(e) for e in (*plan.occurrences, *plan.terms, *plan.visits)}


def test_two_quarters_as_the_readme_says(
    radicale: Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch  # noqa: F811
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "scenarios").symlink_to(ROOT / "scenarios")
    caldav = f"{radicale.root}/{USER}/hjk-park/"
    shell: dict[str, str] = {}
    outputs = []
    for line in _walkthrough():
        words = shlex.split(line, comments=True)
        if words[0] == "export":  # the environment, with this test's server and password
            for word in words[1:]:
                name, value = word.split("=", 1)
                value = PASSWORD if name == "ROTASCHED_CALDAV_PASSWORD" else value
                monkeypatch.setenv(name, USER if name == "ROTASCHED_CALDAV_USER" else value)
            continue
        if "=" in words[0]:
            shell[words[0].split("=")[0]] = caldav
            continue
        assert words[0] == "rotasched"
        args = [shell.get(w[1:], w) if w.startswith("$") else w for w in words[1:]]
        result = CliRunner().invoke(main, [*args, "--work", "10"] if args[0] in (
            "plan", "replan") else args)
        assert result.exit_code == 0, (line, result.output)
        outputs.append(result.output)
    assert os.environ["ROTASCHED_DB"] == "台账.sqlite" and (tmp_path / "台账.sqlite").is_file()

    q1, q2, left = (Plan.read_json(tmp_path / "out" / d / "plan.json")
                    for d in ("q1", "q2", "q2-left"))
    assert (q1.version, q2.version, left.version) == (1, 2, 3)
    # Q2 continues Q1's rotation: nobody who hosted in Q1 hosts in Q2.
    assert {o.host for o in q1.occurrences}.isdisjoint({o.host for o in q2.occurrences})
    # The withdrawal moves exactly e28's May visit, and nothing before the freeze.
    diff = changes(q2, left)
    assert diff["change"].tolist() == ["moved"] and diff["id"].tolist() == ["twin-2.2026Q2.1"]

    # The server holds both quarters' events, each once; SEQUENCE grew on the moved one only.
    held = _held(caldav)
    space = "hjk-park"
    expected = {key_uid(k, space): k for k in _keys(q1) | _keys(left)}
    assert set(held) == set(expected)
    raised = {expected[uid] for uid, (event, _) in held.items() if int(event["SEQUENCE"]) > 0}
    assert raised == {"visit:twin-2.2026Q2.1"}
    assert all(int(held[key_uid(k, space)][0]["SEQUENCE"]) == left.revisions[k]
               for k in _keys(left))

    # Publishing the same plan again changes nothing on the server.
    again = CliRunner().invoke(main, ["publish", "out/q2-left", "--caldav", caldav])
    assert again.exit_code == 0, again.output
    assert "新增 0，更新 0，删除 0" in again.output
    assert "与 hjk-park 第 3 版相同，未新建版本" in again.output  # no empty version 4
    assert {u: etag for u, (_, etag) in _held(caldav).items()} == {
        u: etag for u, (_, etag) in held.items()}
    # Any version exported again from the ledger alone checks clean.
    check = CliRunner().invoke(main, ["check", "scenarios/park/park-q1.yaml", "存档/q1"])
    assert check.exit_code == 0, check.output
