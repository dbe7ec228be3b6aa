/**
 * Dates in messages, one style per language: "2026年12月1日" and "2026年12月1日9:00" in Chinese
 * (docs/GLOSSARY.md: no ISO dates in Chinese text), "2026-12-01" and "2026-12-01 09:00" in
 * English. Builders pass these to the catalog instead of raw `YYYY-MM-DD` strings.
 */
import type { LocalDate } from "../domain/calendar.ts";
import { wallClock } from "../domain/period.ts";
import type { Translator } from "./index.ts";

function dayParts(date: LocalDate) {
  return {
    iso: date,
    year: Number(date.slice(0, 4)),
    month: Number(date.slice(5, 7)),
    day: Number(date.slice(8, 10)),
  };
}

/** A calendar day: "2026年12月1日" / "2026-12-01". */
export function formatDay(date: LocalDate, t: Translator): string {
  return t("date.day", dayParts(date));
}

/** An instant on the org's wall clock: "2026年12月1日9:00" / "2026-12-01 09:00". */
export function formatDateTime(at: Date, timezone: string, t: Translator): string {
  const w = wallClock(at, timezone);
  return t("date.dateTime", {
    ...dayParts(w.date),
    time: w.time,
    hour: Number(w.time.slice(0, 2)),
    minute: w.time.slice(3, 5),
  });
}

/** A report period key ("2026-12", "2026-Q4", "2026") as the language names it. */
export function formatReportPeriod(key: string, t: Translator): string {
  const quarter = /^(\d{4})-Q([1-4])$/i.exec(key);
  if (quarter) return t("date.quarter", { key, year: quarter[1], quarter: quarter[2] });
  const month = /^(\d{4})-(\d{2})$/.exec(key);
  if (month) return t("date.month", { key, year: month[1], month: Number(month[2]) });
  return t("date.year", { key, year: key });
}
