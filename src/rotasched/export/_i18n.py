"""The words of the people-facing exports (calendars, tables, site) in Chinese and English.

Names that come from the scenario (organisations, people, centres, series) are user text and
are never translated; only the fixed vocabulary here is.
"""

from __future__ import annotations

from typing import Literal

from ..scenario.model import ORG_KINDS, SERIES_TYPES

Lang = Literal["zh", "en"]

SERIES_TYPES_EN = {
    "theme_day": "Theme day",
    "joint_lecture": "Joint party lecture",
    "joint_meeting": "Joint meeting",
    "volunteer": "Volunteer service",
    "training": "Training",
    "other": "Other",
}
ORG_KINDS_EN = {
    "enterprise": "enterprise",
    "village": "village",
    "community": "community",
    "organ": "government organ",
    "school": "school",
    "other": "other",
}
FORMS = {
    "zh": {"one_to_one": "一帮一", "many_to_one": "多帮一", "one_to_many": "一帮多"},
    "en": {"one_to_one": "one-to-one", "many_to_one": "many-to-one", "one_to_many": "one-to-many"},
}
STATUS = {
    "zh": {"optimal": "最优", "feasible": "可行（未证明最优）", "infeasible": "无可行方案",
           "unknown": "未找到方案", "invalid": "输入无效"},
    "en": {"optimal": "optimal", "feasible": "feasible (not proven optimal)",
           "infeasible": "infeasible", "unknown": "no plan found", "invalid": "invalid input"},
}
WEEKDAYS = {
    "zh": ["周一", "周二", "周三", "周四", "周五", "周六", "周日"],
    "en": ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
}

