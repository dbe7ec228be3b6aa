import { isDeepStrictEqual } from "node:util";
/**
 * The organisation's configuration in the database: what `pbb org apply` writes, what
 * `pbb org show` reads back, and what every feature reads at run time.
 */
import type { Branch, Org } from "../../config/org-schema.ts";
import type { Locale } from "../../i18n/index.ts";
import type { PersonInfo } from "../../services/org/resolver.ts";
import type { Database, Prisma } from "../client.ts";
import { releaseLeadsWhoLeft } from "./practical-projects.ts";
import { syncFileResponsibilities } from "./responsibility.ts";
import {
  type ServiceListSettings,
  serviceListOfOrg,
  syncFileProjects,
  withServiceList,
} from "./service-list-org.ts";

type Tx = Prisma.TransactionClient;

/** JSON columns come back with their keys reordered (jsonb): compare by content. */
const sameJson = (a: unknown, b: unknown) =>
  isDeepStrictEqual(JSON.parse(JSON.stringify(a ?? null)), JSON.parse(JSON.stringify(b ?? null)));

/** Organization.settings: everything of the org file that has no table of its own. */
export interface OrgSettings {
  schedules: Org["schedules"];
  lectureHall?: Org["lectureHall"];
  calendar: Org["calendar"];
  study?: Org["study"];
  assessment?: Org["assessment"];
  /** The service list's sections (db/repositories/service-list-org.ts). */
  serviceList?: ServiceListSettings;
  inspections?: Org["inspections"];
  responsibilities?: Org["responsibilities"];
}

export interface OrgRecord {
  name: string;
  timezone: string;
  locale: Locale;
  committeeChannel: string;
  settings: OrgSettings;
  orgFileHash: string | null;
  firstAppliedAt: Date;
}

export async function loadOrgRecord(db: Database): Promise<OrgRecord | null> {
  // findFirst: read on every click (why not findUnique: db/repositories/tasklist.ts).
  const row = await db.prisma.organization.findFirst({ where: { id: 1 } });
  if (!row) return null;
  return {
    name: row.name,
    timezone: row.timezone,
    locale: row.locale as Locale,
    committeeChannel: row.committeeChannel,
    settings: row.settings as unknown as OrgSettings,
    orgFileHash: row.orgFileHash,
    firstAppliedAt: row.firstAppliedAt,
  };
}

/** The configuration in force, as an org file would state it (only active branches). */
export async function loadOrg(db: Database): Promise<Org | null> {
  const record = await loadOrgRecord(db);
  if (!record) return null;
  const [committeeRoles, branches] = await Promise.all([
    db.prisma.committeeRole.findMany({ include: { person: true }, orderBy: { id: "asc" } }),
    db.prisma.branch.findMany({
      where: { active: true },
      include: { roles: { include: { person: true }, orderBy: { id: "asc" } } },
      orderBy: { id: "asc" },
    }),
  ]);
  const committeeOf = (role: "MEMBER" | "ADMIN") =>
    committeeRoles.filter((r) => r.role === role).map((r) => r.person.slackUserId);
  const org: Org = {
    organization: { name: record.name, timezone: record.timezone, locale: record.locale },
    committee: {
      channel: record.committeeChannel,
      members: committeeOf("MEMBER"),
      admins: committeeOf("ADMIN"),
    },
    branches: branches.map((b): Branch => {
      const of = (role: "SECRETARY" | "MEMBER") =>
        b.roles.filter((r) => r.role === role).map((r) => r.person.slackUserId);
      return {
        key: b.key,
        name: b.name,
        channel: b.channelId,
        secretaries: of("SECRETARY"),
        members: of("MEMBER"),
        ...(b.classReps
          ? { classReps: b.classReps as unknown as NonNullable<Branch["classReps"]> }
          : {}),
      };
    }),
    schedules: record.settings.schedules,
    ...(record.settings.lectureHall ? { lectureHall: record.settings.lectureHall } : {}),
    calendar: record.settings.calendar,
    ...(record.settings.study ? { study: record.settings.study } : {}),
    ...(record.settings.assessment ? { assessment: record.settings.assessment } : {}),
    ...(record.settings.inspections ? { inspections: record.settings.inspections } : {}),
    ...(record.settings.responsibilities
      ? { responsibilities: record.settings.responsibilities }
      : {}),
  };
  return withServiceList(org, record.settings.serviceList);
}

export interface WriteOrgOptions {
  people?: Map<string, PersonInfo>;
  /** sha256 of the file text, when applied from a file. */
  fileHash?: string;
  actor: string;
  source: string;
  /** What the features do in the same transaction once the org is written (OrgWrittenHook). */
  afterWrite?: OrgWrittenHook | undefined;
}

/**
 * A feature's part of an org write, in its transaction (e.g. asking the committee to name a new
 * lead for a project whose lead left): returns its change lines.
 */
