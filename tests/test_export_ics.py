"""ics/: every feed the export writes, read back by icalendar, Mozilla's ical.js and libical.

ical.js runs under node (tests/js, installed by `npm ci` when missing); libical is Debian's
libical-dev, read through a few lines of C this test compiles with gcc.
"""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
import uuid
from datetime import date, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

from rotasched.compare import revise
from rotasched.export import ics
from rotasched.export._view import View
from rotasched.export.ics import UID_NAMESPACE, key_uid, occurrence_uid, term_uid, visit_uid
from rotasched.plan import Plan
from rotasched.problem import Problem

from .test_export_helpers import (
    EVIL_NAME,
    LONG_NAME,
    export_to,
    hostile_plan,
    hostile_problem,
    local_utc,
    node_ready,
    run_node,
    tiny_plan,
    tiny_problem,
)

# ---- outputs --------------------------------------------------------------------------------


SPACE = "guanggu-park"  # meta.id of scenarios/tiny: part of every UID

@dataclasses.dataclass
class Out:
    plan: Plan
    problem: Problem
    root: Path

    @property
    def ics(self) -> Path:
        return self.root / "ics"

    def person_feed(self, org: str) -> Path:
        """The feed of the organisation's secretary."""
        files = View(self.plan, self.problem, "zh").person_files
        return self.ics / files[self.problem.orgs[org].person]

    def feeds(self) -> list[Path]:
        return sorted(self.ics.rglob("*.ics"))

    def expected_utc(self) -> dict[str, tuple[str, str]]:
        """UID -> (start, end) as clients must show them in UTC (dates for all-day terms)."""
        out = {}
        space = self.problem.uid_space
        for o in self.plan.occurrences:
            out[occurrence_uid(o, space)] = (local_utc(o.date, o.start), local_utc(o.date, o.end))
        for v in self.plan.visits:
            out[visit_uid(v, space)] = (local_utc(v.date, v.start), local_utc(v.date, v.end))
        for t in self.plan.terms:
            after = (t.end + timedelta(days=1)).isoformat()
            out[term_uid(t, space)] = (t.start.isoformat(), after)
        return out


@pytest.fixture(scope="module")
def plain(tmp_path_factory: pytest.TempPathFactory) -> Out:
    p = tiny_problem()
    plan = tiny_plan(p)
    return Out(plan, p, export_to(tmp_path_factory.mktemp("plain") / "out", plan, p))


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Out:
    p = hostile_problem()
    plan = hostile_plan(p)
    return Out(plan, p, export_to(tmp_path_factory.mktemp("hostile") / "out", plan, p, "en"))


@pytest.fixture(scope="module")
def provisional(tmp_path_factory: pytest.TempPathFactory) -> Out:
    p = tiny_problem()
    plan = tiny_plan(p, provisional_calendar=True)
    return Out(plan, p, export_to(tmp_path_factory.mktemp("prov") / "out", plan, p))


@pytest.fixture(params=["plain", "hostile"])
def out(request: pytest.FixtureRequest) -> Out:
    return request.getfixturevalue(request.param)  # type: ignore[no-any-return]


def read(path: Path) -> Calendar:
    return Calendar.from_ical(path.read_bytes())


def events(cal: Calendar) -> dict[str, Any]:
    return {str(e["UID"]): e for e in cal.walk("VEVENT")}


# ---- what is written ------------------------------------------------------------------------


def test_one_feed_for_all_each_org_each_room_each_person(out: Out) -> None:
    names = {p.relative_to(out.ics).as_posix() for p in out.feeds()}
    expected = {"all.ics"}
    expected |= {f"org/{o}.ics" for o in out.problem.orgs}
    expected |= {"room/station_A.ics", "room/station_B.ics"}
    expected |= {out.person_feed(o).relative_to(out.ics).as_posix() for o in out.problem.orgs}
    assert names == expected
    assert len(expected) == 1 + len(out.problem.orgs) + 2 + len(out.problem.persons)


