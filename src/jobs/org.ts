import type { Database } from "../db/client.ts";
import type { JobOrg } from "./define.ts";

/** The organisation row as jobs see it, or null before any org was applied. */
export async function loadJobOrg(db: Database): Promise<JobOrg | null> {
  return db.prisma.organization.findUnique({
    where: { id: 1 },
    select: { timezone: true, locale: true, settings: true, firstAppliedAt: true },
  });
}

/** `schedules.catchUpWindowHours` from the org settings, when set. */
export function catchUpWindowHoursOf(org: JobOrg): number | undefined {
  const { settings } = org;
  if (typeof settings !== "object" || settings === null || !("schedules" in settings)) {
    return undefined;
  }
  const { schedules } = settings;
  if (typeof schedules !== "object" || schedules === null) return undefined;
  if (!("catchUpWindowHours" in schedules)) return undefined;
  const hours = schedules.catchUpWindowHours;
  return typeof hours === "number" && Number.isFinite(hours) && hours >= 0 ? hours : undefined;
}
