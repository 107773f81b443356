"""The objective: a weighted sum of the rulebook's soft terms, weights from the scenario.

Every term is posted whatever its weight, as an exact expression: weight 0 leaves it out of
the objective but not out of the report, so variants with other weights compare on equal terms.
"""

from __future__ import annotations

from ortools.sat.python import cp_model

from ..rules import SOFT
from .base import Model


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
    exprs = {name: term_expr(m, name) for name in SOFT}
    weighted = [
        (weights[name], exprs[name]) for name in SOFT if weights[name] and m.terms.get(name)
    ]
    if weighted:
        m.cp.minimize(
            cp_model.LinearExpr.weighted_sum([e for _, e in weighted], [w for w, _ in weighted])
        )
    return exprs
