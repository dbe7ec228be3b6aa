/** Dates, times and lists as the lecture views show them, in the org's zone and language. */

import type { LocalDate } from "../../../domain/calendar.ts";
import type { SkipReason } from "../../../domain/lecture-schedule.ts";
import { dayOfWeek, localDateOf, localTimeOf } from "../../../domain/lecture-time.ts";
import type { TurnReason } from "../../../domain/rotation.ts";
import type { Translator } from "../../../i18n/index.ts";
import { mention } from "../../blocks.ts";
import { escapeMrkdwn } from "../../mrkdwn.ts";

function dateParams(date: LocalDate) {
  return {
    year: Number(date.slice(0, 4)),
    month: Number(date.slice(5, 7)),
    day: Number(date.slice(8, 10)),
    weekday: dayOfWeek(date),
  };
}

/** "Wednesday 30 September 2026" / "2026年9月30日（星期三）". */
export function formatDate(date: LocalDate, t: Translator): string {
  return t("lecture.date", dateParams(date));
}

/** "Wednesday 30 September 2026, 16:00" / "2026年9月30日（星期三）16:00", in the org's zone. */
export function formatWhen(at: Date, timezone: string, t: Translator): string {
  const date = localDateOf(at, timezone);
  return t("lecture.when", { ...dateParams(date), time: localTimeOf(at, timezone) });
}

/** "September 2026" / "2026年9月" for a "YYYY-MM" period. */
export function formatMonth(period: string, t: Translator): string {
  return t("lecture.month", {
    year: Number(period.slice(0, 4)),
    month: Number(period.slice(5, 7)),
  });
}

export function mentions(userIds: readonly string[], t: Translator): string {
  return userIds.map(mention).join(t("lecture.list.separator"));
}

/** Escape user text for mrkdwn (the kit's). */
export const esc = escapeMrkdwn;

export function skipReasonText(reason: SkipReason, t: Translator): string {
  if (reason.kind === "org-holiday") return t("lecture.skip.orgHoliday");
  if (!reason.holiday) return t("lecture.skip.publicHoliday");
  // Each language picks its own name of the holiday.
  return t("lecture.skip.publicHolidayNamed", { ...reason.holiday });
}

export function reasonText(reason: TurnReason, t: Translator): string {
  switch (reason.kind) {
    case "first-in-cycle":
      return t("lecture.reason.firstInCycle", { cycle: reason.cycle });
    case "in-order":
      return t("lecture.reason.inOrder", { cycle: reason.cycle });
    case "joined":
      return t("lecture.reason.joined", { cycle: reason.cycle });
    case "kept-priority":
      return t("lecture.reason.keptPriority", { date: formatDate(reason.since, t) });
    case "back-from-absence":
      return t("lecture.reason.backFromAbsence");
    case "swap-make-up":
      return t("lecture.reason.swapMakeUp", { date: formatDate(reason.since, t) });
    case "carried-over":
      return t("lecture.reason.carriedOver", { cycle: reason.cycle });
  }
}
