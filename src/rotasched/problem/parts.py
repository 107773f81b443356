"""The problem in parts: what a city-sized plan is solved part by part with.

A city's groups share centres and a few secretaries, and its pairs visit on days the groups
do not meet; nothing else ties them. Each *cluster* is a set of series whose hosts carry one
another's load (pools that share a member, a group's duty and rotation, a strong partner),
and the twinning visits are one part more. `restrict(problem, part)` is the problem with only
that part's events: every rule of the part, none that ties it to the others.

Why the parts' optima add up to a lower bound of the whole (the solver reports it as the
bound, so it must be one):
- every soft term is a sum over events or over one rotation, except two maxima. A member's
  fairness deviation depends on its own cluster only (its load is every series of its pools),
  and the whole's `members × largest deviation` is at least `members × the largest deviation
  of any one cluster`. So the parts' optima with the largest deviation not counted (A), plus,
  for the one cluster where it costs most, its optimum counting it for all members (B) minus
  its A, is a lower bound (`restrict(..., fair_max_members=...)`; a single cluster simply
  counts it for all its members);
- the busiest room (`centre_balance`) is left out of every part and bounded apart:
  `centre_floor` (bookings that must go to a centre, shared out over its rooms);
- a part keeps every hard rule among its own events and drops only those between parts, so
  any plan of the whole, cut to a part, is a plan of the part.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .model import Problem


@dataclass(frozen=True)
class Part:
    name: str  # "visits", or the cluster's first series id
    series: tuple[str, ...]
    duties: tuple[str, ...]  # groups whose duty rotation is in the part
    occurrences: tuple[str, ...]
    visits: tuple[str, ...]
    hosts_only: bool = False  # free only who hosts (and is 执行书记): days and rooms stay

    @property
    def events(self) -> tuple[str, ...]:
        return self.occurrences + self.visits


class _Union:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def join(self, items: list[str]) -> None:
        roots = [self.find(x) for x in items]
        for r in roots[1:]:
            self.parent[max(r, roots[0])] = min(r, roots[0])


def split(p: Problem) -> tuple[Part, ...]:
    """Clusters of series (in series order), then the visits (if any)."""
    u = _Union()
    for s in p.series.values():
        u.join([f"s:{s.id}", *(f"o:{o}" for o in s.pool), *(f"o:{a}" for a, _ in s.strong_weak)])
    for d in p.duties.values():
        u.join([f"s:{x}" for x in d.series] + [f"o:{o}" for o in d.pool] + [f"d:{d.group}"])
    for r in p.rotations.values():
        members = [f"o:{o}" for orgs in r.holders.values() for o in orgs]
        u.join([f"s:{x}" for x in r.series] + members + ([f"d:{r.duty}"] if r.duty else []))
    clusters: dict[str, list[str]] = {}
    for sid in p.series:
        clusters.setdefault(u.find(f"s:{sid}"), []).append(sid)
    parts = []
    for series in clusters.values():
        root = u.find(f"s:{series[0]}")
        duties = tuple(g for g in p.duties if u.find(f"d:{g}") == root)
        occs = tuple(x for x in p.occurrences if p.occurrences[x].series in series)
        parts.append(Part(series[0], tuple(series), duties, occs, ()))
    if p.visits:
        parts.append(Part("visits", (), (), (), tuple(p.visits)))
    return tuple(parts)


def units(p: Problem) -> tuple[Part, ...]:
    """Smaller pieces to improve a plan by, one at a time: each group's rotation (its own
    series and duty), a series in no smaller rotation alone (batched into at most `PIECES`),
    then the visits quarter by quarter. Each is small enough to solve inside the whole model."""
    taken: set[str] = set()
    out = []
    for r in sorted(p.rotations.values(), key=lambda r: (len(r.series), r.group)):
        series = tuple(x for x in r.series if x not in taken)
        duties = (r.duty,) if r.duty and r.duty not in taken else ()
        taken.update(series + duties)
        if series or duties:
            out.append(_part(p, r.group, series, duties))
    out += [_part(p, x, (x,), ()) for x in p.series if x not in taken]
    return _batched(out, PIECES) + _visits_by_quarter(p)


PIECES = 8  # at most this many occurrence pieces a pass: each step solves the whole model


def _batched(pieces: list[Part], most: int) -> tuple[Part, ...]:
    """Neighbouring pieces together, so that a pass over a city is a few steps, not hundreds."""
    size = -(-len(pieces) // most) if pieces else 1
    out = []
    for i in range(0, len(pieces), size):
        group = pieces[i : i + size]
        out.append(
            Part(
                "+".join(x.name for x in group),
                tuple(s for x in group for s in x.series),
                tuple(d for x in group for d in x.duties),
                tuple(o for x in group for o in x.occurrences),
                (),
            )
        )
    return tuple(out)


def hosting(p: Problem) -> Part:
    """Who hosts everything, days and rooms kept: the one piece in which every member's load
    moves at once. Fairness counts the largest deviation over all members and the rotations may
    span groups, so no group alone can lower them (on the generated city this one step took
    the objective from 763,357 to 745,611 in 5 s)."""
    return Part("hosting", tuple(p.series), tuple(p.duties), tuple(p.occurrences), (), True)


def joined(p: Problem, pieces: tuple[Part, ...]) -> tuple[Part, ...]:
    """Pieces that share a member, two by two: a series hosted across the groups (a district
    meeting) with each group, so that turns can move between them."""
    pools = {
        x.name: {o for s in x.series for o in p.series[s].pool}
        | {o for d in x.duties for o in p.duties[d].pool}
        for x in pieces
    }
    out = []
    for i, a in enumerate(pieces):
        for b in pieces[i + 1:]:
            if a.occurrences and b.occurrences and pools[a.name] & pools[b.name]:
                out.append(Part(f"{a.name}+{b.name}", a.series + b.series, a.duties + b.duties,
                                a.occurrences + b.occurrences, ()))
    return tuple(out)


def _visits_by_quarter(p: Problem) -> tuple[Part, ...]:
    quarters: dict[int, list[str]] = {}
    for v in p.visits.values():
        quarters.setdefault(v.first_day // 91, []).append(v.id)
    return tuple(
        Part(f"visits.{q}", (), (), (), tuple(ids)) for q, ids in sorted(quarters.items())
    )


def _part(p: Problem, name: str, series: tuple[str, ...], duties: tuple[str, ...]) -> Part:
    occs = tuple(x for x, o in p.occurrences.items() if o.series in series)
    return Part(name, series, duties, occs, ())


def restrict(p: Problem, part: Part, fair_max_members: int | None = None) -> Problem:
    """The problem with only the part's events, rotations, pins and published events; the
    busiest room not counted;
    the largest fairness deviation counted for `fair_max_members` (None: the part's own)."""
    series = set(part.series)
    events = set(part.events)
    links = {v.link for v in (p.visits[x] for x in part.visits)}
    return replace(
        p,
        series={k: v for k, v in p.series.items() if k in series},
        occurrences={k: p.occurrences[k] for k in part.occurrences},
        duties={k: v for k, v in p.duties.items() if k in part.duties},
        rotations={
            k: v for k, v in p.rotations.items() if series & set(v.series) or v.duty in part.duties
        },
        links={k: v for k, v in p.links.items() if k in links},
        visits={k: p.visits[k] for k in part.visits},
        reference={k: v for k, v in p.reference.items() if k in events},
        pins={k: v for k, v in p.pins.items() if k in events},
        weights={**p.weights, "centre_balance": 0},
        fair_max_members=fair_max_members,
    )  # fmt: skip


def centre_floor(p: Problem) -> int:
    """Fewest bookings the busiest room can have: the occurrences that must go to a centre
    (no host's own room fits them), shared out over the rooms any of them could take."""
    must = [
        o for o in p.occurrences.values()
        if o.needs_room and not any(o.fits_own_room(p.orgs[h]) for h in o.pool)
    ]  # fmt: skip
    rooms = {r for o in must for r in o.rooms}
    if len(rooms) < 2 or len({r for o in p.occurrences.values() for r in o.rooms}) < 2:
        return 0
    return -(-len(must) // len(rooms))
