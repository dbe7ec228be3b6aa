/** Localized labels of the admin views' option lists. */
import type { PlainTextOption } from "@slack/types";
import { WEEKDAYS, type Weekday } from "../../../config/org-schema.ts";
import type { MessageKey, Translator } from "../../../i18n/index.ts";
import { option } from "../../blocks.ts";

const WEEKDAY_LABEL: Record<Weekday, MessageKey> = {
  monday: "admin.weekday.monday",
  tuesday: "admin.weekday.tuesday",
  wednesday: "admin.weekday.wednesday",
  thursday: "admin.weekday.thursday",
  friday: "admin.weekday.friday",
  saturday: "admin.weekday.saturday",
  sunday: "admin.weekday.sunday",
};

export const weekdayLabel = (day: Weekday, t: Translator): string => t(WEEKDAY_LABEL[day]);

export const weekdayOptions = (t: Translator): PlainTextOption[] =>
  WEEKDAYS.map((d) => option(weekdayLabel(d, t), d));

export const workingDayOptions = (t: Translator): PlainTextOption[] => [
  option(t("admin.schedules.nextWorkingDay"), "next-working-day"),
  option(t("admin.schedules.asIs"), "as-is"),
];
