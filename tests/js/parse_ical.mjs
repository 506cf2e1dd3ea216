// Parses every iCalendar file named on the command line with ical.js (the parser behind many
// web calendars) and prints, per file, its VEVENTs as {uid, summary, status, sequence, start}.
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const out = [];
for (const path of process.argv.slice(2)) {
  const text = readFileSync(path, "utf8");
  const component = new ICAL.Component(ICAL.parse(text));
  out.push(
    component.getAllSubcomponents("vevent").map((vevent) => {
      const event = new ICAL.Event(vevent);
      return {
        uid: event.uid,
        summary: event.summary,
        description: vevent.getFirstPropertyValue("description"),
        location: event.location,
        status: vevent.getFirstPropertyValue("status"),
        sequence: event.sequence,
        start: event.startDate.toString(),
        image: vevent.getFirstPropertyValue("image"),
      };
    }),
  );
}
process.stdout.write(JSON.stringify(out));