export type OrgWrittenHook = (tx: Tx) => Promise<string[]>;

/**
 * Prisma's default transaction limit is 5 s; an org's size sets this one's work (a first apply
 * of a thousand branches writes thousands of rows), and a half-applied org file is never wanted.
 */
const ORG_WRITE_LIMITS = { maxWait: 10_000, timeout: 60_000 };

/** Writes an org (ids already resolved) in one transaction; returns what changed, one line each. */
export async function writeOrg(
  db: Database,
  org: Org,
  options: WriteOrgOptions,
): Promise<string[]> {
  return db.prisma.$transaction(async (tx) => {
    const changes: string[] = [];
    const settings: OrgSettings = {
      schedules: org.schedules,
      ...(org.lectureHall ? { lectureHall: org.lectureHall } : {}),
      calendar: org.calendar,
      ...(org.study ? { study: org.study } : {}),
      ...(org.assessment ? { assessment: org.assessment } : {}),
      ...serviceListOfOrg(org),
      ...(org.inspections ? { inspections: org.inspections } : {}),
      ...(org.responsibilities ? { responsibilities: org.responsibilities } : {}),
    };
    const before = await tx.organization.findUnique({ where: { id: 1 } });
    const orgData = {
      name: org.organization.name,
      timezone: org.organization.timezone,
      locale: org.organization.locale,
      committeeChannel: org.committee.channel,
      settings: settings as unknown as Prisma.InputJsonValue,
    };
    if (!before) {
      await tx.organization.create({
        data: { id: 1, ...orgData, orgFileHash: options.fileHash ?? null },
      });
      changes.push(`organization "${org.organization.name}": created`);
    } else {
      const differs =
        before.name !== orgData.name ||
        before.timezone !== orgData.timezone ||
        before.locale !== orgData.locale ||
        before.committeeChannel !== orgData.committeeChannel ||
        !sameJson(before.settings, orgData.settings);
      if (differs) changes.push(`organization settings: updated`);
      if (differs || (options.fileHash && options.fileHash !== before.orgFileHash)) {
        await tx.organization.update({
          where: { id: 1 },
          data: { ...orgData, ...(options.fileHash ? { orgFileHash: options.fileHash } : {}) },
        });
      }
    }

    const personIds = await ensurePeople(tx, allUsers(org), options.people ?? new Map());
    changes.push(...(await syncCommittee(tx, org, personIds)));
    changes.push(...(await syncBranches(tx, org, personIds)));
    changes.push(...(await syncFileProjects(tx, org)));
    changes.push(...(await releaseLeadsWhoLeft(tx)));
    changes.push(...(await syncFileResponsibilities(tx, org.responsibilities, options.actor)));
    if (options.afterWrite) changes.push(...(await options.afterWrite(tx)));

    if (changes.length > 0) {
      await tx.auditLog.create({
        data: {
          actor: options.actor,
          action: "org.apply",
          entity: "organization",
          entityId: "1",
          data: { changes },
          source: options.source,
        },
      });
    }
    return changes;
  }, ORG_WRITE_LIMITS);
}

function allUsers(org: Org): string[] {
  const ids = new Set<string>([...org.committee.members, ...org.committee.admins]);
  for (const b of org.branches) {
    for (const id of [...b.secretaries, ...b.members, ...(b.classReps?.roster ?? [])]) ids.add(id);
  }
  for (const id of org.lectureHall?.roster ?? []) ids.add(id);
  for (const id of org.study?.centreGroup?.members ?? []) ids.add(id);
  for (const id of Object.keys(org.responsibilities?.members ?? {})) ids.add(id);
  return [...ids];
}

async function ensurePeople(
  tx: Tx,
  userIds: string[],
  info: Map<string, PersonInfo>,
): Promise<Map<string, number>> {
  const rows = await tx.person.findMany({ where: { slackUserId: { in: userIds } } });
  const existing = new Map(rows.map((p) => [p.slackUserId, p]));
  const ids = new Map(rows.map((p) => [p.slackUserId, p.id]));
  const toCreate: Prisma.PersonCreateManyInput[] = [];
  for (const userId of userIds) {
    const known = info.get(userId) ?? {};
    const data = {
      ...(known.name ? { name: known.name } : {}),
      ...(known.email ? { email: known.email } : {}),
      ...(known.timezone ? { timezone: known.timezone } : {}),
    };
    const current = existing.get(userId);
    if (!current) {
      toCreate.push({ slackUserId: userId, ...data });
    } else if (Object.entries(data).some(([k, v]) => current[k as keyof typeof current] !== v)) {
      await tx.person.update({ where: { id: current.id }, data });
    }
  }
  // One statement for all newcomers: an org of a thousand branches is thousands of people, and
  // one round trip each outlasted the transaction's time limit on PostgreSQL.
  if (toCreate.length > 0) {
    const created = await tx.person.createManyAndReturn({
      data: toCreate,
      select: { id: true, slackUserId: true },
    });
    for (const p of created) ids.set(p.slackUserId, p.id);
  }
  return ids;
}

