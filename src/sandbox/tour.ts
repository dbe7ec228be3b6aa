/**
 * The guided tour: a strip under the top bar saying whom to act as, where, and what to click
 * next through the month — reminder → list → committee → return → revise → approve → mark done
 * → lecture → swap → Home → report. The step is read from what has happened (the database and
 * the workspace), so the strip follows whatever the visitor did, and its button switches to
 * the right person and conversation.
 */
import type { Database } from "../db/client.ts";
import { periodOf } from "../domain/period.ts";
import { type Locale, type MessageKey, translator } from "../i18n/index.ts";
import type { Workspace } from "../localslack/index.ts";
import { DEMO_PEOPLE } from "./demo-org.ts";
import { html } from "./render/html.ts";
import { APP_MESSAGES, HOME } from "./render/screen.ts";

const BRANCH = { key: "resettlement", channel: "C0RESETTLE" };
const COMMITTEE = "G0COMMITTEE";
const LECTURE = "C0LECTURE";
export const TOUR_STEPS = [
  "reminder",
  "list",
  "return",
  "revise",
  "approve",
  "done",
  "lecture",
  "speakerDm",
  "swap",
  "accept",
  "home",
  "report",
  "finished",
] as const;
export type TourStepName = (typeof TOUR_STEPS)[number];

export interface TourStep {
  name: TourStepName;
  /** Whom to act as, and where (a channel id, HOME or APP_MESSAGES); absent: the clock panel. */
  as?: string;
  where?: string;
  params: Record<string, string>;
}

export interface TourState {
  /** Set when the Home was opened at the Home step. */
  homeSeen: boolean;
}

export async function currentStep(
  db: Database,
  ws: Workspace,
  now: Date,
  tz: string,
  state: TourState,
): Promise<TourStep> {
  const P = DEMO_PEOPLE;
  const period = periodOf(now, tz);
  const list = await db.prisma.taskList.findFirst({
    where: { period, branch: { key: BRANCH.key } },
    include: { revisions: { include: { items: true }, orderBy: { number: "asc" } } },
  });
  if (!list?.reminderTs) return { name: "reminder", params: {} };
  const revisions = list.revisions.length;
  if (list.state === "DRAFT" || revisions === 0)
    return { name: "list", as: P.sec1.id, where: BRANCH.channel, params: {} };
  if (list.state === "SUBMITTED" && revisions === 1)
    return { name: "return", as: P.chair.id, where: COMMITTEE, params: {} };
  if (list.state === "RETURNED")
    return { name: "revise", as: P.sec1.id, where: BRANCH.channel, params: {} };
  if (list.state === "SUBMITTED")
    return { name: "approve", as: P.deputy.id, where: COMMITTEE, params: {} };
  const items = list.revisions.find((r) => r.number === list.approvedRevision)?.items ?? [];
  if (!items.some((i) => i.status === "DONE"))
    return { name: "done", as: P.sec1.id, where: BRANCH.channel, params: {} };

  const first = await db.prisma.organization.findUnique({ where: { id: 1 } });
  const session = await db.prisma.lectureSession.findFirst({
    where: {
      series: "lecture",
      noticeTs: { not: null },
      startsAt: { gt: first?.firstAppliedAt ?? now },
    },
    orderBy: { startsAt: "asc" },
    include: { turns: { include: { swaps: true } } },
  });
  if (!session) return { name: "lecture", params: {} };
  const swaps = session.turns.flatMap((t) => t.swaps);
  const speaker = session.turns[0]?.userId ?? "";
  const name = (id: string) => ws.user(id)?.real_name ?? id;
  if (swaps.length === 0) {
    const turn = session.turns[0];
    if (!turn?.dmKey) return { name: "speakerDm", params: { speaker: name(speaker) } };
    return { name: "swap", as: speaker, where: APP_MESSAGES, params: { speaker: name(speaker) } };
  }
  const pending = swaps.find((s) => s.state === "PENDING");
  if (pending)
    return {
      name: "accept",
      as: pending.toUser,
      where: APP_MESSAGES,
      params: { speaker: name(pending.fromUser) },
    };
  if (!state.homeSeen) return { name: "home", as: P.chair.id, where: HOME, params: {} };
  // A report asked for is sent to the asker's DM (the quarter's chart in #committee is not one).
  const reported = [...ws.files.values()].some(
    (f) =>
      f.user === ws.bot.userId &&
      f.name.endsWith(".xlsx") &&
      f.channels.some((c) => ws.channels.get(c)?.kind === "im"),
  );
  if (!reported) return { name: "report", as: P.chair.id, where: COMMITTEE, params: {} };
  return { name: "finished", params: {} };
}

/** The strip: step n of m, whom to act as and what to do, and a button that goes there. */
export function tourStrip(step: TourStep, ws: Workspace, locale: Locale, actingAs: string): string {
  const t = translator(locale);
  const index = TOUR_STEPS.indexOf(step.name) + 1;
  const who = step.as ? (ws.user(step.as)?.real_name ?? step.as) : "";
  const text = t(`sandbox.tour.${step.name}` as MessageKey, { ...step.params, who });
  const there = step.as && (step.as !== actingAs || step.where);
  return html`<span class="tour-step">${t("sandbox.tour.step", { n: Math.min(index, TOUR_STEPS.length - 1), total: TOUR_STEPS.length - 1 })}</span><span class="tour-text" data-tour-step="${step.name}">${text}</span>${
    there
      ? html`<button type="button" data-tour-as="${step.as ?? ""}" data-tour-go="${step.where ?? ""}">${t("sandbox.tour.go", { who })}</button>`
      : ""
  }`.value;
}

export { LECTURE as TOUR_LECTURE_CHANNEL };
