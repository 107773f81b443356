"""Publish a plan to a CalDAV server: one calendar collection holding every event of all.ics.

Each event is a resource of its own (Radicale, like RFC 4791, allows one UID per resource),
named `<UID>.ics` when we create it. A publish compares what the server holds with what it
would write and touches only the difference: new UIDs are created, changed events updated in
place (If-Match the ETag it read), and events of ours whose UID the plan no longer holds
deleted, so subscribed clients drop them. A second publish of the same plan sends no write at
all and every ETag stays. Resources we did not write (no X-ROTASCHED-DIGEST, another PRODID)
are left alone, unless they carry one of the plan's UIDs: then the plan's version replaces them.

Servers may re-serialise what they store (Radicale does), so "unchanged" is decided by the
digest each object carries (ics.DIGEST), plus the fields a person editing the event in a
client would change: an edit made on the server is overwritten by the plan.

Credentials never come from the command line: `credentials_for` reads them from the
environment or a netrc file.
"""

from __future__ import annotations

import netrc
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

# From the submodules: the package's lazy __getattr__ hides the classes from mypy.
from caldav.collection import Calendar as Collection
from caldav.collection import CalendarSet
from caldav.davclient import DAVClient
from caldav.elements import cdav, dav
from caldav.lib import error
from icalendar import Calendar

from ..plan import Plan
from ..problem import Problem
from ..words import say
from ._view import one_line
from .ics import DIGEST, PRODID, event_objects, key_uid

ENV_USER = "ROTASCHED_CALDAV_USER"
ENV_PASSWORD = "ROTASCHED_CALDAV_PASSWORD"
COUNTS = ("created", "updated", "deleted", "unchanged")
# What a person changing an event in a client changes (its digest would survive the edit).
WATCHED = ("UID", "SEQUENCE", "DTSTART", "DTEND", "SUMMARY", "LOCATION", "STATUS")


class PublishError(Exception):
    """The server refused or the request cannot be made; the message is in the plan's
    language."""


def credentials_for(
    url: str, netrc_path: str | Path | None = None, lang: str = "en"
) -> tuple[str, str] | None:
    """(user, password) for `url`: ROTASCHED_CALDAV_USER and ROTASCHED_CALDAV_PASSWORD if set,
    else the netrc entry of the URL's host (`netrc_path`, default ~/.netrc; its `default`
    entry too); None when neither has any (the server is asked without credentials)."""
    user, password = os.environ.get(ENV_USER), os.environ.get(ENV_PASSWORD)
    if user is not None and password is not None:
        return user, password
    if user is not None or password is not None:
        given, missing = (ENV_USER, ENV_PASSWORD) if user is not None else (ENV_PASSWORD, ENV_USER)
        raise PublishError(say(lang, "caldav.half_env", given=given, missing=missing))
    path = Path(netrc_path) if netrc_path is not None else Path.home() / ".netrc"
    if not path.is_file():
        return None
    try:
        entry = netrc.netrc(str(path)).authenticators(urlsplit(url).hostname or "")
    except (netrc.NetrcParseError, OSError) as exc:
        raise PublishError(say(lang, "caldav.netrc", path=path, reason=exc)) from exc
    if entry is None:
        return None
    login, _account, secret = entry
    return login, secret or ""


@dataclass(frozen=True)
class _Held:
    """A resource the collection holds."""

    url: str
    etag: str | None
    uid: str
    data: str
    ours: bool


def publish_caldav(
    plan: Plan,
    problem: Problem,
    url: str,
    lang: str | None = None,
    credentials: tuple[str, str] | None = None,
) -> dict[str, int]:
    """Put the plan's events (all.ics) into the calendar collection at `url`, creating it,
    named after the planning body, if missing, and delete the events the plan cancels.

    Events of other windows stay: a body that publishes a quarter at a time keeps the earlier
    quarters in its calendar (the ledger's `revise` names as cancelled exactly what a version
    drops within its window). Returns how many resources were created, updated, deleted and
    left unchanged."""
    lang = lang or problem.locale
    parts = urlsplit(url)
    if parts.username is not None or parts.password is not None:
        raise PublishError(say(lang, "caldav.userinfo", user=ENV_USER, password=ENV_PASSWORD))
    if not plan.has_schedule:  # publishing nothing would delete every event
        raise PublishError(say(lang, "caldav.no_schedule"))
    url = url if url.endswith("/") else url + "/"
    wanted = {uid: data.decode("utf-8") for uid, data in event_objects(plan, problem, lang).items()}
    user, password = credentials if credentials is not None else (None, None)
    try:
        with DAVClient(url=url, username=user, password=password) as client:
            gone = {key_uid(c.key, problem.uid_space) for c in plan.cancelled}
            return _sync(client, url, wanted, gone, one_line(problem.name), lang)
    except (error.DAVError, OSError) as exc:  # refused, unauthorised, unreachable
        raise PublishError(say(lang, "caldav.failed", url=url, reason=exc)) from exc


