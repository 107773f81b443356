// Parse .ics files with Mozilla's ical.js (the parser of Thunderbird's calendar) and print
// what a client would see, as JSON: calendar properties, every event's zone and UTC times,
// and every warning or error ical.js reported.
//   node icaljs_check.mjs FILE.ics [FILE.ics ...]
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const warnings = [];
for (const level of ["warn", "error"]) {
  const original = console[level];
  console[level] = (...args) => {
    warnings.push(`${level}: ${args.map(String).join(" ")}`);
    original.apply(console, args);
  };
}

function utc(time) {
  if (time.isDate) return time.toString(); // all-day: a date, no zone
  return time.convertToZone(ICAL.Timezone.utcTimezone).toString();
}

const files = [];
for (const path of process.argv.slice(2)) {
  const out = { path, errors: [], warnings: [], calendar: {}, events: [] };
  warnings.length = 0;
  try {
    ICAL.TimezoneService.reset();
    const root = new ICAL.Component(ICAL.parse(readFileSync(path, "utf8")));
    if (root.name !== "vcalendar") out.errors.push(`root is ${root.name}`);
    for (const vtz of root.getAllSubcomponents("vtimezone")) {
      ICAL.TimezoneService.register(vtz);
    }
    const cal = out.calendar;
    for (const name of ["prodid", "version", "name", "x-wr-calname", "method", "description"]) {
      cal[name] = root.getAllProperties(name).map((p) => String(p.getFirstValue()));
    }
    const refresh = root.getFirstProperty("refresh-interval");
    cal.refresh = refresh
      ? { type: refresh.type, value: refresh.getFirstValue().toString() }
      : null;
    cal.timezones = root.getAllSubcomponents("vtimezone").map((z) => z.getFirstPropertyValue("tzid"));
    for (const vevent of root.getAllSubcomponents("vevent")) {
      const event = new ICAL.Event(vevent);
      const start = event.startDate;
      const end = event.endDate;
      out.events.push({
        uid: event.uid,
        summary: event.summary,
        location: event.location,
        description: event.description,
        all_day: start.isDate,
        tzid: start.isDate ? null : start.zone.tzid,
        end_tzid: end.isDate ? null : end.zone.tzid,
        start_utc: utc(start),
        end_utc: utc(end),
        attendees: vevent.getAllProperties("attendee").length,
        sequence: event.sequence,
        status: vevent.getFirstPropertyValue("status"),
        organizer: event.organizer,
        organizer_cn: vevent.getFirstProperty("organizer")?.getParameter("cn") ?? null,
        dtstamp: String(vevent.getFirstPropertyValue("dtstamp")),
      });
    }
  } catch (err) {
    out.errors.push(String(err && err.stack ? err.stack : err));
  }
  out.warnings = [...warnings];
  files.push(out);
}
process.stdout.write(JSON.stringify(files));