# key -> (zh, en)
_WORDS: dict[str, tuple[str, str]] = {
    # shared
    "sep": ("：", ": "),
    "list_sep": ("、", ", "),
    "provisional": (
        "注意：本计划使用临时日历（按规则推算节假日，未含国务院公布的调休安排），日期可能变动。",
        "NOTE: this plan uses a PROVISIONAL calendar (rule-based holidays without the State "
        "Council's adjusted working days); dates may change.",
    ),
    "provisional_cell": ("临时日历（未含调休）", "PROVISIONAL calendar (no 调休)"),
    "calendar": ("日历", "Calendar"),
    "activity": ("活动", "Activity"),
    "activity_type": ("活动类型", "Type"),
    "term": ("轮值期", "Term"),
    "host": ("承办单位", "Host"),
    "co_host": ("协办单位（以强带弱）", "Co-host (mentor)"),
    "executive": ("执行书记", "Executive secretary"),
    "executive_org": ("执行单位", "Executive organisation"),
    "contact": ("联系方式", "Contact"),
    "venue": ("地点", "Venue"),
    "centre": ("活动中心", "Centre"),
    "room": ("场地", "Room"),
    "capacity": ("容量", "Capacity"),
    "participants": ("参加单位", "Participants"),
    "attendance": ("预计人数", "Expected attendance"),
    "date": ("日期", "Date"),
    "weekday": ("星期", "Weekday"),
    "start": ("开始", "Start"),
    "time": ("时间", "Time"),
    "span": ("起止日期", "Dates"),
    "end": ("结束", "End"),
    "first_day": ("起始日", "First day"),
    "last_day": ("结束日", "Last day"),
    "id": ("编号", "ID"),
    "venue_own": ("承办单位自有场地", "host's own premises"),
    "venue_none": ("无需场地", "no room needed"),
    "pair": ("结对", "Pair"),
    "form": ("结对形式", "Form"),
    "period": ("周期", "Period"),
    "visit_host": ("接待方", "Host"),
    "visit_guests": ("来访方", "Visitors"),
    "helpers": ("帮扶方", "Helpers"),
    "helped": ("受帮扶方", "Helped"),
    "direction": ("方向", "Direction"),
    "dir_helpers_visit": ("帮扶方走访受帮扶方", "helpers visit the helped side"),
    "dir_helped_visit": ("受帮扶方到帮扶方回访学习", "the helped side visits the helpers"),
    "dir_other": ("互访", "visit"),
    "occurrences_in_term": ("本期承办", "Hosting in this term"),
    "org": ("单位", "Organisation"),
    "org_kind": ("类型", "Kind"),
    "secretary": ("书记", "Secretary"),
    "hosted": ("承办次数", "Hosted"),
    "co_hosted": ("协办次数", "Co-hosted"),
    "exec_terms": ("执行书记期数", "Executive terms"),
    "visits_hosted": ("接待互访", "Visits hosted"),
    "visits_made": ("外出互访", "Visits made"),
    "travel": ("单程路程合计（分钟）", "Travel, one way (minutes)"),
    "joint": ("参加联合活动", "Joint activities attended"),
    # ICS
    "cal_all": ("全部活动", "all activities"),
    "cal_org": ("单位日程", "schedule"),
    "cal_room": ("场地预订", "room bookings"),
    "cal_person": ("书记日程", "secretary's schedule"),
    "cal_desc": ("{scenario}，计划期 {start} 至 {end}。", "{scenario}, {start} to {end}."),
    "sum_occurrence": ("{series}｜承办：{host}", "{series} — host: {host}"),
    "sum_term": ("执行书记：{person}（{series} {term}）",
                 "Executive secretary: {person} ({series} {term})"),
    "sum_visit": ("结对互访：{guests} → {host}", "Twinning visit: {guests} → {host}"),
    # tables
    "t_occurrences": ("承办安排", "Hosting"),
    "t_terms": ("执行书记", "Executive secretaries"),
    "t_rooms": ("场地预订", "Room bookings"),
    "t_visits": ("结对互访", "Twinning visits"),
    "t_orgs": ("单位汇总", "Organisations"),
    # site
    "site_title": ("联合活动计划", "Joint activity plan"),
    "home": ("首页", "Home"),
    "summary": ("计划概要", "Plan summary"),
    "status": ("求解状态", "Status"),
    "objective": ("目标值", "Objective"),
    "bound": ("下界", "Bound"),
    "gap": ("差距", "Gap"),
    "soft_terms": ("优化目标各项", "Soft terms"),
    "soft_key": ("项目", "Term"),
    "name_zh": ("中文名称", "Chinese name"),
    "name_en": ("英文名称", "English name"),
    "weight": ("权重", "Weight"),
    "value": ("数值", "Value"),
    "horizon": ("计划期", "Horizon"),
    "explanation": ("说明", "Explanation"),
    "groups": ("组织 / 园区", "Groups / parks"),
    "centres": ("共享活动中心", "Shared centres"),
    "orgs": ("单位", "Organisations"),
    "calendars": ("日历订阅（ICS）", "Calendars (ICS)"),
    "downloads": ("表格下载", "Tables"),
    "all_ics": ("全部活动日历", "All activities"),
    "org_ics": ("单位日历", "Organisation calendar"),
    "person_ics": ("书记日历", "Secretary's calendar"),
    "room_ics": ("场地日历", "Room calendar"),
    "chart_gantt": ("轮值甘特图", "Rotation timeline"),
    "chart_heatmap": ("场地占用热力图（按周）", "Room occupancy by week"),
    "chart_fairness": ("承办次数（公平性）", "Hosting fairness"),
    "chart_visits": ("结对互访时间线", "Twinning visit timeline"),
    "history": ("历史承办", "history"),
    "this_plan": ("本计划", "this plan"),
    "week_of": ("周（周一日期）", "week (Monday)"),
    "bookings": ("预订", "bookings"),
    "occupancy": ("占用率", "occupancy"),
    "legend_helper_hosts": ("帮扶方接待", "helper side hosts"),
    "legend_helped_hosts": ("受帮扶方接待", "helped side hosts"),
    "duties": ("承办与协办", "Hosting duties"),
    "visits": ("结对互访", "Twinning visits"),
    "exec_of": ("执行书记轮值", "Executive terms"),
    "members": ("成员单位", "Members"),
    "series": ("活动系列", "Activity series"),
    "none": ("无", "none"),
    "no_schedule": ("本次没有可发布的日程。", "There is no schedule to publish."),
    "counts": ("活动 {occ} 次，执行书记 {terms} 期，结对互访 {visits} 次",
               "{occ} activities, {terms} executive terms, {visits} twinning visits"),
    # site charts: a time axis labels each month, with its year on the first and in January
    "axis_month_year": ("{year}年{month}月", "{month_abbr} {year}"),
    "axis_month": ("{month}月", "{month_abbr}"),
}


def word(lang: str, key: str, **fmt: object) -> str:
    zh, en = _WORDS[key]
    text = zh if lang == "zh" else en
    return text.format(**fmt) if fmt else text


def series_type(lang: str, key: str) -> str:
    """The activity type's display name; a type that is not one of the keys is shown as given."""
    table = SERIES_TYPES if lang == "zh" else SERIES_TYPES_EN
    return table.get(key, key)


def org_kind(lang: str, key: str) -> str:
    table = ORG_KINDS if lang == "zh" else ORG_KINDS_EN
    return table.get(key, key)


def form(lang: str, key: str) -> str:
    return FORMS["zh" if lang == "zh" else "en"].get(key, key)


def status(lang: str, key: str) -> str:
    return STATUS["zh" if lang == "zh" else "en"].get(key, key)


def weekday(lang: str, iso_weekday: int) -> str:
    return WEEKDAYS["zh" if lang == "zh" else "en"][iso_weekday - 1]


def join(lang: str, items: list[str] | tuple[str, ...]) -> str:
    return word(lang, "list_sep").join(items)