def _sync(client: DAVClient, url: str, wanted: dict[str, str], gone: set[str], name: str,
          lang: str) -> dict[str, int]:
    """Create, update and delete what differs; every write guarded by what was read."""
    counts = dict.fromkeys(COUNTS, 0)
    calendar = _collection(client, url, name, lang)
    held = _held(calendar)
    for uid, data in wanted.items():
        old = held.get(uid)
        if old is not None and _same(old.data, data):
            counts["unchanged"] += 1
            continue
        target = old.url if old is not None else url + quote(uid, safe="") + ".ics"
        headers = {"Content-Type": "text/calendar; charset=utf-8", **_guard(old)}
        _check(client.put(target, data, headers), "put", target, lang)
        counts["updated" if old is not None else "created"] += 1
    for uid, old in sorted(held.items()):
        if uid in gone and uid not in wanted and old.ours:
            _check(client.delete(old.url, _guard(old)), "delete", old.url, lang)
            counts["deleted"] += 1
    return counts


def _collection(client: DAVClient, url: str, name: str, lang: str) -> Collection:
    """The calendar collection at `url`, created (MKCALENDAR, display name `name`) if missing."""
    calendar = client.calendar(url=url)
    try:
        props = calendar.get_properties([dav.ResourceType()])
    except error.NotFoundError:
        parent, _, segment = url.rstrip("/").rpartition("/")
        home = CalendarSet(client, url=parent + "/")
        try:
            made = home.make_calendar(name=name, cal_id=segment)
        except error.DAVError as exc:
            raise PublishError(say(lang, "caldav.create", url=url, reason=exc)) from exc
        assert isinstance(made, Collection)  # a coroutine only from the async client
        return made
    kinds = props.get(dav.ResourceType.tag) or []
    if cdav.Calendar.tag not in kinds:
        raise PublishError(say(lang, "caldav.not_calendar", url=url))
    return calendar


def _held(calendar: Collection) -> dict[str, _Held]:
    """Every event resource of the collection by UID (a UID held twice: the first one)."""
    out: dict[str, _Held] = {}
    found: Any = calendar.search(event=True)
    assert isinstance(found, list)  # a coroutine only from the async client
    for obj in found:
        data = obj.data or ""
        try:
            event = _event(data)
        except ValueError:
            continue  # not something we can read, so not ours: left alone
        if event is None or "UID" not in event:
            continue
        uid = str(event["UID"])
        etag = (obj.props or {}).get(dav.GetEtag.tag)
        ours = DIGEST in event or PRODID in data
        out.setdefault(uid, _Held(str(obj.url), etag, uid, data, ours))
    return out


def _event(data: str) -> Any:
    """The first VEVENT of a calendar object, or None."""
    events = Calendar.from_ical(data).walk("VEVENT")
    return events[0] if events else None


def _same(held: str, wanted: str) -> bool:
    """Whether the server already holds what we would write (see the module's docstring)."""
    try:
        old, new = _event(held), _event(wanted)
    except ValueError:
        return False
    if old is None or str(old.get(DIGEST, "")) != str(new[DIGEST]):
        return False
    return all(_value(old, name) == _value(new, name) for name in WATCHED)


def _value(event: Any, name: str) -> Any:
    return event.decoded(name) if name in event else None


def _guard(old: _Held | None) -> dict[str, str]:
    """Write only over what we read: a resource changed by someone else since is a 412, not
    silently lost; a new one must not exist yet."""
    if old is None:
        return {"If-None-Match": "*"}
    return {"If-Match": old.etag} if old.etag else {}


def _check(response: Any, action: str, target: str, lang: str) -> None:
    status = getattr(response, "status", 0)
    if not 200 <= status < 300:
        reason = f"{status} {getattr(response, 'reason', '')}".strip()
        raise PublishError(say(lang, f"caldav.{action}", url=target, reason=reason))
