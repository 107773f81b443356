"""A published table edited by hand, read back as a plan (after export: it reads what
export/tables.py wrote).

A committee opens tables/plan.xlsx or tables/hosting.csv (or visits.csv), changes a host, a
date, a room or the executive secretary, and sends the file back. `read_edited` takes it as a
person and their spreadsheet leave it:

- headers in Chinese or English (or raw/'s keys), columns in any order, rows in any order;
- names where the plan has ids (ids are accepted too), without the `'` that kept a name from
  being read as a formula;
- dates and times as text (2026-04-24, 2026/4/24, 2026年4月24日, 9:00) or as real dates and
  times, which Excel and WPS make of them;
- CSV in UTF-8 (with or without BOM) or GB18030; in a workbook the hosting sheet (承办安排 /
  Hosting) and the visits sheet (结对互访 / Twinning visits).

Rows are matched to the published plan by their ID column. Only what a person decides is read:
date, start, end, host, co-host, venue and executive secretary of an occurrence; date, start,
end, host and visitors of a visit. The rest (weekday, activity, participants...) follows from
those and is not read. A cell that still shows what was published keeps the published value,
so an own-room venue that names the old host, or a name two organisations share, stays as it
was. An event the table no longer lists is gone from the edited plan: the checker then says so.

Everything wrong is raised at once as an `EditError`, a ScenarioError that names the file, row
and column of each problem in the plan's language; the CLI prints it like a scenario's errors.

Modules: `read` (the tables and their rows), `cells` (text, dates, times), `names` (names back
to ids), `diff` (`edits`: what the edited plan changed, for a re-plan from it), `errors`.
"""

from .diff import Edit, edits
from .errors import EditError
from .read import read_edited

__all__ = ["Edit", "EditError", "edits", "read_edited"]
