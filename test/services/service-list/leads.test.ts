/**
 * A project's lead leaving the organisation (on both stores): an org write that removes them
 * keeps the project, shows its lead as to be named and asks the committee once (a re-apply asks
 * nothing more); the milestone reminder goes to the committee meanwhile; only a committee member
 * names an active member of the organisation, who gets a DM, and the message follows.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../src/db/client.ts";
import { translator } from "../../../src/i18n/index.ts";
import { applyOrgText } from "../../../src/services/org/apply-org.ts";
import { offlineResolver } from "../../../src/services/org/resolver.ts";
import { askForNewLeads, nameLead } from "../../../src/services/service-list/leads.ts";
import { projectView, runProjectMilestones } from "../../../src/services/service-list/projects.ts";
import { serviceListPresenter } from "../../../src/slack/views/service-list/present.ts";
import {
  buildLeadWanted,
  buildProjectMessage,
} from "../../../src/slack/views/service-list/projects.ts";
import { createTestDatabase, STORES } from "../../helpers/database.ts";
import { LEAD_GONE, LED_BY_MEMBER } from "../../helpers/service-org.ts";

const NOW = new Date("2026-11-10T02:00:00Z");
const json = (v: unknown) => JSON.stringify(v);

describe.each(STORES)("a project's lead leaving the organisation (%s)", (store) => {
  let db: Database;
  const deps = () => ({ db, now: () => NOW });
  const apply = async (text: string) => {
    const outcome = await applyOrgText(db, offlineResolver, text, "org.yml", {
      actor: "test",
      source: "test",
      afterWrite: (tx) => askForNewLeads(tx, serviceListPresenter),
    });
    if (outcome.status === "invalid") throw new Error(outcome.lines.join("\n"));
    return outcome.status === "applied" ? outcome.changes : [];
  };
  const project = () =>
    db.prisma.practicalProject.findFirstOrThrow({
      include: { milestones: { orderBy: { position: "asc" } }, notes: { orderBy: { id: "asc" } } },
    });
  const deliveries = (prefix: string) =>
    db.prisma.delivery.findMany({
      where: { dedupeKey: { startsWith: prefix } },
      orderBy: { id: "asc" },
    });

  beforeAll(async () => {
    db = await createTestDatabase(store);
    await apply(LED_BY_MEMBER);
  });
  afterAll(async () => {
    await db?.close();
  });

  it("the apply that removes the lead keeps the project and asks the committee once", async () => {
    expect((await project()).leadUserId).toBe("U0B");
    const changes = await apply(LEAD_GONE);
    expect(changes).toContain(
      "practical project roof: lead U0B left the organisation; the committee names a new lead",
    );
    expect(changes).toContain("practical project roof: the committee is asked to name a new lead");
    const p = await project();
    expect([p.status, p.leadUserId, p.milestones.length]).toEqual(["ACTIVE", null, 3]);
    expect(p.notes.map((n) => [n.kind, n.authorId])).toEqual([["lead-left", "U0B"]]);
    const asks = await deliveries(`service-project:${p.id}:name-lead:`);
    expect(asks.map((d) => d.dedupeKey)).toEqual([
      `service-project:${p.id}:name-lead:${p.notes[0]!.id}`,
    ]);
    const ask = asks[0]!.payload as { channel: string; text: string };
    expect(ask.channel).toBe("C0COMMITTEE");
    expect(ask.text).toBe(
      "Practical project Renovate the Elm Court compound: its lead <@U0B> left the organisation. A committee member names a new lead.",
    );
    expect(json(ask)).toContain('"action_id":"svc_project_open_name_lead"');
    const post = await deliveries(`service-project:${p.id}:post`);
    expect(json(post[0]!.payload)).toContain("*Lead:* to be named (Veterans Branch)");
    expect(json(post[0]!.payload)).toContain("Name a new lead");

    // re-applying the same file, or a changed one, asks nothing more and keeps the project
    expect(await apply(LEAD_GONE)).toEqual([]);
    await apply(LEAD_GONE.replace("name: Test Committee", "name: Test Committee 2"));
    expect(await deliveries(`service-project:${p.id}:name-lead:`)).toHaveLength(1);
    const again = await project();
    expect([again.leadUserId, again.notes.length]).toEqual([null, 1]);
  });

  it("a milestone reminder goes to the committee while the project has no lead", async () => {
    const sent = await runProjectMilestones(deps(), serviceListPresenter, "2026-11-10");
    expect(sent.reminded).toBe(1);
    const p = await project();
    const [remind] = await deliveries(`service-project:${p.id}:m1:remind`);
    expect(remind?.method).toBe("chat.postMessage");
    const payload = remind!.payload as { channel: string; text: string };
    expect(payload.channel).toBe("C0COMMITTEE");
    expect(payload.text).toContain(
      'has no lead: the milestone "Repair the roof" is due 2026-11-12',
    );
    expect(json(payload)).toContain("svc_project_open_name_lead");
    expect(await db.prisma.delivery.count({ where: { method: "dm" } })).toBe(0);
  });

  it("only a committee member names an active member of the organisation; nothing half-stored", async () => {
    const p = await project();
    const name = (by: string, lead: string) =>
      nameLead(deps(), serviceListPresenter, by, p.id, lead);
    expect(await name("U0A", "U0C")).toEqual({ ok: false, error: "committee-names-lead" });
    expect(await name("U0SEC1", "U0C")).toEqual({ ok: false, error: "committee-names-lead" });
    expect(await name("U0CHAIR", "")).toEqual({ ok: false, error: "lead-required" });
    expect(await name("U0CHAIR", "U0B")).toEqual({ ok: false, error: "unknown-lead" });
    expect(await name("U0CHAIR", "U0NOBODY")).toEqual({ ok: false, error: "unknown-lead" });
    const unchanged = await project();
    expect([unchanged.version, unchanged.leadUserId, unchanged.notes.length]).toEqual([
      p.version,
      null,
      1,
    ]);

    expect(await name("U0CHAIR", "U0C")).toEqual({ ok: true, projectId: p.id });
    const named = await project();
    expect([named.leadUserId, named.notes.at(-1)?.kind, named.notes.at(-1)?.authorId]).toEqual([
      "U0C",
      "lead-named",
      "U0CHAIR",
    ]);
    const [dm] = await deliveries(`service-project:${p.id}:lead:`);
    const dmPayload = dm!.payload as { user: string; text: string };
    expect(dmPayload.user).toBe("U0C");
    expect(dmPayload.text).toBe(
      "You now lead the practical project Renovate the Elm Court compound (named by <@U0CHAIR>). Post its progress with the buttons on its message in the committee channel, or in that message's thread.",
    );
    const updates = await db.prisma.delivery.findMany({
      where: { method: "chat.update", dedupeKey: `service-project:${p.id}:v${named.version}` },
    });
    expect(json(updates[0]?.payload)).toContain("*Lead:* <@U0C> (Veterans Branch)");
    expect(json(updates[0]?.payload)).not.toContain("Name a new lead");
    // a second naming finds the lead named; a later apply of the file keeps the committee's choice
    expect(await name("U0DEPUTY", "U0A")).toEqual({ ok: false, error: "lead-named" });
    await apply(LEAD_GONE.replace("name: Test Committee", "name: Test Committee 3"));
    expect((await project()).leadUserId).toBe("U0C");
  });

  it("the question, the message and the reminder in both languages", async () => {
    const view = { ...(await projectView(db.prisma, await project())), leadUserId: null };
    for (const [locale, asked, lead, button] of [
      ["en", "left the organisation", "*Lead:* to be named", "Name a new lead"],
      ["zh-CN", "已离开本组织", "负责人：待指定", "指定新负责人"],
    ] as const) {
      const t = translator(locale);
      const question = buildLeadWanted({ project: view, left: "U0B" }, t);
      expect(question.text).toContain(asked);
      expect(json(question.blocks)).toContain(button);
      expect(json(buildProjectMessage(view, t).blocks)).toContain(lead);
      const reminder = serviceListPresenter.milestoneReminder(
        { project: view, milestone: { title: "Hand over", due: "2026-12-20" } },
        t,
      );
      expect(json(reminder.blocks)).toContain(button);
    }
  });
});