async function syncCommittee(tx: Tx, org: Org, personIds: Map<string, number>): Promise<string[]> {
  const changes: string[] = [];
  const current = await tx.committeeRole.findMany({ include: { person: true } });
  const wanted = [
    ...org.committee.members.map((u) => ({ u, role: "MEMBER" as const })),
    ...org.committee.admins.map((u) => ({ u, role: "ADMIN" as const })),
  ];
  for (const r of current) {
    if (!wanted.some((w) => w.u === r.person.slackUserId && w.role === r.role)) {
      await tx.committeeRole.delete({ where: { id: r.id } });
      changes.push(`committee ${r.role.toLowerCase()} ${r.person.slackUserId}: removed`);
    }
  }
  for (const w of wanted) {
    if (!current.some((r) => r.person.slackUserId === w.u && r.role === w.role)) {
      await tx.committeeRole.create({ data: { personId: personIds.get(w.u)!, role: w.role } });
      changes.push(`committee ${w.role.toLowerCase()} ${w.u}: added`);
    }
  }
  return changes;
}

async function syncBranches(tx: Tx, org: Org, personIds: Map<string, number>): Promise<string[]> {
  const changes: string[] = [];
  const rows = await tx.branch.findMany({ include: { roles: { include: { person: true } } } });
  const existing = new Map(rows.map((e) => [e.key, e]));
  const dataOf = (b: Org["branches"][number]) => ({
    name: b.name,
    channelId: b.channel,
    active: true,
    classReps: (b.classReps ?? null) as unknown as Prisma.InputJsonValue,
  });
  // New branches, removed roles and added roles are written in one statement each (after the
  // loop decides them): one round trip per row outlasted the transaction's time limit for an
  // org of a thousand branches on PostgreSQL.
  const added = org.branches.filter((b) => !existing.has(b.key));
  const created =
    added.length === 0
      ? []
      : await tx.branch.createManyAndReturn({
          data: added.map((b) => ({ key: b.key, ...dataOf(b) })),
          select: { id: true, key: true },
        });
  const addedIds = new Map(created.map((b) => [b.key, b.id]));
  const rolesRemoved: number[] = [];
  const rolesAdded: Prisma.BranchRoleCreateManyInput[] = [];
  for (const b of org.branches) {
    const current = existing.get(b.key);
    let branchId: number;
    let roles: { id: number; role: string; userId: string }[] = [];
    if (!current) {
      branchId = addedIds.get(b.key)!;
      changes.push(`branch ${b.key}: added`);
    } else {
      branchId = current.id;
      roles = current.roles.map((r) => ({ id: r.id, role: r.role, userId: r.person.slackUserId }));
      const differs =
        current.name !== b.name ||
        current.channelId !== b.channel ||
        !current.active ||
        !sameJson(current.classReps, b.classReps);
      if (differs) {
        await tx.branch.update({ where: { id: branchId }, data: dataOf(b) });
        changes.push(`branch ${b.key}: ${current.active ? "updated" : "reactivated"}`);
      }
    }
    const wanted = [
      ...b.secretaries.map((u) => ({ u, role: "SECRETARY" as const })),
      ...b.members.map((u) => ({ u, role: "MEMBER" as const })),
    ];
    for (const r of roles) {
      if (!wanted.some((w) => w.u === r.userId && w.role === r.role)) {
        rolesRemoved.push(r.id);
        changes.push(`branch ${b.key} ${r.role.toLowerCase()} ${r.userId}: removed`);
      }
    }
    for (const w of wanted) {
      if (!roles.some((r) => r.userId === w.u && r.role === w.role)) {
        rolesAdded.push({ branchId, personId: personIds.get(w.u)!, role: w.role });
        changes.push(`branch ${b.key} ${w.role.toLowerCase()} ${w.u}: added`);
      }
    }
  }
  if (rolesRemoved.length > 0) {
    await tx.branchRole.deleteMany({ where: { id: { in: rolesRemoved } } });
  }
  if (rolesAdded.length > 0) await tx.branchRole.createMany({ data: rolesAdded });
  // A branch left out of the file is deactivated, never deleted: its history stays.
  const listed = new Set(org.branches.map((b) => b.key));
  const gone = rows.filter((e) => e.active && !listed.has(e.key));
  if (gone.length > 0) {
    await tx.branch.updateMany({
      where: { id: { in: gone.map((e) => e.id) } },
      data: { active: false },
    });
  }
  for (const e of gone) changes.push(`branch ${e.key}: deactivated`);
  return changes;
}
