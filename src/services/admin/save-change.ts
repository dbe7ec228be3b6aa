/**
 * An admin's change made in Slack: rights read from the database, the changed org validated by
 * the org file's schema (problems on the form's fields), new channels and people checked through
 * Slack like `pbb org apply` does, then written and audited with writeOrg.
 */
import { type Org, orgSchema } from "../../config/org-schema.ts";
import type { Database } from "../../db/client.ts";
import { loadOrg, type OrgWrittenHook, writeOrg } from "../../db/repositories/org.ts";
import { committeeRolesOf } from "../../db/repositories/report-access.ts";
import type { OrgResolver } from "../org/resolver.ts";
import { type FieldError, fieldFor, messageFor } from "./fields.ts";
import {
  type AdminChange,
  changedOrg,
  leadErrors,
  parseFollowUps,
  serviceRowErrors,
  withServices,
} from "./forms.ts";
import { checkNewRefs } from "./refs.ts";

export type SaveOutcome =
  | { status: "refused" }
  | { status: "invalid"; errors: FieldError[] }
  | { status: "saved"; changes: string[] };

export interface AdminDeps {
  db: Database;
  resolver: OrgResolver;
  /** The features' part of the write, in its transaction. */
  afterWrite?: OrgWrittenHook | undefined;
}

/**
 * Problems the schema cannot see: a vanished branch, a service row without its category or
 * frequency, unreadable follow-ups, no admin left.
 */
function formErrors(org: Org, change: AdminChange): FieldError[] {
  const v = change.values;
  if (change.form === "branch" && change.values.editing !== null) {
    const key = change.values.editing;
    if (!org.branches.some((b) => b.key === key))
      return [{ field: "name", key: "admin.error.branchGone" }];
  }
  if (change.form === "branch" && !change.values.deactivate) {
    const rows = serviceRowErrors(change.values.services);
    if (rows.length > 0) return rows;
  }
  if (change.form === "schedules" && "followUps" in v && parseFollowUps(v.followUps) === null) {
    return [{ field: "followUps", key: "admin.error.badFollowUps" }];
  }
  if (change.form === "committee" && change.values.admins.length === 0) {
    return [{ field: "admins", key: "admin.error.noAdmins" }];
  }
  return [];
}

/** Where the form's branch sits in the changed org: a new one is appended. */
function branchIndex(candidate: Record<string, unknown>, change: AdminChange): number {
  if (change.form !== "branch") return -1;
  const branches: unknown[] = Array.isArray(candidate.branches) ? candidate.branches : [];
  const editing = change.values.editing;
  if (editing === null) return branches.length - 1;
  return branches.findIndex(
    (b) => typeof b === "object" && b !== null && "key" in b && b.key === editing,
  );
}

export async function saveAdminChange(
  deps: AdminDeps,
  userId: string,
  change: AdminChange,
  source: string,
): Promise<SaveOutcome> {
  const roles = await committeeRolesOf(deps.db, userId);
  if (!roles.admin) return { status: "refused" };
  const org = await loadOrg(deps.db);
  if (!org) return { status: "refused" };
  const early = formErrors(org, change);
  if (early.length > 0) return { status: "invalid", errors: early };

  const candidate = changedOrg(org, change);
  const parsed = orgSchema.safeParse(candidate);
  if (!parsed.success) {
    const index = branchIndex(candidate, change);
    const rows = change.form === "branch" ? withServices(org, change.values).rows : [];
    const errors = parsed.error.issues.map((issue) => {
      const field = fieldFor(change.form, issue.path, index, rows);
      return {
        field,
        ...messageFor(issue.message, "input" in issue ? issue.input : undefined, field),
      };
    });
    return {
      status: "invalid",
      errors: errors.filter((e, i) => errors.findIndex((o) => o.field === e.field) === i),
    };
  }
  // A service's lead is someone of the organisation as the change leaves it (like a practical
  // project's lead): a committee member, or a secretary or member of an active branch.
  const leads = change.form === "branch" ? leadErrors(parsed.data, change.values) : [];
  if (leads.length > 0) return { status: "invalid", errors: leads };
  const refs = await checkNewRefs(deps.resolver, org, parsed.data, change.form);
  if (refs.errors.length > 0) return { status: "invalid", errors: refs.errors };
  const changes = await writeOrg(deps.db, parsed.data, {
    people: refs.people,
    actor: userId,
    source,
    afterWrite: deps.afterWrite,
  });
  return { status: "saved", changes };
}
