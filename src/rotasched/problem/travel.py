"""Travel minutes between places: the scenario's own figure, else a door-to-door estimate.

Kept apart because it is the one derivation that is a guess rather than arithmetic on the
scenario: the estimate feeds the `travel` soft term and the travel figures of the tables, never
a hard rule, so it can be refined here without touching anything else.
"""

from __future__ import annotations

import math

from ..scenario.model import Location


def travel_minutes(
    places: dict[str, Location], given: dict[tuple[str, str], int], org: str, place: str
) -> int:
    """Minutes from an organisation to a place: 0 to itself, the scenario's table, or estimate."""
    if org == place:
        return 0
    listed = given.get((org, place))
    return listed if listed is not None else estimate_minutes(places[org], places[place])


def estimate_minutes(a: Location, b: Location) -> int:
    """Door-to-door estimate: 25 km/h across town plus 10 minutes; by district if no coordinates."""
    if None not in (a.lat, a.lon, b.lat, b.lon):
        assert a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None
        r = 6371.0
        p1, p2 = math.radians(a.lat), math.radians(b.lat)
        dp, dl = p2 - p1, math.radians(b.lon - a.lon)
        h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
        km = 2 * r * math.asin(math.sqrt(h))
        return round(10 + km / 25 * 60)
    if a.district and b.district:
        return 15 if a.district == b.district else 45
    return 30
