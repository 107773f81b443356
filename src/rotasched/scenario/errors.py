"""Validation problems: where (file, field path or table cell), what, in zh or en.

Every problem a user can make in a scenario ends up as one `Issue`; all of them are
collected and raised together as `ScenarioError`, which the CLI prints and exits 2 on.
Messages are templates keyed by a code so that tests (and translators) can name them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Locale = str  # "zh" or "en"

# code -> (en, zh). Placeholders are filled from Issue.params.
MESSAGES: dict[str, tuple[str, str]] = {
    # reading
    "file_missing": ("file not found", "找不到文件"),
    "file_unreadable": ("cannot read the file: {reason}", "无法读取文件：{reason}"),
    "yaml_syntax": ("not valid YAML: {reason}", "不是有效的 YAML：{reason}"),
    "not_a_mapping": (
        "the scenario must be a mapping of sections",
        "场景文件的顶层必须是若干键值段落",
    ),
    "table_unreadable": ("cannot read the table: {reason}", "无法读取表格：{reason}"),
    "table_sheet_missing": (
        "the workbook has no sheet “{sheet}”",
        "工作簿中没有名为“{sheet}”的工作表",
    ),
    "table_kind": ("a table must be a .csv or .xlsx file", "表格必须是 .csv 或 .xlsx 文件"),
    "table_empty_header": ("the header row has an empty column name", "表头中有空的列名"),
    # structure (translated from pydantic)
    "missing": ("is required but missing", "缺少必填项"),
    "extra_forbidden": ("unknown field (check the spelling)", "未知字段（请检查拼写）"),
    "int_parsing": ("must be a whole number, got {input!r}", "必须是整数，实际为 {input!r}"),
    "int_type": ("must be a whole number, got {input!r}", "必须是整数，实际为 {input!r}"),
    "int_from_float": ("must be a whole number, got {input!r}", "必须是整数，实际为 {input!r}"),
    "float_parsing": ("must be a number, got {input!r}", "必须是数字，实际为 {input!r}"),
    "float_type": ("must be a number, got {input!r}", "必须是数字，实际为 {input!r}"),
    "bool_parsing": (
        "must be true or false, got {input!r}",
        "必须是 true 或 false，实际为 {input!r}",
    ),
    "bool_type": ("must be true or false, got {input!r}", "必须是 true 或 false，实际为 {input!r}"),
    "string_type": ("must be text, got {input!r}", "必须是文本，实际为 {input!r}"),
    "string_too_short": ("must not be empty", "不能为空"),
    "string_pattern_mismatch": (
        "must not contain “/”, spaces or control characters, got {input!r}",
        "不能包含“/”、空格或控制字符，实际为 {input!r}",
    ),
    "list_type": ("must be a list, got {input!r}", "必须是列表，实际为 {input!r}"),
    "dict_type": ("must be a mapping of fields, got {input!r}", "必须是字段映射，实际为 {input!r}"),
    "model_type": (
        "must be a mapping of fields, got {input!r}",
        "必须是字段映射，实际为 {input!r}",
    ),
    "model_attributes_type": (
        "must be a mapping of fields, got {input!r}",
        "必须是字段映射，实际为 {input!r}",
    ),
    "date_from_datetime_parsing": (
        "must be a date like 2026-03-01, got {input!r}",
        "必须是形如 2026-03-01 的日期，实际为 {input!r}",
    ),
    "date_parsing": (
        "must be a date like 2026-03-01, got {input!r}",
        "必须是形如 2026-03-01 的日期，实际为 {input!r}",
    ),
    "date_type": (
        "must be a date like 2026-03-01, got {input!r}",
        "必须是形如 2026-03-01 的日期，实际为 {input!r}",
    ),
    "date_from_datetime_inexact": (
        "must be a date without a time, got {input!r}",
        "必须是不含时刻的日期，实际为 {input!r}",
    ),
    "time_parsing": (
        "must be a time like 09:00, got {input!r}",
        "必须是形如 09:00 的时刻，实际为 {input!r}",
    ),
    "time_type": (
        "must be a time like 09:00, got {input!r}",
        "必须是形如 09:00 的时刻，实际为 {input!r}",
    ),
    "literal_error": (
        "must be one of {expected}, got {input!r}",
        "必须是 {expected} 之一，实际为 {input!r}",
    ),
    "enum": (
        "must be one of {expected}, got {input!r}",
        "必须是 {expected} 之一，实际为 {input!r}",
    ),
    "greater_than_equal": (
        "must be at least {ge}, got {input!r}",
        "不能小于 {ge}，实际为 {input!r}",
    ),
    "greater_than": ("must be greater than {gt}, got {input!r}", "必须大于 {gt}，实际为 {input!r}"),
    "less_than_equal": ("must be at most {le}, got {input!r}", "不能大于 {le}，实际为 {input!r}"),
    "too_short": ("needs at least {min_length} item(s)", "至少需要 {min_length} 项"),
    "union_tag_invalid": ("must be one of {expected_tags}", "必须是 {expected_tags} 之一"),
    "invalid_value": ("invalid value {input!r}", "取值无效：{input!r}"),
    # our own field-level rules (raised inside validators)
    "bad_span": (
        "must be a date, “start..end”, or a mapping with start and end; got {input!r}",
        "必须是日期、“开始..结束”或含 start 与 end 的映射，实际为 {input!r}",
    ),
    "bad_weekday": (
        "must be a weekday (1-7, mon-sun or 周一-周日), got {input!r}",
        "必须是星期几（1-7、mon-sun 或 周一-周日），实际为 {input!r}",
    ),
    "bad_duration": (
        "must be minutes (90) or a duration like 2h or 1h30m, got {input!r}",
        "必须是分钟数（如 90）或形如 2h、1h30m 的时长，实际为 {input!r}",
    ),
    "bad_hours": (
        "must be opening hours like 08:30-17:30, got {input!r}",
        "必须是形如 08:30-17:30 的开放时段，实际为 {input!r}",
    ),
    "bad_timezone": ("unknown time zone {input!r}", "未知时区 {input!r}"),
    "bad_day_rule": (
        "must be a day rule such as any-workday, first-fri, last-workday, day-15; got {input!r}",
        "必须是日期规则，如 any-workday、first-fri、last-workday、day-15；实际为 {input!r}",
    ),
    "bad_cadence": (
        "must be monthly, quarterly, yearly, every-N-weeks or a list of dates; got {input!r}",
        "必须是 monthly、quarterly、yearly、every-N-weeks 或日期列表；实际为 {input!r}",
    ),
    # cross-reference rules
    "duplicate_id": (
        "duplicate id “{id}” (first used at {first})",
        "编号“{id}”重复（首次出现于 {first}）",
    ),
    "unknown_ref": ("refers to unknown {what} “{id}”", "引用了不存在的{what_zh}“{id}”"),
    "end_before_start": (
        "ends ({end}) before it starts ({start})",
        "结束日期（{end}）早于开始日期（{start}）",
    ),
    "span_outside_horizon": (
        "{start}..{end} lies outside the horizon {h_start}..{h_end}",
        "{start}..{end} 不在计划期 {h_start}..{h_end} 之内",
    ),
    "room_too_small": (
        "needs a room for {need} people but the largest suitable room holds {largest}",
        "需要容纳 {need} 人的场地，但最大的合适场地只能容纳 {largest} 人",
    ),
    "equipment_nowhere": (
        "needs equipment {equipment} that no room with {need} seats has",
        "需要的设备 {equipment} 在任何可容纳 {need} 人的场地中都没有",
    ),
    "room_hours": (
        "no room that fits is open from {start} to {end}; change the start time or the duration",
        "没有合适的场地在 {start} 至 {end} 开放；请调整开始时间或时长",
    ),
    "pool_empty": (
        "no organisation in the host pool is available on any day of the horizon "
        "(blackouts and weekday limits)",
        "承办单位范围内没有任何单位在计划期内有空（已排除不可用日期和星期限制）",
    ),
    "pool_no_members": ("the host pool is empty", "承办单位范围为空"),
    "form_sides": (
        "form {form} needs {need}; got {helpers} helping and {helped} helped organisation(s)",
        "结对形式 {form} 需要{need_zh}；实际帮扶方 {helpers} 个、受帮扶方 {helped} 个",
    ),
    "org_both_sides": (
        "organisation “{id}” is on both sides of the pair",
        "单位“{id}”同时出现在结对的两方",
    ),
    "person_conflict": (
        "secretary id “{id}” is named both “{a}” and “{b}”",
        "书记编号“{id}”对应了两个不同的姓名：“{a}”和“{b}”",
    ),
    "no_participants": ("the series has no participants", "该活动没有参加单位"),
    "host_not_in_pool": (
        "“{id}” is not in the host pool of series “{series}”",
        "“{id}”不在活动“{series}”的承办单位范围内",
    ),
    "pair_host_not_in_pair": (
        "“{id}” is not a member of pair “{pair}”",
        "“{id}”不是结对“{pair}”的成员",
    ),
    # calendar
    "calendar_year_missing": (
        "the official holiday arrangement for {year} is not known to chinesecalendar "
        "(it covers {first} to {last}). Either supply it under calendar.years.{year} "
        "(holidays and 调休 workdays), or set calendar.provisional: true to plan on a provisional "
        "calendar (rule-based holidays, no 调休) that every output marks as provisional",
        "chinesecalendar 尚未收录 {year} 年的法定节假日安排（目前收录 {first} 至 {last} 年）。"
        "请在 calendar.years.{year} 中填写当年的节假日和调休上班日，"
        "或设置 calendar.provisional: true，按规则推算的临时日历（不含调休）排期，"
        "所有输出都会标注为临时",
    ),
    "calendar_day_both": (
        "{day} is listed both as a holiday and as a working day",
        "{day} 同时被列为节假日和上班日",
    ),
    "calendar_day_year": (
        "{day} does not belong to year {year}",
        "{day} 不属于 {year} 年",
    ),
    "no_workdays": (
        "the horizon {start}..{end} has no working day",
        "计划期 {start}..{end} 内没有工作日",
    ),
}

WHAT_ZH = {
    "organisation": "单位",
    "group": "组织/园区",
    "series": "活动",
    "pair": "结对",
    "centre": "活动中心",
    "room": "场地",
    "organisation or group": "单位或组织",
}

NEED_ZH = {
    "one helping and one helped organisation": "帮扶方 1 个、受帮扶方 1 个",
    "at least two helping and one helped organisation": "帮扶方至少 2 个、受帮扶方 1 个",
    "one helping and at least two helped organisations": "帮扶方 1 个、受帮扶方至少 2 个",
}


@dataclass(frozen=True)
class Issue:
    """One thing wrong with a scenario, located as precisely as we can."""

    file: str
    path: str
    code: str
    params: dict[str, Any] = field(default_factory=dict)
    fallback: str = ""  # pydantic's own English text, for error types we do not know

    def message(self, locale: Locale = "en") -> str:
        templates = MESSAGES.get(self.code)
        if templates is None:
            text = self.fallback or self.code
            return text if locale == "en" else f"取值无效：{text}"
        template = templates[1] if locale == "zh" else templates[0]
        params = dict(self.params)
        params.setdefault("what_zh", WHAT_ZH.get(str(params.get("what", "")), params.get("what")))
        params.setdefault("need_zh", NEED_ZH.get(str(params.get("need", "")), params.get("need")))
        try:
            return template.format(**params)
        except (KeyError, IndexError, ValueError):
            return template

    def render(self, locale: Locale = "en") -> str:
        where = self.file if not self.path else f"{self.file}: {self.path}"
        return f"{where}: {self.message(locale)}"


class ScenarioError(Exception):
    """All problems found in one scenario; raised at once, never one by one."""

    def __init__(self, problems: list[Issue], locale: Locale = "en") -> None:
        self.problems = list(problems)
        self.locale = locale
        super().__init__(self.render())

    def render(self, locale: Locale | None = None) -> str:
        loc = locale or self.locale
        head = (
            f"场景有 {len(self.problems)} 处错误："
            if loc == "zh"
            else f"the scenario has {len(self.problems)} problem(s):"
        )
        return "\n".join([head, *("  " + p.render(loc) for p in self.problems)])

    def codes(self) -> list[str]:
        return [p.code for p in self.problems]