def test_person_feed_names_show_no_contact(out: Out) -> None:
    contacts = {p.contact for p in out.problem.persons.values() if p.contact}
    assert contacts
    for path in out.feeds():
        assert not any(c in path.name for c in contacts), path
    assert out.person_feed("xc").name.startswith("王建国")


def test_all_feed_holds_every_event_once(out: Out) -> None:
    got = events(read(out.ics / "all.ics"))
    assert set(got) == set(out.expected_utc())
    assert len(got) == len(out.plan.occurrences) + len(out.plan.terms) + len(out.plan.visits)


def test_calendar_properties(out: Out) -> None:
    for path in out.feeds():
        data = path.read_bytes()
        cal = read(path)
        assert cal["VERSION"] == "2.0"
        assert str(cal["PRODID"]).startswith("-//rotasched//")
        assert data.count(b"\r\nNAME:") == 1, path
        assert data.count(b"\r\nX-WR-CALNAME:") == 1, path
        assert b"\r\nREFRESH-INTERVAL;VALUE=DURATION:PT6H\r\n" in data, path
        assert b"\r\nX-WR-TIMEZONE:Asia/Shanghai\r\n" in data, path
        assert "METHOD" not in cal
        assert b"ATTENDEE" not in data
        zones = cal.walk("VTIMEZONE")
        assert [str(z["TZID"]) for z in zones] == ["Asia/Shanghai"]
        # one compact +0800 block: no daylight saving from 1986-91, no COMMENT where
        # RFC 5545 allows none
        assert [c.name for c in zones[0].subcomponents] == ["STANDARD"]
        assert b"\r\nTZOFFSETTO:+0800\r\n" in zones[0].to_ical()
        assert "COMMENT" not in zones[0]


def test_no_floating_times(out: Out) -> None:
    """Timed events carry TZID (with the VTIMEZONE above); all-day ones VALUE=DATE."""
    for path in out.feeds():
        for line in path.read_bytes().decode("utf-8").split("\r\n"):
            if re.match(r"(DTSTART|DTEND)[;:]", line) and not line.startswith("DTSTART:2026010"):
                assert re.fullmatch(
                    r"(DTSTART|DTEND)(;TZID=Asia/Shanghai:\d{8}T\d{6}|;VALUE=DATE:\d{8})", line
                ), (path, line)


def test_times_are_wall_clock_in_shanghai(plain: Out) -> None:
    got = events(read(plain.ics / "all.ics"))
    occ = next(o for o in plain.plan.occurrences if o.id == "theme-day.2026-04")
    event = got[occurrence_uid(occ, SPACE)]
    start = event.decoded("DTSTART")
    assert (start.hour, start.minute) == (14, 30)
    assert str(start.tzinfo) == "Asia/Shanghai"
    term = next(t for t in plain.plan.terms if t.series == "theme-day")
    span = got[term_uid(term, plain.problem.uid_space)]
    assert span.decoded("DTSTART") == date(2026, 4, 1)
    assert span.decoded("DTEND") == date(2026, 7, 1)  # exclusive: the day after 30 June


def test_uids_are_uuid5_of_event_ids_without_slash(out: Out) -> None:
    occ = out.plan.occurrences[0]
    assert occurrence_uid(occ) == str(uuid.uuid5(UID_NAMESPACE, f"occurrence:{occ.id}"))
    space = out.problem.uid_space  # the scenario's meta.id keeps planning bodies apart
    assert space == "guanggu-park"
    assert occurrence_uid(occ, space) == str(
        uuid.uuid5(UID_NAMESPACE, f"{space}|occurrence:{occ.id}")
    )
    for path in out.feeds():
        uids = [str(e["UID"]) for e in read(path).walk("VEVENT")]
        assert len(uids) == len(set(uids)), path  # one UID per resource (Radicale)
        assert all("/" not in u for u in uids)
        assert all(uuid.UUID(u).version == 5 for u in uids)


