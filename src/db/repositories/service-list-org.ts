/**
 * The service list's part of the org as stored: communities and services in
 * Organization.settings.serviceList, and the file's practical projects kept as project rows
 * (created once by key; their definition follows the file while they are not done).
 */
import type { Org } from "../../config/org-schema.ts";
import type { Prisma } from "../client.ts";
import { inOrganisation } from "./practical-projects.ts";

type Tx = Prisma.TransactionClient;

export interface ServiceListSettings {
  /** Branch key → its joint-construction community. */
  communities: Record<string, string>;
  services?: NonNullable<Org["services"]>;
  practicalProjects?: NonNullable<Org["practicalProjects"]>;
}

/** What of an org goes into settings.serviceList, or nothing when it has no service list. */
export function serviceListOfOrg(org: Org): { serviceList?: ServiceListSettings } {
  const communities: Record<string, string> = {};
  for (const b of org.branches) if (b.community !== undefined) communities[b.key] = b.community;
  if (Object.keys(communities).length === 0 && !org.services && !org.practicalProjects) return {};
  return {
    serviceList: {
      communities,
      ...(org.services ? { services: org.services } : {}),
      ...(org.practicalProjects ? { practicalProjects: org.practicalProjects } : {}),
    },
  };
}

/** The org as a file states it, with its service list put back where the file has it. */
export function withServiceList(org: Org, stored: ServiceListSettings | undefined): Org {
  if (!stored) return org;
  return {
    ...org,
    branches: org.branches.map((b) => {
      const community = stored.communities[b.key];
      return community === undefined ? b : { ...b, community };
    }),
    ...(stored.services ? { services: stored.services } : {}),
    ...(stored.practicalProjects ? { practicalProjects: stored.practicalProjects } : {}),
  };
}

const yearOf = (p: { milestones: { due: string }[] }) =>
  Number(
    p.milestones
      .map((m) => m.due)
      .sort()
      .at(-1)
      ?.slice(0, 4),
  );

/**
 * The file's practical projects as rows: a new key is created (its message is posted by the
 * `project-milestones` job); one not done takes the file's title, lead, goal and milestones
 * (milestones already done stay done). A project left out of the file stays: its history counts.
 */
export async function syncFileProjects(tx: Tx, org: Org): Promise<string[]> {
  const changes: string[] = [];
  const projects = org.practicalProjects ?? [];
  const members = await inOrganisation(
    tx,
    projects.map((p) => p.lead),
  );
  for (const p of projects) {
    const current = await tx.practicalProject.findUnique({
      where: { key: p.key },
      include: { milestones: { orderBy: { position: "asc" } } },
    });
    const data = {
      title: p.title,
      serves: p.serves,
      branchKey: p.branch,
      // A lead who is not (or no longer) in the organisation leads nothing: the project keeps
      // its lead (none, or the one the committee named in Slack) and the committee is asked.
      leadUserId: members.has(p.lead) ? p.lead : (current?.leadUserId ?? null),
      goal: p.goal,
      beneficiaries: p.beneficiaries,
      year: yearOf(p),
    };
    if (!current) {
      await tx.practicalProject.create({
        data: {
          key: p.key,
          ...data,
          createdBy: "org-file",
          milestones: {
            create: p.milestones.map((m, position) => ({ position, title: m.title, due: m.due })),
          },
        },
      });
      changes.push(`practical project ${p.key}: added`);
      continue;
    }
    if (current.status === "DONE") continue;
    const sameMilestones =
      current.milestones.length === p.milestones.length &&
      current.milestones.every(
        (m, i) => m.title === p.milestones[i]?.title && m.due === p.milestones[i]?.due,
      );
    const same =
      sameMilestones &&
      (Object.keys(data) as (keyof typeof data)[]).every((k) => current[k] === data[k]);
    if (same) continue;
    await tx.practicalProject.update({
      where: { id: current.id },
      data: { ...data, version: { increment: 1 } },
    });
    for (const [position, m] of p.milestones.entries()) {
      await tx.projectMilestone.upsert({
        where: { projectId_position: { projectId: current.id, position } },
        create: { projectId: current.id, position, title: m.title, due: m.due },
        update: { title: m.title, due: m.due },
      });
    }
    await tx.projectMilestone.deleteMany({
      where: { projectId: current.id, position: { gte: p.milestones.length }, doneAt: null },
    });
    changes.push(`practical project ${p.key}: updated`);
  }
  return changes;
}
