/**
 * The lecture schedule as an iCalendar feed (RFC 5545): one VEVENT per session, UIDs stable
 * across rebuilds (series + date), times in UTC so no VTIMEZONE is needed. Localized strings
 * come in from the caller; the personal feed holds only that person's turns.
 */
import type { LocalDate } from "./calendar.ts";

export interface FeedSession {
  /** "lecture", or "classrep:<branch>". */
  series: string;
  date: LocalDate;
  startsAt: Date;
  speakers: readonly string[];
  topic?: string | null;
  place?: string | null;
  cancelled?: boolean;
  /** Bumped by the caller when the session changes (swap, topic), so clients update it. */
  sequence?: number;
}

export interface FeedStrings {
  calendarName: string;
  /** e.g. "干部能力提升大讲堂：张三" / "Lecture hall: Zhang San". */
  summary: (session: FeedSession) => string;
  description?: (session: FeedSession) => string;
}

export interface FeedOptions {
  /** The right-hand side of every UID, e.g. the bot's host name. */
  domain: string;
  /** DTSTAMP of every event: when the feed was built (time is an argument, never read). */
  generatedAt: Date;
  durationMinutes?: number;
  /** X-WR-TIMEZONE hint for clients that show the calendar's zone. */
  timezone?: string;
}

const CRLF = "\r\n";

export function sessionUid(series: string, date: LocalDate, domain: string): string {
  return `${series.replace(/[^A-Za-z0-9_-]/g, "-")}-${date}@${domain}`;
}

/** The whole schedule. */
export function buildLectureFeed(
  sessions: readonly FeedSession[],
  strings: FeedStrings,
  options: FeedOptions,
): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//party-building-bot//lecture hall//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(strings.calendarName)}`,
    ...(options.timezone ? [`X-WR-TIMEZONE:${options.timezone}`] : []),
    ...sessions.flatMap((s) => eventLines(s, strings, options)),
    "END:VCALENDAR",
  ];
  return lines.map(fold).join(CRLF) + CRLF;
}

/** One person's feed: only the sessions where they speak. */
export function buildPersonalFeed(
  sessions: readonly FeedSession[],
  userId: string,
  strings: FeedStrings,
  options: FeedOptions,
): string {
  return buildLectureFeed(
    sessions.filter((s) => s.speakers.includes(userId)),
    strings,
    options,
  );
}

function eventLines(s: FeedSession, strings: FeedStrings, options: FeedOptions): string[] {
  const end = new Date(s.startsAt.getTime() + (options.durationMinutes ?? 60) * 60_000);
  const description = strings.description?.(s);
  return [
    "BEGIN:VEVENT",
    `UID:${sessionUid(s.series, s.date, options.domain)}`,
    `DTSTAMP:${utcStamp(options.generatedAt)}`,
    `DTSTART:${utcStamp(s.startsAt)}`,
    `DTEND:${utcStamp(end)}`,
    `SEQUENCE:${s.sequence ?? 0}`,
    `STATUS:${s.cancelled ? "CANCELLED" : "CONFIRMED"}`,
    `SUMMARY:${escapeText(strings.summary(s))}`,
    ...(description ? [`DESCRIPTION:${escapeText(description)}`] : []),
    ...(s.place ? [`LOCATION:${escapeText(s.place)}`] : []),
    "END:VEVENT",
  ];
}

/** 20261007T080000Z */
export function utcStamp(at: Date): string {
  return at
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

/** TEXT value escaping (RFC 5545 §3.3.11). */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r?\n/g, "\\n");
}

/** Fold a content line at 75 octets without splitting a UTF-8 character (§3.1). */
export function fold(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    const limit = parts.length === 0 ? 75 : 74; // continuation lines start with a space
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}
