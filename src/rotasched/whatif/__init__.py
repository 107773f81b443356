"""Stage 'whatif': variants of a scenario, planned and compared side by side.

- paths.py    field paths (`twinning[id=twin-1].visits`) walked through data and model;
- changes.py  change records (Set, Add, Remove, Close, Reweight) and `apply_changes`: a base
              scenario's data changed, then validated as a scenario file is;
- variant.py  variant files (a name, a base, a list of changes): `load_variant`, `apply`;
- run.py      `compare_variants`: the base and each variant planned, checked and measured
              (a `Comparison`: `.frame`, one row per scenario; each plan's tables);
- report.py   the comparison handed out: terminal table, comparison.csv/.xlsx, a page.

This stage comes after export/ (it writes each scenario's plan folder) and before ledger/.
"""

from .changes import (
    Add,
    Change,
    Close,
    Remove,
    Reweight,
    Set,
    apply_changes,
    describe,
)
from .paths import parse_path
from .report import render_page, terminal_table, write_comparison
from .run import Comparison, Outcome, compare_variants
from .variant import (
    Variant,
    apply,
    is_variant,
    load_variant,
    load_variant_scenario,
    parse_changes,
    read_base,
)

__all__ = [
    "Add",
    "Change",
    "Close",
    "Comparison",
    "Outcome",
    "Remove",
    "Reweight",
    "Set",
    "Variant",
    "apply",
    "apply_changes",
    "compare_variants",
    "describe",
    "is_variant",
    "load_variant",
    "load_variant_scenario",
    "parse_changes",
    "parse_path",
    "read_base",
    "render_page",
    "terminal_table",
    "write_comparison",
]
