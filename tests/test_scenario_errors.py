"""Every kind of scenario error: its code, where it is (file and field path) and what it says
in Chinese and in English; and that all problems of a file are reported at once."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time
from pathlib import Path
from typing import Any

import pytest

from rotasched.scenario import Issue, ScenarioError, load_scenario
from rotasched.scenario.fields import Hours

Mutation = Callable[[dict[str, Any]], object]


def _set(section: str, index: int, **values: Any) -> Mutation:
    return lambda d: d[section][index].update(values)


def _set_room(**values: Any) -> Mutation:
    return lambda d: d["centres"][0]["rooms"][0].update(values)


def _both_park_orgs_blacked_out(d: dict[str, Any]) -> None:
    for org in d["organisations"][:2]:
        org["blackout"] = ["2026-03-20..2026-07-10"]


def _pool_empty_by_weekdays(d: dict[str, Any]) -> None:
    d["organisations"][0]["blackout"] = [{"start": "2026-04-01", "end": "2026-06-30"}]
    d["organisations"][1]["weekdays"] = []


def _same_secretary_two_names(d: dict[str, Any]) -> None:
    d["organisations"][0]["secretary"]["id"] = "sec-1"
    d["organisations"][1]["secretary"]["id"] = "sec-1"


# (case id, mutation, code, field path, en, zh)
STRUCTURE: list[tuple[str, Mutation, str, str, str, str]] = [
    (
        "unknown key",
        _set("organisations", 0, 颜色="红"),
        "extra_forbidden",
        "organisations[0].颜色",
        "unknown field (check the spelling)",
        "未知字段（请检查拼写）",
    ),
    (
        "unknown key in meta",
        lambda d: d["meta"].update(timezon="Asia/Shanghai"),
        "extra_forbidden",
        "meta.timezon",
        "unknown field (check the spelling)",
        "未知字段（请检查拼写）",
    ),
    (
        "text for a number",
        _set("organisations", 0, members="很多"),
        "int_parsing",
        "organisations[0].members",
        "must be a whole number, got '很多'",
        "必须是整数，实际为 '很多'",
    ),
    (
        "text for a date",
        lambda d: d["meta"].update(start="明天"),
        "date_from_datetime_parsing",
        "meta.start",
        "must be a date like 2026-03-01, got '明天'",
        "必须是形如 2026-03-01 的日期，实际为 '明天'",
    ),
    (
        "negative capacity",
        _set_room(capacity=-5),
        "greater_than",
        "centres[0].rooms[0].capacity",
        "must be greater than 0, got -5",
        "必须大于 0，实际为 -5",
    ),
    (
        "text for a flag",
        _set("series", 0, flexible="也许"),
        "bool_parsing",
        "series[0].flexible",
        "must be true or false, got '也许'",
        "必须是 true 或 false，实际为 '也许'",
    ),
    (
        "a number for a list",
        lambda d: d["centres"][0].update(rooms=5),
        "list_type",
        "centres[0].rooms",
        "must be a list, got 5",
        "必须是列表，实际为 5",
    ),
    (
        "a mapping for a list cell",
        _set("organisations", 1, groups={"park": 1}),
        "list_type",
        "organisations[1].groups",
        "must be a list, got \"{'park': 1}\"",
        "必须是列表，实际为 \"{'park': 1}\"",
    ),
    (
        "text for a section",
        lambda d: d.update(meta="今天"),
        "model_type",
        "meta",
        "must be a mapping of fields, got '今天'",
        "必须是字段映射，实际为 '今天'",
    ),
    (
        "id with a space",
        _set("organisations", 0, id="星辰 科技"),
        "string_pattern_mismatch",
        "organisations[0].id",
        "must not contain “/”, spaces or control characters, got '星辰 科技'",
        "不能包含“/”、空格或控制字符，实际为 '星辰 科技'",
    ),
    (
        "empty name",
        _set("organisations", 2, name=""),
        "string_too_short",
        "organisations[2].name",
        "must not be empty",
        "不能为空",
    ),
    (
        "missing name",
        lambda d: d["organisations"][2].pop("name"),
        "missing",
        "organisations[2].name",
        "is required but missing",
        "缺少必填项",
    ),
    (
        "centre without rooms",
        lambda d: d["centres"][0].update(rooms=[]),
        "too_short",
        "centres[0].rooms",
        "needs at least 1 item(s)",
        "至少需要 1 项",
    ),
    (
        "unknown activity type",
        _set("series", 0, type="座谈会"),
        "literal_error",
        "series[0].type",
        "must be one of 'theme_day', 'joint_lecture', 'joint_meeting', 'volunteer', "
        "'training' or 'other', got '座谈会'",
        "必须是 'theme_day', 'joint_lecture', 'joint_meeting', 'volunteer', "
        "'training' or 'other' 之一，实际为 '座谈会'",
    ),
    (
        "unknown time zone",
        lambda d: d["meta"].update(timezone="Asia/Beijing"),
        "bad_timezone",
        "meta.timezone",
        "unknown time zone 'Asia/Beijing'",
        "未知时区 'Asia/Beijing'",
    ),
    (
        "bad day rule",
        _set("series", 0, day="每月最后一天"),
        "bad_day_rule",
        "series[0].day",
        "must be a day rule such as any-workday, first-fri, last-workday, day-15; "
        "got '每月最后一天'",
        "必须是日期规则，如 any-workday、first-fri、last-workday、day-15；实际为 '每月最后一天'",
    ),
    (
        "bad cadence",
        _set("series", 0, cadence="每月"),
        "bad_cadence",
        "series[0].cadence",
        "must be monthly, quarterly, yearly, every-N-weeks or a list of dates; got '每月'",
        "必须是 monthly、quarterly、yearly、every-N-weeks 或日期列表；实际为 '每月'",
    ),
    (
        "bad duration",
        _set("series", 0, duration="两小时"),
        "bad_duration",
        "series[0].duration",
        "must be minutes (90) or a duration like 2h or 1h30m, got '两小时'",
        "必须是分钟数（如 90）或形如 2h、1h30m 的时长，实际为 '两小时'",
    ),
    (
        "duration in non-ASCII digits",
        _set("series", 0, duration="²"),
        "bad_duration",
        "series[0].duration",
        "must be minutes (90) or a duration like 2h or 1h30m, got '²'",
        "必须是分钟数（如 90）或形如 2h、1h30m 的时长，实际为 '²'",
    ),
    (
        "bad weekday",
        _set("organisations", 0, weekdays=["周一", "礼拜八"]),
        "bad_weekday",
        "organisations[0].weekdays[1]",
        "must be a weekday (1-7, mon-sun or 周一-周日), got '礼拜八'",
        "必须是星期几（1-7、mon-sun 或 周一-周日），实际为 '礼拜八'",
    ),
    (
        "bad opening hours",
        lambda d: d["centres"][0].update(hours="全天"),
        "bad_hours",
        "centres[0].hours",
        "must be opening hours like 08:30-17:30, got '全天'",
        "必须是形如 08:30-17:30 的开放时段，实际为 '全天'",
    ),
    (
        "opening hours past midnight",
        lambda d: d["centres"][0].update(hours="08:00-25:00"),
        "bad_hours",
        "centres[0].hours",
        "must be opening hours like 08:30-17:30, got '08:00-25:00'",
        "必须是形如 08:30-17:30 的开放时段，实际为 '08:00-25:00'",
    ),
    (
        "bad blackout",
        _set("organisations", 1, blackout=["五一假期"]),
        "bad_span",
        "organisations[1].blackout[0]",
        "must be a date, “start..end”, or a mapping with start and end; got '五一假期'",
        "必须是日期、“开始..结束”或含 start 与 end 的映射，实际为 '五一假期'",
    ),
    (
        "horizon ends before it starts",
        lambda d: d["meta"].update(start="2026-06-30", end="2026-04-01"),
        "end_before_start",
        "meta",
        "ends (2026-04-01) before it starts (2026-06-30)",
        "结束日期（2026-04-01）早于开始日期（2026-06-30）",
    ),
    (
        "blackout ends before it starts",
        _set(
            "organisations",
            1,
            blackout=["2026-04-03", {"start": "2026-05-10", "end": "2026-05-01", "reason": "换届"}],
        ),
        "end_before_start",
        "organisations[1].blackout[1]",
        "ends (2026-05-01) before it starts (2026-05-10)",
        "结束日期（2026-05-01）早于开始日期（2026-05-10）",
    ),
    (
        "blackout written start..end, reversed",
        _set("organisations", 1, blackout=["2026-05-10..2026-05-01"]),
        "end_before_start",
        "organisations[1].blackout[0]",
        "ends (2026-05-01) before it starts (2026-05-10)",
        "结束日期（2026-05-01）早于开始日期（2026-05-10）",
    ),
    (
        "calendar closure reversed",
        lambda d: d.update(calendar={"closures": ["2026-05-10..2026-05-01"]}),
        "end_before_start",
        "calendar.closures[0]",
        "ends (2026-05-01) before it starts (2026-05-10)",
        "结束日期（2026-05-01）早于开始日期（2026-05-10）",
    ),
]

CROSS: list[tuple[str, Mutation, str, str, str, str]] = [
    (
        "twinning names an unknown organisation",
        _set("twinning", 0, helpers=["不存在的单位"]),
        "unknown_ref",
        "twinning[0].helpers[0]",
        "refers to unknown organisation “不存在的单位”",
        "引用了不存在的单位“不存在的单位”",
    ),
    (
        "series names an unknown group",
        _set("series", 0, participants={"groups": ["park", "东湖园区"]}),
        "unknown_ref",
        "series[0].participants.groups[1]",
        "refers to unknown group “东湖园区”",
        "引用了不存在的组织/园区“东湖园区”",
    ),
    (
        "organisation in an unknown group",
        _set("organisations", 2, groups=["东湖园区"]),
        "unknown_ref",
        "organisations[2].groups[0]",
        "refers to unknown group “东湖园区”",
        "引用了不存在的组织/园区“东湖园区”",
    ),
    (
        "history names an unknown series",
        lambda d: d.update(
            history={"hosts": [{"series": "党课", "date": "2026-03-27", "host": "xc"}]}
        ),
        "unknown_ref",
        "history.hosts[0].series",
        "refers to unknown series “党课”",
        "引用了不存在的活动“党课”",
    ),
    (
        "travel to an unknown place",
        lambda d: d.update(travel=[{"from": "xc", "to": "市民之家", "minutes": 20}]),
        "unknown_ref",
        "travel[0].to",
        "refers to unknown centre “市民之家”",
        "引用了不存在的活动中心“市民之家”",
    ),
    (
        "closure of an unknown room",
        lambda d: d["centres"][0].update(
            closures=[{"start": "2026-05-18", "end": "2026-05-20", "rooms": ["B"]}]
        ),
        "unknown_ref",
        "centres[0].closures[0].rooms[0]",
        "refers to unknown room “B”",
        "引用了不存在的场地“B”",
    ),
    (
        "duplicate organisation id",
        _set("organisations", 1, id="xc"),
        "duplicate_id",
        "organisations[1].id",
        "duplicate id “xc” (first used at organisations[0].id)",
        "编号“xc”重复（首次出现于 organisations[0].id）",
    ),
    (
        "duplicate room id",
        lambda d: d["centres"][0]["rooms"].append({"id": "A", "capacity": 10}),
        "duplicate_id",
        "centres[0].rooms[1].id",
        "duplicate id “A” (first used at centres[0].rooms[0].id)",
        "编号“A”重复（首次出现于 centres[0].rooms[0].id）",
    ),
    (
        "room need bigger than every room",
        _set("series", 0, room={"capacity": 500}),
        "room_too_small",
        "series[0].room",
        "needs a room for 500 people but the largest suitable room holds 40",
        "需要容纳 500 人的场地，但最大的合适场地只能容纳 40 人",
    ),
    (
        "attendance bigger than every room",
        _set("series", 0, attendance=120),
        "room_too_small",
        "series[0].room",
        "needs a room for 120 people but the largest suitable room holds 40",
        "需要容纳 120 人的场地，但最大的合适场地只能容纳 40 人",
    ),
    (
        "equipment no room has",
        _set("series", 0, room={"equipment": ["投影仪", "音响"]}),
        "equipment_nowhere",
        "series[0].room.equipment",
        "needs equipment 投影仪、音响 that no room with 30 seats has",
        "需要的设备 投影仪、音响 在任何可容纳 30 人的场地中都没有",
    ),
    (
        "no fitting room open at the series' hours",
        _set("series", 0, start="18:00"),
        "room_hours",
        "series[0].start",
        "no room that fits is open from 18:00 to 20:00; change the start time or the duration",
        "没有合适的场地在 18:00 至 20:00 开放；请调整开始时间或时长",
    ),
    (
        "host pool empty after blackouts",
        _both_park_orgs_blacked_out,
        "pool_empty",
        "series[0].participants",
        "no organisation in the host pool is available on any day of the horizon "
        "(blackouts and weekday limits)",
        "承办单位范围内没有任何单位在计划期内有空（已排除不可用日期和星期限制）",
    ),
    (
        "host pool empty after blackouts and weekdays",
        _pool_empty_by_weekdays,
        "pool_empty",
        "series[0].participants",
        "no organisation in the host pool is available on any day of the horizon "
        "(blackouts and weekday limits)",
        "承办单位范围内没有任何单位在计划期内有空（已排除不可用日期和星期限制）",
    ),
    (
        "named host pool empty after blackouts",
        lambda d: (
            d["series"][0].update(hosts={"orgs": ["hy"]}),
            d["organisations"][1].update(blackout=["2026-04-01..2026-06-30"]),
        ),
        "pool_empty",
        "series[0].hosts",
        "no organisation in the host pool is available on any day of the horizon "
        "(blackouts and weekday limits)",
        "承办单位范围内没有任何单位在计划期内有空（已排除不可用日期和星期限制）",
    ),
    (
        "host pool with no members",
        _set("series", 0, hosts={"orgs": []}),
        "pool_no_members",
        "series[0].hosts",
        "the host pool is empty",
        "承办单位范围为空",
    ),
    (
        "series without participants",
        _set("series", 0, participants={"groups": []}),
        "no_participants",
        "series[0].participants",
        "the series has no participants",
        "该活动没有参加单位",
    ),
    (
        "one_to_one with two helpers",
        _set("twinning", 0, helpers=["xc", "hy"]),
        "form_sides",
        "twinning[0].form",
        "form one_to_one needs one helping and one helped organisation; "
        "got 2 helping and 1 helped organisation(s)",
        "结对形式 one_to_one 需要帮扶方 1 个、受帮扶方 1 个；实际帮扶方 2 个、受帮扶方 1 个",
    ),
    (
        "organisation on both sides",
        _set("twinning", 0, form="many_to_one", helpers=["xc", "taoyuan"]),
        "org_both_sides",
        "twinning[0].helped",
        "organisation “taoyuan” is on both sides of the pair",
        "单位“taoyuan”同时出现在结对的两方",
    ),
    (
        "one secretary id, two names",
        _same_secretary_two_names,
        "person_conflict",
        "organisations[1].secretary.name",
        "secretary id “sec-1” is named both “王建国” and “李秀英”",
        "书记编号“sec-1”对应了两个不同的姓名：“王建国”和“李秀英”",
    ),
    (
        "strong-weak pair outside the host pool",
        _set("series", 0, strong_weak=[{"strong": "xc", "weak": "taoyuan"}]),
        "host_not_in_pool",
        "series[0].strong_weak[0].weak",
        "“taoyuan” is not in the host pool of series “theme-day”",
        "“taoyuan”不在活动“theme-day”的承办单位范围内",
    ),
    (
        "visit hosted outside the pair",
        lambda d: d.update(
            history={"visits": [{"pair": "pair-1", "date": "2026-03-12", "host": "hy"}]}
        ),
        "pair_host_not_in_pair",
        "history.visits[0].host",
        "“hy” is not a member of pair “pair-1”",
        "“hy”不是结对“pair-1”的成员",
    ),
    (
        "supplied day in the wrong year",
        lambda d: d.update(calendar={"years": {2027: {"workdays": ["2028-02-05"]}}}),
        "calendar_day_year",
        "calendar.years[2027].workdays[0]",
        "2028-02-05 does not belong to year 2027",
        "2028-02-05 不属于 2027 年",
    ),
    (
        "supplied day both holiday and workday",
        lambda d: d.update(
            calendar={"years": {2027: {"holidays": ["2027-01-01"], "workdays": ["2027-01-01"]}}}
        ),
        "calendar_day_both",
        "calendar.years[2027].workdays[0]",
        "2027-01-01 is listed both as a holiday and as a working day",
        "2027-01-01 同时被列为节假日和上班日",
    ),
]

# Values well-typed but beyond what the calendar allows (rotasched.scenario.limits says why).
BOUNDS: list[tuple[str, Mutation, str, str, str, str]] = [
    (
        "horizon to the end of the calendar",
        lambda d: d["meta"].update(end="9999-12-31"),
        "horizon_too_long",
        "meta.end",
        "the horizon 2026-04-01..9999-12-31 is longer than 5 years, the most planned at once: "
        "it may end on 2031-03-31 at the latest",
        "计划期 2026-04-01 至 9999-12-31 超过 5 年：一次最多排 5 年，即最晚到 2031-03-31",
    ),
    (
        "horizon one day longer than five years",
        lambda d: d["meta"].update(start="2026-01-01", end="2031-01-01"),
        "horizon_too_long",
        "meta.end",
        "the horizon 2026-01-01..2031-01-01 is longer than 5 years, the most planned at once: "
        "it may end on 2030-12-31 at the latest",
        "计划期 2026-01-01 至 2031-01-01 超过 5 年：一次最多排 5 年，即最晚到 2030-12-31",
    ),
    (
        "horizon before pandas' dates",
        lambda d: d["meta"].update(start="1677-12-01", end="1678-01-31"),
        "year_out_of_range",
        "meta.start",
        "1677-12-01 is outside the years that can be planned (1678 to 2261)",
        "1677-12-01 超出可排期的年份范围（1678 至 2261 年）",
    ),
    (
        "horizon before chinesecalendar, not supplied",
        lambda d: d["meta"].update(start="2003-10-01", end="2004-03-31"),
        "horizon_before_calendar",
        "meta.start",
        "the horizon starts on 2003-10-01, before 2004, the first year chinesecalendar covers; "
        "supply that year's holidays and 调休 workdays under calendar.years.2003",
        "计划期从 2003-10-01 开始，早于 chinesecalendar 收录的第一年（2004 年）；"
        "请在 calendar.years.2003 中填写当年的节假日和调休上班日",
    ),
    (
        "horizon after the provisional calendar, not supplied",
        lambda d: (
            d["meta"].update(start="2100-10-01", end="2101-03-31"),
            d.update(calendar={"provisional": True}),
        ),
        "horizon_after_calendar",
        "meta.end",
        "the horizon ends on 2101-03-31, after 2100, the last year the provisional calendar "
        "computes holidays for; supply that year's holidays and 调休 workdays under "
        "calendar.years.2101",
        "计划期到 2101-03-31 结束，晚于 2100 年：临时日历只能推算到 2100 年的节假日；"
        "请在 calendar.years.2101 中填写当年的节假日和调休上班日",
    ),
    (
        "supplied year past pandas' dates",
        lambda d: d.update(calendar={"years": {2262: {"holidays": ["2262-01-01"]}}}),
        "year_out_of_range",
        "calendar.years",
        "2262 is outside the years that can be planned (1678 to 2261)",
        "2262 超出可排期的年份范围（1678 至 2261 年）",
    ),
    (
        "blackout for ever",
        _set("organisations", 1, blackout=["2026-05-01", "2026-07-01..2099-12-31"]),
        "span_too_long",
        "organisations[1].blackout[1]",
        "the span 2026-07-01..2099-12-31 is longer than 5 years, the longest horizon",
        "时间段 2026-07-01 至 2099-12-31 超过 5 年（计划期的最长期限）",
    ),
    (
        "centre closure from the first to the last day",
        lambda d: d["centres"][0].update(closures=[{"start": "0001-01-01", "end": "9999-12-31"}]),
        "span_too_long",
        "centres[0].closures[0]",
        "the span 0001-01-01..9999-12-31 is longer than 5 years, the longest horizon",
        "时间段 0001-01-01 至 9999-12-31 超过 5 年（计划期的最长期限）",
    ),
    (
        "duration over a day",
        _set("series", 0, duration="25h"),
        "duration_too_long",
        "series[0].duration",
        "must last at most a day (1440 minutes), got '25h'",
        "时长不能超过一天（1440 分钟），实际为 '25h'",
    ),
    (
        "duration of a billion minutes",
        _set("twinning", 0, duration=10**9),
        "duration_too_long",
        "twinning[0].duration",
        "must last at most a day (1440 minutes), got 1000000000",
        "时长不能超过一天（1440 分钟），实际为 1000000000",
    ),
    (
        "series ending after midnight",
        _set("series", 0, start="23:00"),
        "ends_next_day",
        "series[0].duration",
        "starting at 23:00 and lasting 120 minutes, it would end on the next day; "
        "an activity must end before midnight",
        "从 23:00 开始、持续 120 分钟，会到次日才结束；活动必须在当天 24:00 前结束",
    ),
    (
        "visit with its default duration ending at midnight",
        _set("twinning", 0, start="21:00"),
        "ends_next_day",
        "twinning[0].duration",
        "starting at 21:00 and lasting 180 minutes, it would end on the next day; "
        "an activity must end before midnight",
        "从 21:00 开始、持续 180 分钟，会到次日才结束；活动必须在当天 24:00 前结束",
    ),
    (
        "every 53 weeks",
        _set("series", 0, cadence="every-53-weeks"),
        "bad_weeks",
        "series[0].cadence",
        "N in every-N-weeks must be 1 to 52, got 53",
        "every-N-weeks 中的 N 必须是 1 到 52，实际为 53",
    ),
    (
        "every 0 weeks, as a mapping",
        _set("series", 0, cadence={"kind": "weeks", "weeks": 0}),
        "bad_weeks",
        "series[0].cadence.weeks",
        "N in every-N-weeks must be 1 to 52, got 0",
        "every-N-weeks 中的 N 必须是 1 到 52，实际为 0",
    ),
    (
        "weeks cadence as a mapping without its number",
        _set("series", 0, cadence={"kind": "weeks"}),
        "bad_weeks",
        "series[0].cadence.weeks",
        "N in every-N-weeks must be 1 to 52, got 0",
        "every-N-weeks 中的 N 必须是 1 到 52，实际为 0",
    ),
    (
        "day 0 of the month, as a mapping",
        _set("series", 0, day={"kind": "fixed", "n": 0}),
        "bad_day_of_month",
        "series[0].day.n",
        "the day of the month must be 1 to 31, got 0",
        "每月第几日必须是 1 到 31，实际为 0",
    ),
    (
        "weekday 9, as a mapping",
        _set("series", 0, day={"kind": "nth", "n": 1, "weekday": 9}),
        "bad_weekday",
        "series[0].day.weekday",
        "must be a weekday (1-7, mon-sun or 周一-周日), got 9",
        "必须是星期几（1-7、mon-sun 或 周一-周日），实际为 9",
    ),
    (
        "third-from-last friday, as a mapping",
        _set("series", 0, day={"kind": "nth", "n": -3, "weekday": "周五"}),
        "bad_ordinal",
        "series[0].day.n",
        "must be 1 to 4 (first to fourth) or -1 (last), got -3",
        "第几个必须是 1 到 4（第一至第四）或 -1（最后一个），实际为 -3",
    ),
    (
        "n-th working day without n, as a mapping",
        _set("series", 0, day={"kind": "nth_workday"}),
        "bad_ordinal",
        "series[0].day.n",
        "must be 1 to 4 (first to fourth) or -1 (last), got 0",
        "第几个必须是 1 到 4（第一至第四）或 -1（最后一个），实际为 0",
    ),
    (
        "a billion members",
        _set("organisations", 0, members=10**9),
        "less_than_equal",
        "organisations[0].members",
        "must be at most 100000, got 1000000000",
        "不能大于 100000，实际为 1000000000",
    ),
    (
        "room of a million seats",
        _set_room(capacity=10**6),
        "less_than_equal",
        "centres[0].rooms[0].capacity",
        "must be at most 100000, got 1000000",
        "不能大于 100000，实际为 1000000",
    ),
    (
        "own room of a million seats",
        _set("organisations", 2, room={"capacity": 10**6}),
        "less_than_equal",
        "organisations[2].room.capacity",
        "must be at most 100000, got 1000000",
        "不能大于 100000，实际为 1000000",
    ),
    (
        "room need of a million seats",
        _set("series", 0, room={"capacity": 10**6}),
        "less_than_equal",
        "series[0].room.capacity",
        "must be at most 100000, got 1000000",
        "不能大于 100000，实际为 1000000",
    ),
    (
        "attendance of a million",
        _set("series", 0, attendance=10**6),
        "less_than_equal",
        "series[0].attendance",
        "must be at most 100000, got 1000000",
        "不能大于 100000，实际为 1000000",
    ),
    (
        "a million delegates per organisation",
        _set("series", 0, delegates_per_org=10**6),
        "less_than_equal",
        "series[0].delegates_per_org",
        "must be at most 100000, got 1000000",
        "不能大于 100000，实际为 1000000",
    ),
    (
        "a delegation of a million",
        _set("twinning", 0, delegation=10**6),
        "less_than_equal",
        "twinning[0].delegation",
        "must be at most 100000, got 1000000",
        "不能大于 100000，实际为 1000000",
    ),
    (
        "travel longer than a day",
        lambda d: d.update(travel=[{"from": "xc", "to": "station", "minutes": 1441}]),
        "less_than_equal",
        "travel[0].minutes",
        "must be at most 1440, got 1441",
        "不能大于 1440，实际为 1441",
    ),
    (
        "a weight of a billion",
        lambda d: d.update(weights={"travel": 10**9}),
        "less_than_equal",
        "weights.travel",
        "must be at most 1000000, got 1000000000",
        "不能大于 1000000，实际为 1000000000",
    ),
    (
        "a billion visits per quarter",
        _set("twinning", 0, visits=10**9),
        "visits_over_weekdays",
        "twinning[0].visits",
        "at most 65 visits per quarter: no quarter of the horizon has more than 65 weekdays "
        "(Monday to Friday); got 1000000000",
        "每季度的互访次数不能超过 65：计划期内每季度至多有 65 个工作日（周一至周五）；"
        "实际为 1000000000",
    ),
    (
        "more visits per month than April-June 2026 has weekdays",
        _set("twinning", 0, visits=23, per="month", min_gap_days=0),
        "visits_over_weekdays",
        "twinning[0].visits",
        "at most 22 visits per month: no month of the horizon has more than 22 weekdays "
        "(Monday to Friday); got 23",
        "每月的互访次数不能超过 22：计划期内每月至多有 22 个工作日（周一至周五）；实际为 23",
    ),
    (
        "a gap of a million days",
        _set("twinning", 0, min_gap_days=10**6),
        "gap_too_long",
        "twinning[0].min_gap_days",
        "must be at most 1827 days, the longest horizon; got 1000000",
        "两次互访的最小间隔不能超过最长的计划期（1827 天），实际为 1000000",
    ),
    (
        "explicit date outside the horizon",
        _set("series", 0, cadence=["2026-04-10", "2026-09-10"]),
        "date_outside_horizon",
        "series[0].cadence[1]",
        "2026-09-10 is outside the horizon 2026-04-01..2026-06-30",
        "2026-09-10 不在计划期 2026-04-01 至 2026-06-30 内",
    ),
    (
        "explicit date twice",
        _set("series", 0, cadence=["2026-04-10", "2026-05-12", "2026-04-10"]),
        "duplicate_date",
        "series[0].cadence[2]",
        "2026-04-10 is listed twice (first at series[0].cadence[0])",
        "日期 2026-04-10 重复（首次出现于 series[0].cadence[0]）",
    ),
]



@pytest.mark.parametrize(
    ("mutate", "code", "where", "en", "zh"),
    [pytest.param(*case[1:], id=case[0]) for case in STRUCTURE + CROSS + BOUNDS],
)
def test_each_error_names_file_path_and_says_it_in_zh_and_en(
    minimal: dict[str, Any],
    write_scenario: Callable[..., Path],
    expect_problem: Callable[..., Issue],
    mutate: Mutation,
    code: str,
    where: str,
    en: str,
    zh: str,
) -> None:
    mutate(minimal)
    path = write_scenario(minimal)
    expect_problem(path, code, where=where, en=en, zh=zh)


# --- the valid scenario and what it reads -----------------------------------------------------


def test_minimal_scenario_is_valid_and_keeps_chinese_text(
    minimal: dict[str, Any], write_scenario: Callable[..., Path]
) -> None:
    path = write_scenario(minimal)
    assert "武汉星辰科技有限公司" in path.read_text(encoding="utf-8")  # not \u-escaped
    s = load_scenario(path)
    assert s.meta.name == "光谷园区 2026 年第二季度"
    names = ["武汉星辰科技有限公司", "华远光电股份有限公司", "桃源村"]
    assert [o.name for o in s.organisations] == names
    assert [o.secretary.name for o in s.organisations] == ["王建国", "李秀英", "赵德明"]
    assert s.groups[0].name == "光谷小微企业园联合党支部"
    assert s.twinning[0].name == "星辰科技—桃源村"
    assert s.centres[0].rooms[0].equipment == ["投影仪"]
    # Chinese names of choices are accepted and stored under their key.
    assert s.groups[0].kind == "park"
    assert [o.kind for o in s.organisations] == ["enterprise", "enterprise", "village"]
    assert s.series[0].type == "theme_day"
    assert s.source == str(path)


def test_yaml_with_bom_and_chinese_keys_and_values(tmp_path: Path) -> None:
    text = (
        "meta: {name: 黄金口园区, start: 2026-04-01, end: 2026-04-30}\n"
        "organisations:\n"
        "  - id: 黄金口-01\n"
        "    name: 武汉黄金口物流公司\n"
        "    secretary: {name: 陈静, contact: 13800000000}\n"
        "    weekdays: 周一、周三；周五\n"
        "    blackout: [2026-04-10..2026-04-12]\n"
    )
    path = tmp_path / "黄金口.yaml"
    path.write_bytes(text.encode("utf-8-sig"))
    s = load_scenario(path)
    org = s.organisations[0]
    assert (org.id, org.name, org.secretary.name) == ("黄金口-01", "武汉黄金口物流公司", "陈静")
    assert org.secretary.contact == "13800000000"  # a bare number in YAML is still text
    assert org.weekdays == [1, 3, 5]
    assert org.blackout[0].days() == [date(2026, 4, 10), date(2026, 4, 11), date(2026, 4, 12)]


def test_field_forms_people_type(
    minimal: dict[str, Any], write_scenario: Callable[..., Path]
) -> None:
    minimal["series"][0].update(start="09:00", duration="1h30m", day="first-周五")
    minimal["centres"][0]["hours"] = "08:00～18:00"
    minimal["organisations"][0]["weekdays"] = ["mon", "星期二", 3, "4"]
    s = load_scenario(write_scenario(minimal))
    assert s.series[0].start == time(9, 0)
    assert s.series[0].duration == 90
    assert (s.series[0].day.kind, s.series[0].day.n, s.series[0].day.weekday) == ("nth", 1, 5)
    assert s.centres[0].hours == Hours(open=time(8, 0), close=time(18, 0))
    assert s.organisations[0].weekdays == [1, 2, 3, 4]


def test_single_values_where_a_list_is_wanted(
    minimal: dict[str, Any], write_scenario: Callable[..., Path]
) -> None:
    """One date, one weekday number or nothing at all, as YAML or a spreadsheet gives them."""
    minimal["organisations"][0].update(blackout=date(2026, 5, 4), weekdays=3)
    minimal["organisations"][1].update(blackout=None, groups="park")
    minimal["calendar"] = {"years": {2027: {"workdays": date(2027, 2, 20)}}}
    s = load_scenario(write_scenario(minimal))
    xc, hy = s.organisations[:2]
    assert [(b.start, b.end) for b in xc.blackout] == [(date(2026, 5, 4), date(2026, 5, 4))]
    assert xc.weekdays == [3]
    assert (hy.blackout, hy.groups) == ([], ["park"])
    assert s.calendar.years[2027].workdays == [date(2027, 2, 20)]


def test_numbers_where_text_is_wanted(
    minimal: dict[str, Any], write_scenario: Callable[..., Path]
) -> None:
    """Phone numbers and numeric ids typed without quotes are text, not type errors."""
    minimal["organisations"][0]["secretary"]["contact"] = 13800000001
    minimal["centres"][0]["rooms"][0]["id"] = 101
    minimal["groups"][0]["id"] = 7
    minimal["organisations"][0]["groups"] = [7]
    minimal["organisations"][1]["groups"] = 7
    minimal["series"][0]["participants"] = {"groups": [7]}
    s = load_scenario(write_scenario(minimal))
    assert s.organisations[0].secretary.contact == "13800000001"
    assert s.centres[0].rooms[0].id == "101"
    assert s.members_of(s.series[0].participants) == ["xc", "hy"]


def test_defaults_are_parsed_values_not_raw_text(
    minimal: dict[str, Any], write_scenario: Callable[..., Path]
) -> None:
    """Defaults are not validated by pydantic; they must already be the parsed objects."""
    s = load_scenario(write_scenario(minimal))
    assert s.twinning[0].start == time(9, 30)
    assert s.twinning[0].duration == 180
    assert s.centres[0].hours == Hours(open=time(8, 30), close=time(17, 30))
    assert s.centres[0].open_days == [1, 2, 3, 4, 5]
    assert s.organisations[0].weekdays == [1, 2, 3, 4, 5, 6, 7]


# --- warnings: what looks wrong but may be meant -------------------------------------------


def test_two_organisations_of_one_name_load_with_a_warning_naming_both(
    minimal: dict[str, Any], write_scenario: Callable[..., Path]
) -> None:
    minimal["organisations"][1]["name"] = "武汉星辰科技有限公司"  # the name of xc
    minimal["organisations"][2]["name"] = "武汉星辰科技有限公司"
    path = write_scenario(minimal)
    s = load_scenario(path)
    assert [(w.code, w.path, w.params["id"]) for w in s.warnings] == [
        ("same_org_name", "organisations[1].name", "hy"),
        ("same_org_name", "organisations[2].name", "taoyuan"),
    ]
    assert s.warnings[0].render("zh") == (
        f"{path}: organisations[1].name: "
        "单位“hy”与“xc”同名：“武汉星辰科技有限公司”（是否同一单位录入了两次？）"
    )
    assert s.warnings[0].render("en") == (
        f"{path}: organisations[1].name: organisation “hy” has the same name as “xc”: "
        "“武汉星辰科技有限公司” (the same organisation entered twice?)"
    )
    assert s.warnings[1].message("en").startswith("organisation “taoyuan” has the same name")


def test_organisations_of_different_names_give_no_warning(
    minimal: dict[str, Any], write_scenario: Callable[..., Path]
) -> None:
    minimal["organisations"][1]["name"] = "武汉星辰科技有限公司（二厂）"  # alike, not the same
    assert load_scenario(write_scenario(minimal)).warnings == ()


# --- several problems at once ---------------------------------------------------------------


def test_all_structure_errors_in_one_file_are_listed(
    minimal: dict[str, Any],
    write_scenario: Callable[..., Path],
    problems_of: Callable[..., list[Issue]],
) -> None:
    minimal["organisations"][0]["颜色"] = "红"
    minimal["organisations"][1]["members"] = "很多"
    minimal["organisations"][1]["blackout"] = ["2026-05-10..2026-05-01"]
    minimal["series"][0]["duration"] = "两小时"
    minimal["meta"]["end"] = "2026-03-01"
    path = write_scenario(minimal)
    with pytest.raises(ScenarioError) as info:
        load_scenario(path)
    found = {(p.code, p.path) for p in info.value.problems}
    assert found == {
        ("extra_forbidden", "organisations[0].颜色"),
        ("int_parsing", "organisations[1].members"),
        ("end_before_start", "organisations[1].blackout[0]"),
        ("bad_duration", "series[0].duration"),
        ("end_before_start", "meta"),
    }
    text = info.value.render("zh")
    assert text.startswith("场景有 5 处错误：")
    assert len(text.splitlines()) == 6
    for problem in info.value.problems:
        assert f"{path}: {problem.path}: {problem.message('zh')}" in text
    assert info.value.render("en").startswith("the scenario has 5 problem(s):")


def test_all_cross_record_errors_are_listed(
    minimal: dict[str, Any],
    write_scenario: Callable[..., Path],
    problems_of: Callable[..., list[Issue]],
) -> None:
    minimal["organisations"][1]["id"] = "xc"
    minimal["twinning"][0]["helped"] = ["桃园村"]
    minimal["series"][0]["room"] = {"capacity": 200}
    problems = problems_of(write_scenario(minimal))
    assert {(p.code, p.path) for p in problems} == {
        ("duplicate_id", "organisations[1].id"),
        ("unknown_ref", "twinning[0].helped[0]"),
        ("room_too_small", "series[0].room"),
    }


def test_misspelt_section_is_unknown_and_the_real_one_missing(
    minimal: dict[str, Any],
    write_scenario: Callable[..., Path],
    problems_of: Callable[..., list[Issue]],
) -> None:
    minimal["organisation"] = minimal.pop("organisations")
    problems = problems_of(write_scenario(minimal))
    assert {(p.code, p.path) for p in problems} == {
        ("extra_forbidden", "organisation"),
        ("missing", "organisations"),
    }


# --- rooms ----------------------------------------------------------------------------------


def test_own_room_of_a_host_counts_unless_excluded(
    minimal: dict[str, Any],
    write_scenario: Callable[..., Path],
    problems_of: Callable[..., list[Issue]],
) -> None:
    minimal["organisations"][1]["room"] = {"capacity": 60, "equipment": "投影仪；音响"}
    minimal["series"][0]["room"] = {"capacity": 50, "equipment": ["音响"]}
    load_scenario(write_scenario(minimal))  # hy's own room fits
    minimal["series"][0]["room"]["own_room"] = False
    problem = problems_of(write_scenario(minimal))[0]
    assert (problem.code, problem.params) == ("room_too_small", {"need": 50, "largest": 40})


def test_room_of_an_organisation_outside_the_pool_does_not_count(
    minimal: dict[str, Any],
    write_scenario: Callable[..., Path],
    problems_of: Callable[..., list[Issue]],
) -> None:
    minimal["organisations"][2]["room"] = {"capacity": 300}  # 桃源村 is not in the park
    minimal["series"][0]["room"] = {"capacity": 100}
    (problem,) = problems_of(write_scenario(minimal))
    assert (problem.code, problem.path, problem.params["largest"]) == (
        "room_too_small",
        "series[0].room",
        40,
    )


# --- reading the file itself ----------------------------------------------------------------


def test_missing_scenario_file(tmp_path: Path, expect_problem: Callable[..., Issue]) -> None:
    path = tmp_path / "不存在.yaml"
    expect_problem(path, "file_missing", where="", en="file not found", zh="找不到文件")


def test_yaml_syntax_error_names_line_and_column(
    tmp_path: Path, problems_of: Callable[..., list[Issue]]
) -> None:
    path = tmp_path / "坏.yaml"
    path.write_text("meta:\n  name: 园区\n  start: [2026-04-01\norganisations: []\n", "utf-8")
    (problem,) = problems_of(path)
    assert problem.code == "yaml_syntax"
    assert problem.path.startswith("line ") and " column " in problem.path
    assert problem.message("en").startswith("not valid YAML: ")
    assert problem.message("zh").startswith("不是有效的 YAML：")


def test_impossible_yaml_date_is_a_syntax_error(
    tmp_path: Path, problems_of: Callable[..., list[Issue]]
) -> None:
    path = tmp_path / "s.yaml"
    path.write_text("meta: {name: 园区, start: 2026-13-45, end: 2026-12-31}\n", "utf-8")
    (problem,) = problems_of(path)
    assert problem.code == "yaml_syntax"


def test_file_that_is_not_utf8(tmp_path: Path, problems_of: Callable[..., list[Issue]]) -> None:
    path = tmp_path / "gbk.yaml"
    path.write_bytes("meta: {name: 园区}\n".encode("gb18030"))
    (problem,) = problems_of(path)
    assert problem.code == "file_unreadable"
    assert problem.message("en").startswith("cannot read the file: ")
    assert problem.message("zh").startswith("无法读取文件：")


@pytest.mark.parametrize("text", ["- 星辰科技\n- 华远光电\n", "光谷园区\n", "", "42\n"])
def test_top_level_must_be_a_mapping(
    tmp_path: Path, expect_problem: Callable[..., Issue], text: str
) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(text, encoding="utf-8")
    expect_problem(
        path,
        "not_a_mapping",
        where="",
        en="the scenario must be a mapping of sections",
        zh="场景文件的顶层必须是若干键值段落",
    )


# --- language of the report -----------------------------------------------------------------


def test_report_language_follows_meta_locale_unless_asked(
    minimal: dict[str, Any], write_scenario: Callable[..., Path]
) -> None:
    minimal["organisations"][0]["members"] = "很多"
    path = write_scenario(minimal)
    with pytest.raises(ScenarioError) as info:
        load_scenario(path)
    assert info.value.locale == "zh"
    assert "必须是整数" in str(info.value)
    with pytest.raises(ScenarioError) as info:
        load_scenario(path, locale="en")
    assert "must be a whole number" in str(info.value)
    minimal["meta"]["locale"] = "en"
    with pytest.raises(ScenarioError) as info:
        load_scenario(write_scenario(minimal))
    assert info.value.locale == "en"
    assert str(info.value).startswith("the scenario has 1 problem(s):")


def test_unknown_code_falls_back_to_pydantic_text() -> None:
    issue = Issue("s.yaml", "meta.name", "some_new_pydantic_type", {}, "Some text")
    assert issue.message("en") == "Some text"
    assert issue.message("zh") == "取值无效：Some text"


# --- robustness at the edges ----------------------------------------------------------------


def test_horizon_in_the_year_9999_is_refused_before_anything_walks_it(
    minimal: dict[str, Any],
    write_scenario: Callable[..., Path],
    problems_of: Callable[..., list[Issue]],
) -> None:
    """Such a horizon used to be walked day by day up to date.max; its years are out of range."""
    minimal["meta"].update(start="9999-12-01", end="9999-12-31")
    problems = problems_of(write_scenario(minimal))
    assert [(p.code, p.path) for p in problems] == [
        ("year_out_of_range", "meta.start"),
        ("year_out_of_range", "meta.end"),
    ]


@pytest.mark.parametrize("provisional", [False, True])
def test_horizon_far_too_long_is_said_once(
    minimal: dict[str, Any],
    write_scenario: Callable[..., Path],
    provisional: bool,
) -> None:
    """To 9999-12-31 it used to give one line per year the calendar lacked (7,974 of them), or,
    provisional, to validate and then fail to plan on "year 10000 is out of range"."""
    minimal["meta"]["end"] = "9999-12-31"
    minimal["calendar"] = {"provisional": provisional}
    with pytest.raises(ScenarioError) as info:
        load_scenario(write_scenario(minimal))
    assert info.value.codes() == ["horizon_too_long"]
    assert len(info.value.render("zh").splitlines()) == 2  # the head and the one problem


def test_largest_counts_allowed_load(
    minimal: dict[str, Any], write_scenario: Callable[..., Path]
) -> None:
    """Each bound is inclusive: the limit itself is a valid value."""
    minimal["meta"].update(start="2026-01-01", end="2030-12-31")  # five years exactly
    minimal["calendar"] = {"provisional": True}
    minimal["organisations"][0].update(members=100_000, blackout=["2026-01-01..2030-12-31"])
    minimal["centres"][0]["rooms"][0]["capacity"] = 100_000
    minimal["series"][0].update(
        cadence="every-52-weeks",
        day={"kind": "fixed", "n": 31},
        start="00:00",
        duration=1439,
        attendance=100_000,
        room=None,  # no room is open from midnight
    )
    minimal["twinning"][0].update(visits=23, per="month", min_gap_days=1827, delegation=100_000)
    minimal["travel"] = [{"from": "xc", "to": "station", "minutes": 1440}]
    minimal["weights"] = {"travel": 1_000_000}
    s = load_scenario(write_scenario(minimal))
    assert (s.twinning[0].visits, s.series[0].cadence.weeks) == (23, 52)
    assert s.warnings == ()


def test_a_weekday_listed_many_times_is_kept_once(
    minimal: dict[str, Any], write_scenario: Callable[..., Path]
) -> None:
    """Each day of the horizon is looked up in the list: 10,000 entries would be walked daily."""
    minimal["organisations"][0]["weekdays"] = ["周五", *(["mon"] * 10_000), 5, "星期一"]
    s = load_scenario(write_scenario(minimal))
    assert s.organisations[0].weekdays == [1, 5]