def test_dtstamp_comes_from_the_plan_not_the_clock(out: Out) -> None:
    for path in out.feeds():
        stamps = {line for line in path.read_bytes().split(b"\r\n") if line.startswith(b"DTSTAMP")}
        assert stamps <= {b"DTSTAMP:20260331T160000Z"}, path  # 2026-04-01 00:00 +0800


def test_lines_fold_within_75_octets_never_inside_a_character(hostile: Out) -> None:
    for path in hostile.feeds():
        data = path.read_bytes()
        assert data.endswith(b"\r\n")
        for line in data.split(b"\r\n"):
            assert len(line) <= 75, (path, line)
            line.decode("utf-8")  # a fold never cuts a multi-byte character


def test_long_chinese_name_round_trips(hostile: Out) -> None:
    assert len(LONG_NAME) == 200
    occ = next(o for o in hostile.plan.occurrences if o.host == "xc")
    event = events(read(hostile.ics / "org" / "xc.ics"))[occurrence_uid(occ, SPACE)]
    assert LONG_NAME in str(event["SUMMARY"])
    assert LONG_NAME in str(event["DESCRIPTION"])
    assert str(read(hostile.ics / "org" / "xc.ics")["NAME"]).count(LONG_NAME) == 1


def test_name_with_crlf_and_begin_vevent_stays_one_text_value(hostile: Out) -> None:
    path = hostile.ics / "all.ics"
    data = path.read_bytes()
    n = len(hostile.plan.occurrences) + len(hostile.plan.terms) + len(hostile.plan.visits)
    assert data.count(b"\r\nBEGIN:VEVENT\r\n") == n
    assert b"\r\nUID:evil" not in data
    got = events(read(path))
    assert len(got) == n
    occ = next(o for o in hostile.plan.occurrences if o.co_host == "hy")
    event = got[occurrence_uid(occ, SPACE)]
    flat = EVIL_NAME.replace("\r\n", "\n")
    assert flat in str(event["DESCRIPTION"])  # kept, as escaped text
    summary = str(got[occurrence_uid(occ, SPACE)]["SUMMARY"])
    assert "\n" not in summary and "\r" not in summary


def test_person_serving_two_orgs_gets_both_duties(hostile: Out) -> None:
    p = hostile.problem
    key = p.orgs["ml"].person
    assert p.orgs["ty"].person == key
    assert hostile.person_feed("ml") == hostile.person_feed("ty")
    got = events(read(hostile.person_feed("ty")))
    duties = {occurrence_uid(o, SPACE) for o in hostile.plan.occurrences if o.host in ("ml", "ty")}
    terms = {term_uid(t, SPACE) for t in hostile.plan.terms if t.executive_secretary == key}
    assert duties and terms
    assert set(got) == duties | terms
    assert len(list((hostile.ics / "person").iterdir())) == len(hostile.problem.persons) == 5


def test_visit_in_both_sides_calendars_with_direction(plain: Out) -> None:
    visit = plain.plan.visits[0]
    uid = visit_uid(visit, SPACE)
    for org in ("xc", "taoyuan"):
        event = events(read(plain.ics / "org" / f"{org}.ics"))[uid]
        assert str(event["SUMMARY"]) == "结对互访：武汉星辰科技有限公司 → 桃源村"
        assert str(event["LOCATION"]) == "桃源村"
        assert "帮扶方走访受帮扶方" in str(event["DESCRIPTION"])
    for org in ("xc", "taoyuan"):
        assert uid in events(read(plain.person_feed(org)))


def test_room_feed_holds_only_its_bookings(plain: Out) -> None:
    a = events(read(plain.ics / "room" / "station_A.ics"))
    assert set(a) == {occurrence_uid(o, SPACE) for o in plain.plan.occurrences if o.room == "A"}
    assert events(read(plain.ics / "room" / "station_B.ics")) == {}


