"""Names (and ids) of organisations, rooms and executive secretaries, as the published tables
write them in either language, back to ids."""

from __future__ import annotations

from collections import Counter
from typing import Any, Literal

from ..export._i18n import word
from ..export._view import View
from ..plan import Plan
from ..problem import Problem
from .cells import text as _text

LANGS = ("zh", "en")
Place = tuple[Literal["centre", "own", "none"], str, str]  # an occurrence's venue, centre, room


class Names:
    """Names (and ids) of the problem's organisations, rooms and executives, as the tables
    write them in either language."""

    def __init__(self, plan: Plan, problem: Problem) -> None:
        self.problem = problem
        self.orgs: dict[str, list[str]] = {}
        for oid, org in problem.orgs.items():
            self.orgs.setdefault(_text(org.name), []).append(oid)
        self.places: dict[str, Place] = {}
        view = View(plan, problem, "zh")
        alone = Counter(_text(r.name) for r in problem.rooms.values())
        for key, r in problem.rooms.items():
            place: Place = ("centre", r.centre, r.room)
            labels = [view.room_label(key), f"{r.centre_name}{r.name}", key]
            labels += [r.name] if alone[_text(r.name)] == 1 else []
            for label in labels:
                self.places.setdefault(_text(label), place)
        for lang in LANGS:
            self.places[_text(word(lang, "venue_none"))] = ("none", "", "")
        self.places["none"] = ("none", "", "")
        self.own = [_text(word(lang, "venue_own")) for lang in LANGS]
        self.executives: dict[str, str] = {}
        for oid, org in problem.orgs.items():
            person = problem.persons.get(org.person)
            name = person.name if person else org.person
            for lang in LANGS:
                label = word(lang, "paren", text=name, inner=org.name)
                self.executives.setdefault(_text(label), oid)

    def org(self, text: str) -> tuple[str | None, str, dict[str, Any]]:
        """(id, "", {}) or (None, error code, params)."""
        ids = self.orgs.get(text, [])
        if len(ids) == 1:
            return ids[0], "", {}
        if ids:
            return None, "edit_ambiguous_org", {"input": text, "ids": ", ".join(ids)}
        if text in self.problem.orgs:
            return text, "", {}
        return None, "edit_unknown_org", {"input": text}

    def executive(self, text: str) -> tuple[str | None, str, dict[str, Any]]:
        if text in self.executives:
            return self.executives[text], "", {}
        org, code, params = self.org(text)
        if org is not None:
            return org, "", {}
        led = [p.orgs for p in self.problem.persons.values() if _text(p.name) == text]
        if len(led) == 1 and len(led[0]) == 1:
            return led[0][0], "", {}
        if led:
            ids = ", ".join(o for orgs in led for o in orgs)
            return None, "edit_ambiguous_org", {"input": text, "ids": ids}
        return None, code, params

    def place(self, text: str) -> Place | None:
        if text == "own" or any(word in text for word in self.own):
            return ("own", "", "")
        return self.places.get(text)

    def room(self, centre: str, room: str) -> Place | None:
        """A raw table's centre and room columns, as ids or names."""
        centres = [c for c, name in self.problem.centres.items() if centre in (c, _text(name))]
        for c in centres:
            for r in self.problem.rooms.values():
                if r.centre == c and room in (r.room, _text(r.name)):
                    return ("centre", r.centre, r.room)
        return None
