"""Synthetic scenarios of a kind, size and seed: realistic, valid by construction, reproducible.

    from rotasched.generate import ParkSpec, generate, preset, write_scenario

    data = generate(ParkSpec(orgs=30, rooms=3, pairs=15, seed=1))  # the raw data, as YAML has it
    path = write_scenario(preset("city", seed=0), Path("out/city"), "city")  # YAML + CSV

A kind (park, district, city) is a story from the domain notes at any size: Chinese names for
people, enterprises by trade, organs, communities, villages and schools; groups with their
rotations; shared centres with rooms, equipment, hours and closures; recurring series; twinning
in all three forms; blackouts; history, so the rotation continues; a visiting window. Holidays
and working days come from the official calendar (`rotasched.calendar`), never typed in. The
same spec gives byte-identical files. The bundled scenarios are specs too: `write_bundled`.

Stage: reads `calendar` (and its provisional estimate) and `words`; nothing after them.
"""

from __future__ import annotations

from pathlib import Path

from . import city, district, park
from .bundled import write_bundled
from .records import Data
from .spec import KINDS, CitySpec, DistrictSpec, Kind, ParkSpec, Spec, SpecError, preset
from .write import Draft, write

__all__ = [
    "KINDS",
    "CitySpec",
    "DistrictSpec",
    "Kind",
    "ParkSpec",
    "Spec",
    "SpecError",
    "draft",
    "generate",
    "preset",
    "write_bundled",
    "write_scenario",
]


def draft(spec: Spec, source: str | None = None) -> Draft:
    """The scenario of `spec` with its comments; `source` names its maker in the header."""
    if isinstance(spec, ParkSpec):
        return park.build(spec, source)
    if isinstance(spec, DistrictSpec):
        return district.build(spec, source)
    return city.build(spec, source)


def generate(spec: Spec) -> Data:
    """The scenario's raw data: what load_scenario reads from its YAML and tables."""
    return draft(spec).data


def write_scenario(spec: Spec, folder: str | Path, name: str) -> Path:
    """Write `folder/name.yaml` with its CSV tables beside it; return the YAML's path."""
    return write(draft(spec), Path(folder), name)
