import { describe, expect, it } from "vitest";
import {
  buildLectureFeed,
  buildPersonalFeed,
  type FeedSession,
  type FeedStrings,
  fold,
} from "../../src/domain/lecture-ical.ts";

const sessions: FeedSession[] = [
  {
    series: "lecture",
    date: "2026-09-30",
    startsAt: new Date("2026-09-30T08:00:00Z"),
    speakers: ["U0A"],
    topic: "学习贯彻党的二十大精神, 第一讲; 体会",
    place: "三楼会议室",
  },
  {
    series: "lecture",
    date: "2026-10-14",
    startsAt: new Date("2026-10-14T08:00:00Z"),
    speakers: ["U0B", "U0C"],
    sequence: 2,
  },
];
const names: Record<string, string> = { U0A: "张三", U0B: "李四", U0C: "王五" };
const strings: FeedStrings = {
  calendarName: "干部能力提升大讲堂",
  summary: (s) => `干部能力提升大讲堂：${s.speakers.map((u) => names[u]).join("、")}`,
  description: (s) => (s.topic ? `题目：${s.topic}\n主讲人：${s.speakers.join("、")}` : ""),
};
const options = { domain: "pbb.example", generatedAt: new Date("2026-09-01T00:00:00Z") };

/** Unfold (§3.1) and split into content lines, checking the wire format on the way. */
function parse(ics: string): string[] {
  expect(ics.endsWith("\r\n")).toBe(true);
  expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  const physical = ics.slice(0, -2).split("\r\n");
  for (const line of physical)
    expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
  return ics.slice(0, -2).replace(/\r\n /g, "").split("\r\n");
}

function events(lines: string[]): Map<string, string>[] {
  const out: Map<string, string>[] = [];
  let current: Map<string, string> | null = null;
  for (const line of lines) {
    if (line === "BEGIN:VEVENT") current = new Map();
    else if (line === "END:VEVENT" && current) {
      out.push(current);
      current = null;
    } else if (current) {
      const at = line.indexOf(":");
      current.set(line.slice(0, at), line.slice(at + 1));
    }
  }
  return out;
}

describe("lecture iCalendar feed", () => {
  it("is a VCALENDAR of VEVENTs with CRLF lines, folded at 75 octets, and the required properties", () => {
    const lines = parse(buildLectureFeed(sessions, strings, options));
    expect(lines[0]).toBe("BEGIN:VCALENDAR");
    expect(lines.at(-1)).toBe("END:VCALENDAR");
    expect(lines).toContain("VERSION:2.0");
    expect(lines.some((l) => l.startsWith("PRODID:"))).toBe(true);
    const evs = events(lines);
    expect(evs).toHaveLength(2);
    for (const ev of evs) {
      for (const key of ["UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY"])
        expect(ev.has(key)).toBe(true);
    }
    expect(evs[0]?.get("UID")).toBe("lecture-2026-09-30@pbb.example");
    expect(evs[0]?.get("DTSTART")).toBe("20260930T080000Z");
    expect(evs[0]?.get("DTEND")).toBe("20260930T090000Z");
    expect(evs[0]?.get("DTSTAMP")).toBe("20260901T000000Z");
    expect(evs[0]?.get("SUMMARY")).toBe("干部能力提升大讲堂：张三");
    expect(evs[0]?.get("DESCRIPTION")).toBe(
      "题目：学习贯彻党的二十大精神\\, 第一讲\\; 体会\\n主讲人：U0A",
    );
    expect(evs[0]?.get("LOCATION")).toBe("三楼会议室");
    expect(evs[1]?.get("SEQUENCE")).toBe("2");
    expect(evs[1]?.get("SUMMARY")).toBe("干部能力提升大讲堂：李四、王五");
  });

  it("keeps UIDs stable across rebuilds", () => {
    const a = events(parse(buildLectureFeed(sessions, strings, options))).map((e) => e.get("UID"));
    const later = { ...options, generatedAt: new Date("2026-10-01T00:00:00Z") };
    const b = events(parse(buildLectureFeed(sessions, strings, later))).map((e) => e.get("UID"));
    expect(b).toEqual(a);
  });

  it("gives a person only their own turns", () => {
    const mine = events(parse(buildPersonalFeed(sessions, "U0C", strings, options)));
    expect(mine.map((e) => e.get("UID"))).toEqual(["lecture-2026-10-14@pbb.example"]);
    const none = parse(buildPersonalFeed(sessions, "U0Z", strings, options));
    expect(events(none)).toEqual([]);
    expect(none[0]).toBe("BEGIN:VCALENDAR");
  });

  it("folds long lines without splitting a character", () => {
    const line = `SUMMARY:${"讲".repeat(60)}`;
    const folded = fold(line);
    for (const part of folded.split("\r\n"))
      expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, "")).toBe(line);
  });
});
