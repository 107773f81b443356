"""The rulebook: every hard rule and soft term, declared once.

A rule's label is its name everywhere. The solver posts it with a function registered under
the label (`solver/<part>.py`, `@posts("label")`), the checker verifies or measures it with a
function registered under the same label (`check.py`, `@rule("label")` / `@measure("label")`),
and its test is `tests/test_rules_hard.py::test_<label>` or `tests/test_rules_soft.py`.
The scenario's `weights:` model, the README's rule table and the solver's build order all come
from here; `tests/test_rulebook.py` keeps the four in step.

This module is a leaf: every stage may import it, none of its words depend on them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Part = Literal["rotation", "venues", "twinning", "clashes", "replan"]


@dataclass(frozen=True)
class HardRule:
    label: str
    part: Part
    zh: str
    en: str


@dataclass(frozen=True)
class SoftTerm:
    label: str
    part: Part
    zh: str
    en: str
    unit_zh: str  # what one unit of the term is, for the README and the site
    unit_en: str
    weight: int  # default weight in a scenario; 0 = measured, not optimised


# In posting order: a rule may rely on the domains an earlier one set (dates before rooms).
_HARD = (
    HardRule(
        "occurrence_date",
        "venues",
        "活动安排在其周期内的工作日（不可调整时须在规定日期）",
        "an occurrence falls on a working day of its period (its rule's day if not flexible)",
    ),
    HardRule(
        "one_host",
        "rotation",
        "每次活动恰有一个承办单位，且在承办范围内",
        "every occurrence has exactly one host from its pool",
    ),
    HardRule(
        "host_available",
        "rotation",
        "承办单位当天可用（无停办日、符合星期限制）",
        "the host is available that day",
    ),
    HardRule(
        "one_turn_per_term",
        "rotation",
        "同一轮值期内同一单位最多承办一次同一活动",
        "an organisation hosts at most one occurrence of a series per term",
    ),
    HardRule(
        "executive_hosts",
        "rotation",
        "每个轮值期的执行书记由该期承办单位的书记担任",
        "each term's executive secretary comes from an organisation hosting in that term",
    ),
    HardRule(
        "duty_rotation",
        "rotation",
        "轮值制每个轮值期恰有一个轮值单位，承办该期全部轮值活动，其书记任执行书记",
        "each term of a group's duty rotation has one duty organisation, which hosts every duty "
        "activity of the term; its secretary is the group's executive secretary",
    ),
    HardRule(
        "co_host",
        "rotation",
        "以强带弱：弱者承办时，结对的强者共同承办（当天可用，不另有安排）",
        "where a weak member hosts, its strong partner co-hosts: available that day and booked",
    ),
    HardRule(
        "room_fits",
        "venues",
        "场地容量、设备满足要求，且当天当时段开放",
        "the room is big enough, has the equipment, and is open that day and hour",
    ),
    HardRule(
        "room_single_use",
        "venues",
        "同一场地同一时间只安排一项活动",
        "no room holds two things at once",
    ),
    HardRule(
        "visit_count",
        "twinning",
        "每个结对每个周期的互访次数符合要求",
        "each pair gets its visits in every period",
    ),
    HardRule(
        "visit_date",
        "twinning",
        "互访安排在周期内双方都有空的工作日",
        "a visit falls on a working day of its period when both sides are available",
    ),
    HardRule(
        "visit_host",
        "twinning",
        "互访由允许接待的一方承办",
        "a visit is hosted by a side allowed to host",
    ),
    HardRule(
        "visit_alternation",
        "twinning",
        "要求轮流接待的结对，接待方交替进行",
        "hosting alternates between the sides where the pair asks for it",
    ),
    HardRule(
        "visit_gap",
        "twinning",
        "同一结对两次互访间隔不少于规定天数",
        "two visits of a pair are at least its minimum gap apart",
    ),
    HardRule(
        "visit_day_cap",
        "twinning",
        "任一工作日的互访不超过全计划日均互访数的规定倍数（不扎堆在节前）",
        "no working day holds more than `peak` times the programme's mean visits per working day",
    ),
    HardRule(
        "org_single_place",
        "clashes",
        "同一单位不在同一时间参加两项活动",
        "no organisation takes part in two things at overlapping times",
    ),
    HardRule(
        "person_single_place",
        "clashes",
        "同一人（书记）不同时出现在两个地方",
        "no person (secretary) is in two places at once",
    ),
    HardRule(
        "no_visit_on_hosting_day",
        "clashes",
        "单位承办联合活动的当天不接待结对互访",
        "an organisation does not receive a visit on a day it hosts a joint activity",
    ),
    HardRule(
        "pinned",
        "replan",
        "固定的安排保持不变（冻结日前已发布的、委员会确定的、手工修改的）",
        "what is pinned stays: published events before the freeze date, the scenario's pins, "
        "hand edits",
    ),
)

_SOFT = (
    SoftTerm(
        "fairness",
        "rotation",
        "承办负担公平（全部活动、含历史、按工作量）",
        "each member's load over all activities fair (history and effort included)",
        "十分之一次（各成员偏差之和 + 成员数 × 最大偏差）",
        "tenths of a turn (sum of deviations + members × largest deviation)",
        10,
    ),
    SoftTerm(
        "turn_balance",
        "rotation",
        "人人轮到一次后才轮第二次",
        "everyone once before anyone twice",
        "偏离轮转的轮次（每位书记所领单位的轮次在 ⌊轮次/人数⌋ 与 ⌈轮次/人数⌉ 之外的部分）",
        "turns outside the round robin (each secretary's members' turns beyond "
        "⌊turns/people⌋..⌈turns/people⌉)",
        # What a committee cares about first: one turn of imbalance outweighs 1,000 minutes.
        1000,
    ),
    SoftTerm(
        "rotation_order",
        "rotation",
        "按轮值顺序（久未承办者优先）",
        "least recently hosted goes first",
        "偏离轮转顺序的位次",
        "slots away from the round robin",
        20,
    ),
    SoftTerm(
        "back_to_back",
        "rotation",
        "避免连续承办",
        "no host twice in a row",
        "连续承办次数",
        "turns in a row",
        5,
    ),
    SoftTerm(
        "travel",
        "venues",
        "参会人员路程（分钟）",
        "attendees' travel minutes",
        "分钟（每个参会单位；互访按来访人数）",
        "minutes (per attending organisation; visits per visiting person)",
        1,
    ),
    SoftTerm(
        "regular_day",
        "venues",
        "偏离固定活动日的天数",
        "days away from the series' regular day",
        "天",
        "days",
        2,
    ),
    SoftTerm(
        "centre_balance",
        "venues",
        "最繁忙场地的预订数",
        "busiest room's bookings",
        "次预订",
        "bookings",
        1,
    ),
    SoftTerm(
        "visit_window",
        "twinning",
        "互访落在不宜安排的时段",
        "visits in windows the scenario discourages",
        "次互访",
        "visits",
        5,
    ),
    SoftTerm(
        "visit_spread",
        "twinning",
        "互访分布不均（天）",
        "visits bunched instead of spread",
        "天（偏离均匀分布日）",
        "days from the evenly spread day",
        2,
    ),
    # A re-plan changes as little as possible of the published plan: one change outweighs
    # ten turns of imbalance. Without a published plan to compare with, all three are 0.
    SoftTerm(
        "moved",
        "replan",
        "改期的已发布活动和互访",
        "published events moved to another day",
        "项",
        "events",
        10000,
    ),
    SoftTerm(
        "rehosted",
        "replan",
        "更换承办单位的已发布活动和互访",
        "published events with another host",
        "项",
        "events",
        10000,
    ),
    SoftTerm(
        "reroomed",
        "replan",
        "更换场地的已发布活动",
        "published activities in another room",
        "项",
        "events",
        10000,
    ),
)

HARD: dict[str, HardRule] = {r.label: r for r in _HARD}
SOFT: dict[str, SoftTerm] = {t.label: t for t in _SOFT}
RULEBOOK: dict[str, HardRule | SoftTerm] = {**HARD, **SOFT}


def describe(label: str, lang: str) -> str:
    entry = RULEBOOK[label]
    return entry.zh if lang == "zh" else entry.en


def default_weights() -> dict[str, int]:
    return {label: term.weight for label, term in SOFT.items()}


def readme_table() -> str:
    """The README's rule table, generated: `python -m rotasched.rules` prints it."""
    rows = [
        "| label | kind | part | 规则 | rule | weight | unit |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in _HARD:
        rows.append(f"| `{r.label}` | hard | {r.part} | {r.zh} | {r.en} | | |")
    for t in _SOFT:
        rows.append(
            f"| `{t.label}` | soft | {t.part} | {t.zh} | {t.en} | {t.weight} | {t.unit_en} |"
        )
    return "\n".join(rows)


if __name__ == "__main__":
    print(readme_table())
