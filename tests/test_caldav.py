"""export.caldav against a real Radicale: started as a subprocess on 127.0.0.1 (a free port),
filesystem storage in a temporary folder, htpasswd authentication, so the credentials path runs
too. Versions of a real checked plan are published one after another and read back with the
caldav client, parsed with icalendar."""

from __future__ import annotations

import dataclasses
import importlib.util
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from caldav.davclient import DAVClient
from caldav.elements import dav
from icalendar import Calendar

from rotasched.compare import revise
from rotasched.export.caldav import PublishError, credentials_for, publish_caldav
from rotasched.export.ics import key_uid
from rotasched.plan import Plan, event_key
from rotasched.problem import Problem

from .planning import base, pair, plan_checked, series, village

USER, PASSWORD = "dangjian", "s3cret:with-colon"
SPACE = "caldav-park"


@dataclasses.dataclass(frozen=True)
class Server:
    root: str  # http://127.0.0.1:PORT
    log: Path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def radicale(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    if importlib.util.find_spec("radicale") is None:
        pytest.skip("radicale not installed (pip install -e '.[dev]')")
    folder = tmp_path_factory.mktemp("radicale")
    (folder / "users").write_text(f"{USER}:{PASSWORD}\n", encoding="utf-8")
    port = _free_port()
    (folder / "config").write_text(
        f"[server]\nhosts = 127.0.0.1:{port}\n"
        f"[auth]\ntype = htpasswd\nhtpasswd_filename = {folder / 'users'}\n"
        "htpasswd_encryption = plain\ndelay = 0\n"
        f"[storage]\nfilesystem_folder = {folder / 'collections'}\n"
        "[rights]\ntype = owner_only\n[web]\ntype = none\n[logging]\nlevel = warning\n",
        encoding="utf-8",
    )
    log = folder / "radicale.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "radicale", "--config", str(folder / "config")],
            stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
        )
    try:
        deadline = time.monotonic() + 30
        while True:  # it answers once it listens
            assert proc.poll() is None, log.read_text(errors="replace")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert time.monotonic() < deadline, log.read_text(errors="replace")
                time.sleep(0.1)
        yield Server(f"http://127.0.0.1:{port}", log)
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)