def test_words_follow_the_language(plain: Out, hostile: Out) -> None:
    zh = {str(e["SUMMARY"]) for e in read(plain.ics / "all.ics").walk("VEVENT")}
    en = {str(e["SUMMARY"]) for e in read(hostile.ics / "all.ics").walk("VEVENT")}
    assert "主题党日｜承办：武汉星辰科技有限公司" in zh
    assert any(s.startswith("Twinning visit: ") for s in en)
    assert any(s.startswith("Executive secretary: 王建国") for s in en)
    event = events(read(plain.ics / "all.ics"))[occurrence_uid(plain.plan.occurrences[1], SPACE)]
    description = str(event["DESCRIPTION"])
    for words in ("活动类型：主题党日", "承办单位：捷达物流有限公司", "执行书记：王建国",
                  "地点：园区党建工作站 会议室A", "参加单位：(5)", "协办单位"):
        assert words in description


def test_provisional_calendar_is_said_everywhere(provisional: Out, plain: Out) -> None:
    for path in provisional.feeds():
        cal = read(path)
        assert "临时日历" in str(cal["DESCRIPTION"]), path
        for event in cal.walk("VEVENT"):
            assert "临时日历" in str(event["DESCRIPTION"])
    assert "临时日历" not in (plain.ics / "all.ics").read_bytes().decode("utf-8")


# ---- ical.js (Thunderbird's parser) ----------------------------------------------------------


def test_icaljs_reads_every_feed(out: Out) -> None:
    node_ready()
    expected = out.expected_utc()
    report = run_node("icaljs_check.mjs", *map(str, out.feeds()))
    assert isinstance(report, list) and len(report) == len(out.feeds())
    for feed in report:
        assert feed["errors"] == [], feed["path"]
        assert feed["warnings"] == [], feed["path"]
        cal = feed["calendar"]
        assert len(cal["name"]) == 1 and len(cal["x-wr-calname"]) == 1
        assert cal["method"] == []
        assert cal["refresh"] == {"type": "duration", "value": "PT6H"}
        assert cal["timezones"] == ["Asia/Shanghai"]
        for event in feed["events"]:
            assert event["attendees"] == 0
            if event["all_day"]:
                assert event["tzid"] is None
            else:  # the zone resolved from the VTIMEZONE, not floating
                assert event["tzid"] == event["end_tzid"] == "Asia/Shanghai"
            assert (event["start_utc"], event["end_utc"]) == expected[event["uid"]]


def test_icaljs_sees_hostile_names_as_text(hostile: Out) -> None:
    node_ready()
    (feed,) = run_node("icaljs_check.mjs", str(hostile.ics / "all.ics"))
    got = {e["uid"]: e for e in feed["events"]}
    assert len(got) == len(hostile.expected_utc())
    occ = next(o for o in hostile.plan.occurrences if o.co_host == "hy")
    assert EVIL_NAME.replace("\r\n", "\n") in got[occurrence_uid(occ, SPACE)]["description"]
    host_xc = next(o for o in hostile.plan.occurrences if o.host == "xc")
    assert LONG_NAME in got[occurrence_uid(host_xc, SPACE)]["summary"]
    assert "14:30" not in got[occurrence_uid(host_xc, SPACE)]["start_utc"]  # UTC, not wall clock
    assert got[occurrence_uid(host_xc, SPACE)]["start_utc"] == "2026-04-24T06:30:00Z"


# ---- libical ----------------------------------------------------------------------------------

