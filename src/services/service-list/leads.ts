/**
 * A project whose lead left the organisation (an org write released them, see
 * db/repositories/practical-projects.ts `releaseLeadsWhoLeft`): the project stays, its message
 * says the lead is to be named, and the committee is asked once (keyed by the leaving) with a
 * button; a committee member names an active member of the organisation in a modal, who gets a
 * DM, and the project's message follows.
 */
import type { Prisma } from "../../db/client.ts";
import {
  addProjectNote,
  inOrganisation,
  leaderlessProjects,
} from "../../db/repositories/practical-projects.ts";
import { loadActor } from "../../db/repositories/tasklist.ts";
import { nameLeadRefusal } from "../../domain/service-list.ts";
import { localeOr, translator } from "../../i18n/index.ts";
import type { ProjectsPresenter } from "../../ports/service-list.ts";
import type { Deps } from "../kit/result.ts";
import { enqueueDelivery } from "../outbox/index.ts";
import {
  change,
  type MessageEnv,
  openProjectModal,
  projectView,
  refreshMessage,
} from "./projects.ts";

type Tx = Prisma.TransactionClient;

export type NameLeadError = "lead-required" | "unknown-lead";

/**
 * Asks the committee, once per leaving, to name a new lead of each open project without one,
 * and brings the project's message up to date. Runs in the org write's transaction (the
 * feature's `orgWritten`) and in each `project-milestones` run (for a write made without it).
 */
export async function askForNewLeads(
  tx: Tx,
  present: ProjectsPresenter,
  env?: MessageEnv,
): Promise<string[]> {
  const projects = await leaderlessProjects(tx);
  if (projects.length === 0) return [];
  const messageEnv = env ?? (await messageEnvOf(tx));
  if (!messageEnv) return [];
  const asked: string[] = [];
  for (const p of projects) {
    const left = p.notes.filter((n) => n.kind === "lead-left").at(-1);
    const view = await projectView(tx, p);
    const sent = await enqueueDelivery(tx, {
      dedupeKey: `service-project:${p.id}:name-lead:${left?.id ?? 0}`,
      method: "chat.postMessage",
      payload: {
        channel: messageEnv.committeeChannel,
        ...present.leadWanted({ project: view, left: left?.authorId ?? null }, messageEnv.t),
      },
    });
    if (!sent) continue;
    await refreshMessage(tx, messageEnv, present, p.id);
    asked.push(`practical project ${p.key ?? p.id}: the committee is asked to name a new lead`);
  }
  return asked;
}

async function messageEnvOf(tx: Tx): Promise<MessageEnv | null> {
  const org = await tx.organization.findUnique({ where: { id: 1 } });
  if (!org) return null;
  return { t: translator(localeOr(org.locale)), committeeChannel: org.committeeChannel };
}

/** May this person name the project's new lead (the modal opens only then)? */
export const openNameLead = (deps: Deps, userId: string, projectId: number) =>
  openProjectModal(deps, userId, projectId, nameLeadRefusal);

/**
 * A committee member names the project's new lead: an active member of the organisation. The
 * lead gets a DM; the project's message shows them. Of two namings one wins.
 */
export async function nameLead(
  deps: Deps,
  present: ProjectsPresenter,
  userId: string,
  projectId: number,
  leadId: string,
) {
  const lead = leadId.trim();
  return change<NameLeadError>(deps, present, projectId, async (tx, p, env) => {
    const refusal = nameLeadRefusal(p, await loadActor(tx, userId));
    if (refusal) return refusal;
    if (lead === "") return "lead-required";
    if (!(await inOrganisation(tx, [lead])).has(lead)) return "unknown-lead";
    await addProjectNote(tx, { projectId: p.id, kind: "lead-named", authorId: userId, text: "" });
    const view = await projectView(tx, { ...p, leadUserId: lead });
    await enqueueDelivery(tx, {
      dedupeKey: `service-project:${p.id}:lead:${p.version + 1}`,
      method: "dm",
      payload: { user: lead, ...present.newLeadDm({ project: view, namedBy: userId }, env.t) },
    });
    return { data: { leadUserId: lead } };
  });
}
