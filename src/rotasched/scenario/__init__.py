"""Stage 1: read and validate a scenario. Nothing here derives anything for the planner."""

from .errors import Issue, ScenarioError
from .load import load_scenario
from .model import Scenario

__all__ = ["Issue", "Scenario", "ScenarioError", "load_scenario"]