LIBICAL_C = r"""
/* Parse .ics files with libical; print what it sees, tab-separated, escaped. */
#include <libical/ical.h>
#include <stdio.h>
#include <stdlib.h>

static void put(const char *s) {
    for (; s && *s; s++) {
        if (*s == '\\') fputs("\\\\", stdout);
        else if (*s == '\n') fputs("\\n", stdout);
        else if (*s == '\r') fputs("\\r", stdout);
        else if (*s == '\t') fputs("\\t", stdout);
        else putchar(*s);
    }
}

static void errors(icalcomponent *c, const char *stage) {
    for (icalproperty *p = icalcomponent_get_first_property(c, ICAL_XLICERROR_PROPERTY); p;
         p = icalcomponent_get_next_property(c, ICAL_XLICERROR_PROPERTY)) {
        printf("ERROR\t%s\t", stage); put(icalproperty_get_xlicerror(p)); putchar('\n');
    }
    for (icalcomponent *s = icalcomponent_get_first_component(c, ICAL_ANY_COMPONENT); s;
         s = icalcomponent_get_next_component(c, ICAL_ANY_COMPONENT))
        errors(s, stage);
}

/* tag=DATE:yyyymmdd | tag=<tzid>:<UTC time>:<1 if the zone is the file's VTIMEZONE> */
static void when(icalcomponent *root, const char *tag, struct icaltimetype t) {
    printf("\t%s=", tag);
    if (t.is_date) { printf("DATE:%s", icaltime_as_ical_string(t)); return; }
    const char *tzid = t.zone ? icaltimezone_get_tzid((icaltimezone *)t.zone) : NULL;
    int in_file = tzid && icalcomponent_get_timezone(root, tzid) == t.zone;
    if (icaltime_is_utc(t)) tzid = "UTC";
    struct icaltimetype u = icaltime_convert_to_zone(t, icaltimezone_get_utc_timezone());
    printf("%s:%s:%d", tzid ? tzid : "FLOATING", icaltime_as_ical_string(u), in_file);
}

int main(int argc, char **argv) {
    icalerror_set_errors_are_fatal(0);
    for (int i = 1; i < argc; i++) {
        FILE *f = fopen(argv[i], "rb");
        printf("FILE\t%s\n", argv[i]);
        if (!f) { printf("ERROR\topen\tcannot open\n"); continue; }
        fseek(f, 0, SEEK_END); long n = ftell(f); fseek(f, 0, SEEK_SET);
        char *buf = malloc(n + 1);
        if (fread(buf, 1, n, f) != (size_t)n) { printf("ERROR\tread\tshort\n"); }
        buf[n] = 0; fclose(f);
        icalerror_clear_errno();
        icalcomponent *root = icalparser_parse_string(buf);
        free(buf);
        if (!root) { printf("ERROR\tparse\tno component\n"); continue; }
        if (icalerrno != ICAL_NO_ERROR) printf("ERROR\terrno\t%s\n", icalerror_strerror(icalerrno));
        errors(root, "parse");
        icalrestriction_check(root);  /* X-LIC-ERROR for each RFC 5545 restriction broken */
        errors(root, "restriction");
        printf("KIND\t%s\n", icalcomponent_kind_to_string(icalcomponent_isa(root)));
        const char *method = icalproperty_method_to_string(icalcomponent_get_method(root));
        printf("METHOD\t%s\n", method ? method : "");
        for (icalcomponent *e = icalcomponent_get_first_component(root, ICAL_VEVENT_COMPONENT); e;
             e = icalcomponent_get_next_component(root, ICAL_VEVENT_COMPONENT)) {
            printf("EVENT\tuid="); put(icalcomponent_get_uid(e));
            when(root, "start", icalcomponent_get_dtstart(e));
            when(root, "end", icalcomponent_get_dtend(e));
            printf("\tattendees=%d", icalcomponent_count_properties(e, ICAL_ATTENDEE_PROPERTY));
            printf("\tsequence=%d", icalcomponent_get_sequence(e));
            icalproperty *status = icalcomponent_get_first_property(e, ICAL_STATUS_PROPERTY);
            printf("\tstatus=%s", status ? icalproperty_get_value_as_string(status) : "");
            icalproperty *org = icalcomponent_get_first_property(e, ICAL_ORGANIZER_PROPERTY);
            printf("\torganizer="); put(org ? icalproperty_get_organizer(org) : "");
            printf("\tsummary="); put(icalcomponent_get_summary(e));
            printf("\tdescription="); put(icalcomponent_get_description(e));
            putchar('\n');
        }
        icalcomponent_free(root);
    }
    return 0;
}
"""


