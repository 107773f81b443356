"""Stage 'whatif': variants of a scenario, planned and compared side by side.

- changes.py  change records (Set, Add, Remove, Close, Reweight) and `apply_changes`: a base
              scenario's data changed, then validated as a scenario file is;
- variant.py  variant files (a name, a base, a list of changes): `load_variant`, `apply`.
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
    parse_path,
)
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
    "Remove",
    "Reweight",
    "Set",
    "Variant",
    "apply",
    "apply_changes",
    "describe",
    "is_variant",
    "load_variant",
    "load_variant_scenario",
    "parse_changes",
    "parse_path",
    "read_base",
]
