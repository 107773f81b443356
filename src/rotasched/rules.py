"""The names of the rules, shared by the solver, the checker and the tests.

A hard rule's label appears in exactly three places: the solver function that posts it
(solver/<part>.py), the checker function that verifies it (check.py) and its test. Search
for the label to find all three.
"""

from __future__ import annotations

# label -> (en, zh)
HARD: dict[str, tuple[str, str]] = {
    "one_host": (
        "every occurrence has exactly one host from its pool",
        "每次活动恰有一个承办单位，且在承办范围内",
    ),
    "host_available": (
        "the host is available that day",
        "承办单位当天可用（无停办日、符合星期限制）",
    ),
    "one_turn_per_term": (
        "an organisation hosts at most one occurrence of a series per term",
        "同一轮值期内同一单位最多承办一次同一活动",
    ),
    "executive_hosts": (
        "each term's executive secretary comes from an organisation hosting in that term",
        "每个轮值期的执行书记由该期承办单位的书记担任",
    ),
    "occurrence_date": (
        "an occurrence falls on a working day of its period (its rule's day if not flexible)",
        "活动安排在其周期内的工作日（不可调整时须在规定日期）",
    ),
    "room_fits": (
        "the room is big enough, has the equipment, and is open that day and hour",
        "场地容量、设备满足要求，且当天当时段开放",
    ),
    "room_single_use": ("no room holds two things at once", "同一场地同一时间只安排一项活动"),
    "visit_count": (
        "each pair gets its visits in every period",
        "每个结对每个周期的互访次数符合要求",
    ),
    "visit_date": (
        "a visit falls on a working day of its period when both sides are available",
        "互访安排在周期内双方都有空的工作日",
    ),
    "visit_host": ("a visit is hosted by a side allowed to host", "互访由允许接待的一方承办"),
    "visit_alternation": (
        "hosting alternates between the sides where the pair asks for it",
        "要求轮流接待的结对，接待方交替进行",
    ),
    "visit_gap": (
        "two visits of a pair are at least its minimum gap apart",
        "同一结对两次互访间隔不少于规定天数",
    ),
    "org_single_place": (
        "no organisation takes part in two things at overlapping times",
        "同一单位不在同一时间参加两项活动",
    ),
    "person_single_place": (
        "no person (secretary) is in two places at once",
        "同一人（书记）不同时出现在两个地方",
    ),
    "no_visit_on_hosting_day": (
        "an organisation does not receive a visit on a day it hosts a joint activity",
        "单位承办联合活动的当天不接待结对互访",
    ),
}

# soft term -> (en, zh)
SOFT: dict[str, tuple[str, str]] = {
    "fairness": ("hosting shared fairly (incl. history)", "承办次数公平（含历史）"),
    "rotation_order": ("least recently hosted goes first", "按轮值顺序（久未承办者优先）"),
    "back_to_back": ("no host twice in a row", "避免连续承办"),
    "strong_weak": ("weak hosts mentored by their strong partner", "以强带弱"),
    "travel": ("attendees' travel minutes", "参会人员路程（分钟）"),
    "regular_day": ("days away from the series' regular day", "偏离固定活动日的天数"),
    "centre_balance": ("busiest room's bookings", "最繁忙场地的预订数"),
    "visit_spread": ("visits bunched instead of spread", "互访分布不均（天）"),
}


def describe(label: str, lang: str) -> str:
    en, zh = HARD.get(label) or SOFT[label]
    return zh if lang == "zh" else en