@pytest.fixture(scope="session")
def libical(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The compiled checker; skips only when gcc or libical-dev is absent."""
    if shutil.which("gcc") is None or shutil.which("pkg-config") is None:
        pytest.skip("gcc/pkg-config not installed (Debian: gcc pkg-config)")
    flags = subprocess.run(["pkg-config", "--cflags", "--libs", "libical"],
                           capture_output=True, text=True)
    if flags.returncode != 0:
        pytest.skip("libical not installed (Debian: libical-dev)")
    folder = tmp_path_factory.mktemp("libical")
    (folder / "check.c").write_text(LIBICAL_C)
    exe = folder / "check"
    done = subprocess.run(["gcc", "-Wall", "-Werror", "-o", str(exe), str(folder / "check.c"),
                           *flags.stdout.split()], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return exe


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "r": "\r", "t": "\t"}.get(m[1], m[1]), text)


def run_libical(exe: Path, files: list[Path]) -> dict[str, dict[str, Any]]:
    done = subprocess.run([str(exe), *map(str, files)], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0 and done.stderr == "", done.stderr
    out: dict[str, dict[str, Any]] = {}
    current: dict[str, Any] = {}
    for line in done.stdout.splitlines():
        kind, _, rest = line.partition("\t")
        if kind == "FILE":
            current = out.setdefault(rest, {"errors": [], "events": [], "kind": None})
        elif kind == "ERROR":
            current["errors"].append(rest)
        elif kind == "KIND":
            current["kind"] = rest
        elif kind == "METHOD":
            current["method"] = rest
        elif kind == "EVENT":
            fields = dict(f.split("=", 1) for f in rest.split("\t"))
            current["events"].append({k: _unescape(v) for k, v in fields.items()})
    return out


def _libical_time(value: str) -> tuple[str, str | None, bool]:
    """'DATE:20260401' or 'Asia/Shanghai:20260424T063000Z:1' -> (iso, tzid, zone from file)."""
    if value.startswith("DATE:"):
        d = value[5:]
        return f"{d[:4]}-{d[4:6]}-{d[6:]}", None, True
    tzid, stamp, in_file = value.rsplit(":", 2)
    iso = f"{stamp[:4]}-{stamp[4:6]}-{stamp[6:8]}T{stamp[9:11]}:{stamp[11:13]}:{stamp[13:15]}Z"
    return iso, tzid, in_file == "1"


def test_libical_reads_every_feed(out: Out, libical: Path) -> None:
    expected = out.expected_utc()
    report = run_libical(libical, out.feeds())
    assert len(report) == len(out.feeds())
    for path, feed in report.items():
        assert feed["errors"] == [], path
        assert feed["kind"] == "VCALENDAR"
        for event in feed["events"]:
            start, tz_start, in_file_start = _libical_time(event["start"])
            end, tz_end, in_file_end = _libical_time(event["end"])
            if tz_start is not None:
                assert tz_start == tz_end == "Asia/Shanghai", (path, event)
                assert in_file_start and in_file_end  # resolved through the file's VTIMEZONE
            assert (start, end) == expected[event["uid"]], (path, event)
            assert event["attendees"] == "0"


def test_libical_sees_hostile_names_as_text(hostile: Out, libical: Path) -> None:
    feed = run_libical(libical, [hostile.ics / "all.ics"])[str(hostile.ics / "all.ics")]
    got = {e["uid"]: e for e in feed["events"]}
    assert len(got) == len(hostile.expected_utc())
    occ = next(o for o in hostile.plan.occurrences if o.co_host == "hy")
    assert EVIL_NAME.replace("\r\n", "\n") in got[occurrence_uid(occ, SPACE)]["description"]
    host_xc = next(o for o in hostile.plan.occurrences if o.host == "xc")
    assert LONG_NAME in got[occurrence_uid(host_xc, SPACE)]["summary"]


# ---- stability --------------------------------------------------------------------------------


def test_moving_one_event_keeps_every_uid_and_changes_only_that_event(
    plain: Out, tmp_path: Path
) -> None:
    moved_id = "theme-day.2026-05"
    occurrences = tuple(
        dataclasses.replace(o, date=date(2026, 5, 28), start=time(9, 0), end=time(11, 0))
        if o.id == moved_id else o
        for o in plain.plan.occurrences
    )
    again = export_to(tmp_path / "out", dataclasses.replace(plain.plan, occurrences=occurrences),
                      plain.problem)
    before = events(read(plain.ics / "all.ics"))
    after = events(read(again / "ics" / "all.ics"))
    assert set(before) == set(after)
    changed = {uid for uid in before if before[uid].to_ical() != after[uid].to_ical()}
    moved = next(o for o in occurrences if o.id == moved_id)
    # the event itself, and the term whose description lists the term's hosting dates
    theme_term = next(t for t in plain.plan.terms if t.series == "theme-day")
    assert changed == {occurrence_uid(moved, SPACE), term_uid(theme_term, SPACE)}


# ---- versions: SEQUENCE and cancelled.ics -----------------------------------------------------


MOVED = "theme-day.2026-05"


@pytest.fixture(scope="module")
def versions(tmp_path_factory: pytest.TempPathFactory) -> tuple[Out, Out]:
    """Version 1 of the tiny plan, and version 2: one occurrence moved, the visit and the
    theme day's executive term dropped (revise carries them as cancelled)."""
    p = tiny_problem()
    first = revise(tiny_plan(p), None)
    occurrences = tuple(
        dataclasses.replace(o, date=date(2026, 5, 28)) if o.id == MOVED else o
        for o in first.occurrences
    )
    terms = tuple(t for t in first.terms if t.series != "theme-day")
    second = revise(dataclasses.replace(first, occurrences=occurrences, terms=terms, visits=()),
                    first)
    root = tmp_path_factory.mktemp("versions")
    return (Out(first, p, export_to(root / "v1", first, p)),
            Out(second, p, export_to(root / "v2", second, p)))


def test_every_event_carries_its_revision_as_sequence(
    plain: Out, versions: tuple[Out, Out]
) -> None:
    for path in plain.feeds():  # a plan fresh from the solver: every revision 0
        assert {e["SEQUENCE"] for e in read(path).walk("VEVENT")} <= {0}, path
        assert b"\r\nSEQUENCE:0\r\n" in path.read_bytes() or not read(path).walk("VEVENT")
    first, second = versions
    assert not (first.ics / "cancelled.ics").exists()  # nothing cancelled, no file
    moved = occurrence_uid(next(o for o in second.plan.occurrences if o.id == MOVED), SPACE)
    for path in second.feeds():
        if path.name == "cancelled.ics":
            continue
        for event in read(path).walk("VEVENT"):
            assert event["SEQUENCE"] == (1 if str(event["UID"]) == moved else 0), path


def test_cancelled_events_leave_the_feeds_and_go_to_cancelled_ics(
    versions: tuple[Out, Out],
) -> None:
    first, second = versions
    gone = {key_uid(c.key, SPACE): c for c in second.plan.cancelled}
    assert len(gone) == 2  # the visit and the term
    for path in second.feeds():
        if path.name != "cancelled.ics":
            assert not set(events(read(path))) & set(gone), path
    path = second.ics / "cancelled.ics"
    cal = read(path)
    assert cal["METHOD"] == "CANCEL"
    assert [str(z["TZID"]) for z in cal.walk("VTIMEZONE")] == ["Asia/Shanghai"]
    got = events(cal)
    assert set(got) == set(gone)
    was = first.expected_utc()
    for uid, event in got.items():
        assert event["STATUS"] == "CANCELLED"
        assert event["SEQUENCE"] == gone[uid].sequence == 1
        assert str(event["SUMMARY"]) == gone[uid].summary
        organizer = event["ORGANIZER"]
        assert str(organizer).startswith("urn:uuid:")
        assert organizer.params["CN"] == second.problem.name
        assert "ATTENDEE" not in event
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        if gone[uid].start is None:  # the term: all day, as VALUE=DATE, DTEND exclusive
            assert (start.isoformat(), end.isoformat()) == was[uid]
        else:
            assert (local_utc(start.date(), start.time()), local_utc(end.date(), end.time())) \
                == was[uid]
            assert str(start.tzinfo) == "Asia/Shanghai"
    assert b"DTSTART;VALUE=DATE:20260401\r\n" in path.read_bytes()


def test_icaljs_reads_cancelled_ics(versions: tuple[Out, Out]) -> None:
    node_ready()
    first, second = versions
    (feed,) = run_node("icaljs_check.mjs", str(second.ics / "cancelled.ics"))
    assert feed["errors"] == [] and feed["warnings"] == []
    assert feed["calendar"]["method"] == ["CANCEL"]
    assert feed["calendar"]["timezones"] == ["Asia/Shanghai"]
    was = first.expected_utc()
    assert {e["uid"] for e in feed["events"]} == {key_uid(c.key, SPACE)
                                                  for c in second.plan.cancelled}
    for event in feed["events"]:
        assert (event["start_utc"], event["end_utc"]) == was[event["uid"]]
        assert event["status"] == "CANCELLED" and event["sequence"] == 1
        assert event["organizer"].startswith("urn:uuid:")
        assert event["organizer_cn"] == second.problem.name
        if not event["all_day"]:
            assert event["tzid"] == "Asia/Shanghai"


def test_libical_reads_cancelled_ics(versions: tuple[Out, Out], libical: Path) -> None:
    """libical's RFC 5546 restriction check passes: a CANCEL with an ORGANIZER."""
    first, second = versions
    path = second.ics / "cancelled.ics"
    feed = run_libical(libical, [path])[str(path)]
    assert feed["errors"] == []
    assert feed["kind"] == "VCALENDAR" and feed["method"] == "CANCEL"
    was = first.expected_utc()
    assert len(feed["events"]) == 2
    for event in feed["events"]:
        start, tz_start, in_file = _libical_time(event["start"])
        end, _, _ = _libical_time(event["end"])
        assert (start, end) == was[event["uid"]]
        assert tz_start in (None, "Asia/Shanghai") and in_file
        assert event["status"] == "CANCELLED" and event["sequence"] == "1"
        assert event["organizer"].startswith("urn:uuid:")


def test_libical_and_icaljs_read_the_revised_feeds(
    versions: tuple[Out, Out], libical: Path
) -> None:
    _, second = versions
    moved = occurrence_uid(next(o for o in second.plan.occurrences if o.id == MOVED), SPACE)
    feeds = [p for p in second.feeds() if p.name != "cancelled.ics"]
    for path, feed in run_libical(libical, feeds).items():
        assert feed["errors"] == [], path
        for event in feed["events"]:
            assert event["sequence"] == ("1" if event["uid"] == moved else "0")
    node_ready()
    for feed in run_node("icaljs_check.mjs", *map(str, feeds)):
        assert feed["errors"] == [] and feed["warnings"] == [], feed["path"]
        for event in feed["events"]:
            assert event["sequence"] == (1 if event["uid"] == moved else 0)


# ---- how the feeds are assembled --------------------------------------------------------------


def test_feeds_are_the_bytes_of_each_calendar_serialised_whole(
    plain: Out, hostile: Out, versions: tuple[Out, Out], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each event is serialised once and every feed is put together from those bytes: they
    must be the bytes icalendar writes for the feed's whole calendar (the way taken, should
    a feed ever need a zone besides the scenario's)."""
    second = versions[1]
    cases = [(plain.plan, plain.problem, "zh"), (hostile.plan, hostile.problem, "en"),
             (second.plan, second.problem, "zh")]
    assembled = [ics.calendars(*case) for case in cases]
    assert "cancelled.ics" in assembled[2]
    built = ics._Builder.__init__

    def whole(self: ics._Builder, view: View) -> None:
        built(self, view)
        assert self.one_zone  # the scenario's zone is the only one any event names
        self.one_zone = False

    monkeypatch.setattr(ics._Builder, "__init__", whole)
    assert [ics.calendars(*case) for case in cases] == assembled
