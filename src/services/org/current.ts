/**
 * What the listeners ask of the org before they route a request: the org as applied, and the
 * committee roles of the person asking (always from the database, never from what Slack echoes).
 * Listeners reach the repositories only through services like this one.
 */
import type { Database } from "../../db/client.ts";
import { loadOrg, loadOrgRecord } from "../../db/repositories/org.ts";
import { committeeRolesOf } from "../../db/repositories/report-access.ts";

export type { CommitteeRoles } from "../../db/repositories/report-access.ts";

/** The org file as last applied, or null before the first apply. */
export const currentOrg = (db: Database) => loadOrg(db);

/** The org's stored row (locale, zone, settings), or null before the first apply. */
export const currentOrgRecord = (db: Database) => loadOrgRecord(db);

/** Whether the person is on the committee, and whether as an admin. */
export const committeeRoles = (db: Database, userId: string) => committeeRolesOf(db, userId);
