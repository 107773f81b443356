"""The objective: a weighted sum of the named soft terms, weights from the scenario."""

from __future__ import annotations

from ortools.sat.python import cp_model

from ..rules import SOFT
from .base import Model

# The soft terms, named as their weights in the scenario.
TERMS = tuple(SOFT)


def term_expr(m: Model, name: str) -> cp_model.LinearExpr:
    parts = m.terms.get(name, [])
    if not parts:
        return cp_model.LinearExpr.constant(0)
    coefs = [c for c, _ in parts]
    exprs = [e for _, e in parts]
    return cp_model.LinearExpr.weighted_sum(exprs, coefs)


def post(m: Model) -> dict[str, cp_model.LinearExpr]:
    """Minimise sum(weight * term); returns each term's expression for reporting."""
    weights = m.problem.weights
    exprs = {name: term_expr(m, name) for name in TERMS}
    weighted = [
        (weights[name], exprs[name]) for name in TERMS if weights[name] and m.terms.get(name)
    ]
    if weighted:
        m.cp.minimize(
            cp_model.LinearExpr.weighted_sum([e for _, e in weighted], [w for w, _ in weighted])
        )
    return exprs
