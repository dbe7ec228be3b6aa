import chineseDays from "chinese-days";

/** A local calendar date, "YYYY-MM-DD", in the org's time zone. */
export type LocalDate = string;

export interface CalendarSettings {
  /** IANA zone of the org; China's statutory calendar applies to China's zones. */
  timezone: string;
  /** Days the org declares as holidays / as working days, overriding everything else. */
  holidays?: readonly LocalDate[];
  workdays?: readonly LocalDate[];
  /** false: only weekends and the org's own days count (no statutory calendar). */
  useStatutoryHolidays?: boolean;
}

export type DayKind = "workday" | "weekend" | "holiday" | "makeup-workday";

export interface DayInfo {
  date: LocalDate;
  kind: DayKind;
  working: boolean;
  /** Where the answer came from, so a schedule can explain itself. */
  source: "org" | "statutory" | "weekday";
  /** The holiday's name when the statutory calendar names one (e.g. "National Day,国庆节,3"). */
  name?: string;
}

const CHINA_ZONES = new Set([
  "Asia/Shanghai",
  "Asia/Chongqing",
  "Asia/Harbin",
  "Asia/Urumqi",
  "PRC",
]);

/** Years for which the statutory calendar package has official data. */
const OFFICIAL_YEARS = new Set(
  // chinese-days knows no weekday holiday at all in a year it has no official schedule for.
  Array.from({ length: 60 }, (_, i) => 2004 + i).filter(
    (year) => chineseDays.getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).length > 0,
  ),
);

function isWeekend(date: LocalDate): boolean {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
}

export function usesChineseStatutoryCalendar(settings: CalendarSettings): boolean {
  return (settings.useStatutoryHolidays ?? true) && CHINA_ZONES.has(settings.timezone);
}

/** Whether the statutory calendar has official data for the year of `date`. */
export function hasOfficialData(date: LocalDate): boolean {
  return OFFICIAL_YEARS.has(Number(date.slice(0, 4)));
}

export function describeDay(settings: CalendarSettings, date: LocalDate): DayInfo {
  if (settings.workdays?.includes(date))
    return { date, kind: "makeup-workday", working: true, source: "org" };
  if (settings.holidays?.includes(date))
    return { date, kind: "holiday", working: false, source: "org" };
  if (usesChineseStatutoryCalendar(settings) && hasOfficialData(date)) {
    const detail = chineseDays.getDayDetail(date);
    const weekend = isWeekend(date);
    if (detail.work) {
      return weekend
        ? { date, kind: "makeup-workday", working: true, source: "statutory", name: detail.name }
        : { date, kind: "workday", working: true, source: "weekday" };
    }
    if (!weekend)
      return { date, kind: "holiday", working: false, source: "statutory", name: detail.name };
  }
  return isWeekend(date)
    ? { date, kind: "weekend", working: false, source: "weekday" }
    : { date, kind: "workday", working: true, source: "weekday" };
}

export function isWorkingDay(settings: CalendarSettings, date: LocalDate): boolean {
  return describeDay(settings, date).working;
}

export function isPublicHoliday(settings: CalendarSettings, date: LocalDate): boolean {
  return describeDay(settings, date).kind === "holiday";
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The date itself when it is a working day, else the next working day after it. */
export function onOrNextWorkingDay(settings: CalendarSettings, date: LocalDate): LocalDate {
  let day = date;
  for (let i = 0; i < 60; i++) {
    if (isWorkingDay(settings, day)) return day;
    day = addDays(day, 1);
  }
  throw new Error(`no working day within 60 days of ${date}`);
}