@pytest.fixture
def netrc_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Credentials in a netrc file for 127.0.0.1, none in the environment."""
    monkeypatch.delenv("ROTASCHED_CALDAV_USER", raising=False)
    monkeypatch.delenv("ROTASCHED_CALDAV_PASSWORD", raising=False)
    path = tmp_path / "netrc"
    path.write_text(f'machine 127.0.0.1 login {USER} password "{PASSWORD}"\n')
    path.chmod(0o600)
    return path


def _plan(tmp: Path) -> tuple[Plan, Problem]:
    data = base()
    data["meta"].update(id=SPACE, end="2026-06-30")
    data["organisations"].append(village())
    data["series"] = [series("t1", term="quarter")]
    data["twinning"] = [pair("p1", "a", "v")]
    plan, problem, _ = plan_checked(tmp, data, work=4)
    return plan, problem


def _held(url: str) -> dict[str, tuple[Any, str]]:
    """What the server holds: UID -> (parsed VEVENT, ETag), read with the caldav client."""
    out = {}
    with DAVClient(url=url, username=USER, password=PASSWORD) as client:
        for obj in client.calendar(url=url).search(event=True):
            (event,) = Calendar.from_ical(obj.data).walk("VEVENT")
            out[str(event["UID"])] = (event, obj.props[dav.GetEtag.tag])
    return out


def _uids(plan: Plan) -> set[str]:
    events: list[Any] = [*plan.occurrences, *plan.terms, *plan.visits]
    return {key_uid(event_key(e), SPACE) for e in events}


def test_versions_published_one_after_another(
    radicale: Server, netrc_file: Path, tmp_path: Path
) -> None:
    plan, problem = _plan(tmp_path)
    url = f"{radicale.root}/{USER}/{SPACE}/"
    credentials = credentials_for(url, netrc_file)
    assert credentials == (USER, PASSWORD)

    # Version 1 into a collection that does not exist yet.
    first = revise(plan, None)
    n = len(first.occurrences) + len(first.terms) + len(first.visits)
    assert publish_caldav(first, problem, url, "zh", credentials) == {
        "created": n, "updated": 0, "deleted": 0, "unchanged": 0,
    }
    with DAVClient(url=url, username=USER, password=PASSWORD) as client:
        assert client.calendar(url=url).get_display_name() == problem.name
    held1 = _held(url)
    assert set(held1) == _uids(first)
    assert {int(e["SEQUENCE"]) for e, _ in held1.values()} == {0}

    # Version 2: one occurrence moved to another day it may take, one visit dropped.
    occ = next(o for o in first.occurrences if o.date.month == 5)
    day = next(problem.day(i) for i in problem.occurrences[occ.id].candidates
               if problem.day(i) != occ.date)
    dropped = first.visits[0]
    changed = dataclasses.replace(
        first,
        occurrences=tuple(dataclasses.replace(o, date=day) if o == occ else o
                          for o in first.occurrences),
        visits=first.visits[1:],
    )
    second = revise(changed, first)
    counts = publish_caldav(second, problem, url, "zh", credentials)
    moved, gone = key_uid(event_key(occ), SPACE), key_uid(event_key(dropped), SPACE)
    held2 = _held(url)
    assert set(held2) == _uids(second) == set(held1) - {gone}
    assert counts["deleted"] == 1 and counts["created"] == 0
    # The moved event and its term (whose description lists the term's hosting dates) changed.
    assert counts["updated"] == 2 and counts["unchanged"] == n - 3
    sequences = {uid: int(e["SEQUENCE"]) for uid, (e, _) in held2.items()}
    assert sequences.pop(moved) == 1 and set(sequences.values()) == {0}
    assert held2[moved][0].decoded("DTSTART").date() == day
    rewritten = {uid for uid in held2 if held2[uid][1] != held1[uid][1]}
    term = next(t for t in first.terms if t.term == occ.term)
    assert rewritten == {moved, key_uid(event_key(term), SPACE)}

    # Version 2 again: nothing to do, nothing written.
    assert publish_caldav(second, problem, url, "zh", credentials) == {
        "created": 0, "updated": 0, "deleted": 0, "unchanged": n - 1,
    }
    etags = {uid: etag for uid, (_, etag) in held2.items()}
    assert {uid: etag for uid, (_, etag) in _held(url).items()} == etags


def test_foreign_events_stay_and_a_hand_edit_is_overwritten(
    radicale: Server, netrc_file: Path, tmp_path: Path
) -> None:
    plan, problem = _plan(tmp_path)
    first = revise(plan, None)
    url = f"{radicale.root}/{USER}/{SPACE}-other/"
    credentials = credentials_for(url, netrc_file)
    publish_caldav(first, problem, url, "en", credentials)
    foreign = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//someone//else//EN\r\n"
               "BEGIN:VEVENT\r\nUID:by-hand-1\r\nDTSTAMP:20260401T000000Z\r\n"
               "DTSTART;VALUE=DATE:20260410\r\nSUMMARY:党员大会\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
    occ = first.occurrences[0]
    uid = key_uid(event_key(occ), SPACE)
    with DAVClient(url=url, username=USER, password=PASSWORD) as client:
        headers = {"Content-Type": "text/calendar; charset=utf-8"}
        assert client.put(url + "by-hand-1.ics", foreign, headers).status == 201
        obj = client.calendar(url=url).event_by_uid(uid)
        edited = obj.data.replace("SUMMARY:", "SUMMARY:[edited] ")  # the digest stays
        assert client.put(str(obj.url), edited, headers).status in (201, 204)
    counts = publish_caldav(first, problem, url, "en", credentials)
    assert counts["updated"] == 1 and counts["deleted"] == 0 and counts["created"] == 0
    held = _held(url)
    assert "by-hand-1" in held  # not ours: left alone, even though the plan lacks it
    assert not str(held[uid][0]["SUMMARY"]).startswith("[edited]")


def test_wrong_password_and_credentials_in_the_url_are_refused(
    radicale: Server, netrc_file: Path, tmp_path: Path
) -> None:
    plan, problem = _plan(tmp_path)
    first = revise(plan, None)
    url = f"{radicale.root}/{USER}/{SPACE}-refused/"
    with pytest.raises(PublishError, match="cannot publish to"):
        publish_caldav(first, problem, url, "en", (USER, "wrong"))
    with pytest.raises(PublishError, match="ROTASCHED_CALDAV_USER"):
        publish_caldav(first, problem, url.replace("//", f"//{USER}:{PASSWORD}@"), "en",
                       (USER, PASSWORD))
    with pytest.raises(PublishError, match="没有日程"):
        publish_caldav(dataclasses.replace(first, status="infeasible"), problem, url, "zh",
                       (USER, PASSWORD))


def test_credentials_from_environment_else_netrc(
    netrc_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = "https://dav.example.org/cal/park/"
    assert credentials_for(url, netrc_file) is None  # no entry for that host
    assert credentials_for(url, tmp_path / "missing") is None
    (tmp_path / "default").write_text("machine other login x password y\n"
                                      "default login anyone password any-pw\n")
    assert credentials_for(url, tmp_path / "default") == ("anyone", "any-pw")
    assert credentials_for("http://127.0.0.1:5232/x/", netrc_file) == (USER, PASSWORD)
    monkeypatch.setenv("ROTASCHED_CALDAV_USER", "env-user")
    with pytest.raises(PublishError, match="ROTASCHED_CALDAV_PASSWORD"):
        credentials_for(url, netrc_file)
    monkeypatch.setenv("ROTASCHED_CALDAV_PASSWORD", "env-pw")
    assert credentials_for("http://127.0.0.1:5232/x/", netrc_file) == ("env-user", "env-pw")
    (tmp_path / "broken").write_text("machine\n")
    monkeypatch.delenv("ROTASCHED_CALDAV_USER")
    monkeypatch.delenv("ROTASCHED_CALDAV_PASSWORD")
    with pytest.raises(PublishError, match="netrc"):
        credentials_for(url, tmp_path / "broken")
