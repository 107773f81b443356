"""rotasched: plan joint activities among neighbouring organisations.

The stages, each importing only earlier ones:
scenario -> calendar -> problem -> solver -> plan -> check -> compare -> replan -> export ->
edits, show -> whatif -> ledger -> cli.
"""

from .calendar import WorkCalendar, build_calendar
from .scenario import Scenario, ScenarioError, load_scenario

__all__ = ["Scenario", "ScenarioError", "WorkCalendar", "build_calendar", "load_scenario"]
