/**
 * The service list's jobs and practical projects end to end on both stores: the quarter's nudge
 * goes to exactly the members without a report, once however often it runs; the org file's
 * project gets its committee message from `project-milestones`, which reminds the lead of the
 * milestone due in 3 working days and escalates the overdue one (each once); the lead posts
 * progress by the modal and in the thread (a file there is evidence), asks for completion; the
 * lead's own confirmation is refused, another committee member confirms; a second click finds
 * it done.
 */
import { parse as parseCsv } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { loadOrgRecord } from "../../src/db/repositories/org.ts";
import { parseReportPeriod } from "../../src/domain/report-period.ts";
import { translator } from "../../src/i18n/index.ts";
import type { RecordedCall } from "../../src/localslack/emulator/calls.ts";
import { confirmCompletion } from "../../src/services/service-list/projects.ts";
import { projectsReport, servicesReport } from "../../src/services/service-list/report.ts";
import { serviceListPresenter } from "../../src/slack/views/service-list/present.ts";
import { useTestBot } from "../helpers/bot.ts";
import { STORES } from "../helpers/database.ts";
import { SERVICE_ORG_WITH_PROJECT } from "../helpers/service-org.ts";
import { runJob, settled, waitCall } from "../services/lecture/helpers.ts";

const json = (c: RecordedCall) => JSON.stringify(c.args);

describe.each(STORES)("service nudge and practical projects (%s)", (store) => {
  const bot = useTestBot({
    store,
    orgText: SERVICE_ORG_WITH_PROJECT,
    now: "2026-11-10T02:00:00Z",
    setUp: async (t) => {
      await t.db.prisma.organization.update({
        where: { id: 1 },
        data: { firstAppliedAt: new Date("2020-01-01T00:00:00Z") },
      });
    },
  });
  const dm = (user: string) => bot().emulator.workspace.dmWith(user).id;
  const project = () =>
    bot().db.prisma.practicalProject.findFirstOrThrow({
      include: { milestones: { orderBy: { position: "asc" } }, notes: { orderBy: { id: "asc" } } },
    });
  const refusal = (text: string) =>
    bot().emulator.calls.waitFor("response_url", {
      timeoutMs: 20_000,
      where: (c) => String(c.args.text).includes(text),
    });

  it("the quarter's nudge goes to exactly the members without a report, once", async () => {
    const t = bot();
    await t.db.prisma.serviceReport.createMany({
      data: ["U0A", "U0SEC2"].map((userId) => ({
        userId,
        branchKey: userId === "U0A" ? "vets" : "office",
        date: "2026-11-02",
        quarter: "2026-Q4",
        community: "Elm Court",
        category: "other",
        centiHours: 100,
        what: "help",
      })),
    });
    expect((await runJob(t.db, "service-nudge", "2026-12-15T10:00")).status).toBe("ran");
    expect((await runJob(t.db, "service-nudge", "2026-12-15 10:00")).status).not.toBe("ran");
    await settled(t);
    const nudges = await t.db.prisma.delivery.findMany({
      where: { dedupeKey: { startsWith: "service-nudge:2026-Q4:" } },
      orderBy: { dedupeKey: "asc" },
    });
    expect(nudges.map((n) => (n.payload as { user: string }).user)).toEqual([
      "U0B",
      "U0C",
      "U0D",
      "U0SEC1",
    ]);
    const sent = await waitCall(t, "chat.postMessage", dm("U0B"));
    expect(json(sent)).toContain("no service reported in 2026-Q4");
    // a member who was already nudged is not nudged again, even by another run of the quarter
    await t.db.prisma.jobRun.deleteMany({ where: { job: "service-nudge" } });
    await runJob(t.db, "service-nudge", "2026-12-15T10:00");
    expect(
      await t.db.prisma.delivery.count({ where: { dedupeKey: { startsWith: "service-nudge:" } } }),
    ).toBe(4);
  });

  it("project-milestones posts the project, reminds the lead and escalates the overdue milestone, once each", async () => {
    const t = bot();
    expect((await runJob(t.db, "project-milestones", "2026-11-10T10:00")).status).toBe("ran");
    await runJob(t.db, "project-milestones", "2026-11-10T10:00");
    await settled(t);
    const post = await waitCall(t, "chat.postMessage", "C0COMMITTEE", {
      where: (c) =>
        json(c).includes("Renovate the Elm Court compound") && !json(c).includes("Overdue"),
    });
    expect(json(post)).toContain("A dry roof &lt;before winter&gt;");
    expect(json(post)).toContain("0% done");
    const p = await project();
    expect([p.channel, p.ts]).toEqual([
      "C0COMMITTEE",
      String((post.response as { ts: string }).ts),
    ]);
    const reminder = await waitCall(t, "chat.postMessage", dm("U0DEPUTY"));
    expect(json(reminder)).toContain("Repair the roof");
    const escalation = await waitCall(t, "chat.postMessage", "C0COMMITTEE", {
      where: (c) => json(c).includes("Overdue"),
    });
    expect(json(escalation)).toContain("Survey residents");
    const keys = (
      await t.db.prisma.delivery.findMany({
        where: { dedupeKey: { startsWith: "service-project:" } },
        orderBy: { id: "asc" },
      })
    ).map((d) => d.dedupeKey);
    expect(keys).toEqual([
      `service-project:${p.id}:post`,
      `service-project:${p.id}:m0:escalate:2026-W46`,
      `service-project:${p.id}:m1:remind`,
    ]);
    // the next day in the same week: no second escalation, no second reminder
    await runJob(t.db, "project-milestones", "2026-11-11T10:00");
    expect(
      await t.db.prisma.delivery.count({
        where: { dedupeKey: { startsWith: "service-project:" } },
      }),
    ).toBe(3);
  });

  it("progress by the modal and in the thread (a file is evidence); only the lead or the committee", async () => {
    const t = bot();
    const p = await project();
    const ts = p.ts!;
    await t.slack
      .as("U0A")
      .clickButton({ channel: "C0COMMITTEE", messageTs: ts, label: "Post progress" });
    await refusal("only the project's lead or the committee");
    await t.slack
      .as("U0DEPUTY")
      .clickButton({ channel: "C0COMMITTEE", messageTs: ts, label: "Post progress" });
    await t.emulator.calls.waitFor("views.open");
    const bad = await t.slack.as("U0DEPUTY").submitModal({ svc_link: "not a link" });
    expect(bad.outcome).toBe("errors");
    const ok = await t.slack.as("U0DEPUTY").submitModal({
      svc_note: "Talked to 40 households",
      svc_milestone: "0",
      svc_link: "https://example.org/survey",
    });
    expect(ok.outcome).toBe("closed");
    await t.slack.as("U0DEPUTY").replyInThread("C0COMMITTEE", ts, "Roofers booked for Thursday");
    await t.slack.as("U0B").replyInThread("C0COMMITTEE", ts, "not my project");
    await t.slack.sendEvent({
      type: "message",
      subtype: "file_share",
      channel: "C0COMMITTEE",
      user: "U0DEPUTY",
      text: "",
      ts: "1799999999.000100",
      thread_ts: ts,
      files: [
        { id: "F0PHOTO", name: "roof.jpg", permalink: "https://slack.example/files/roof.jpg" },
      ],
      event_ts: "1799999999.000100",
    });
    for (let i = 0; i < 100 && (await project()).notes.length < 3; i++)
      await new Promise((r) => setTimeout(r, 100));
    const after = await project();
    expect(after.notes.map((n) => [n.kind, n.authorId, n.text, n.link, n.fileId])).toEqual([
      ["evidence", "U0DEPUTY", "Talked to 40 households", "https://example.org/survey", null],
      ["progress", "U0DEPUTY", "Roofers booked for Thursday", null, null],
      ["evidence", "U0DEPUTY", "roof.jpg", "https://slack.example/files/roof.jpg", "F0PHOTO"],
    ]);
    expect(after.milestones.map((m) => m.doneAt !== null)).toEqual([true, false, false]);
    await settled(t);
    const update = await waitCall(t, "chat.update", "C0COMMITTEE", {
      where: (c) => json(c).includes("33% done") && json(c).includes("roof.jpg"),
    });
    expect(update.args.ts).toBe(ts);
  });

  it("completion: asked by the lead, refused for the lead, confirmed by another committee member once", async () => {
    const t = bot();
    const ts = (await project()).ts!;
    await t.slack
      .as("U0DEPUTY")
      .clickButton({ channel: "C0COMMITTEE", messageTs: ts, label: "Ask for completion" });
    for (let i = 0; i < 100 && (await project()).status !== "COMPLETION_REQUESTED"; i++)
      await new Promise((r) => setTimeout(r, 100));
    await settled(t);
    await waitCall(t, "chat.update", "C0COMMITTEE", {
      where: (c) => json(c).includes("Confirm completion"),
    });
    await t.slack
      .as("U0DEPUTY")
      .clickButton({ channel: "C0COMMITTEE", messageTs: ts, label: "Confirm completion" });
    await refusal("the lead does not confirm their own project");
    await t.slack
      .as("U0SEC1")
      .clickButton({ channel: "C0COMMITTEE", messageTs: ts, label: "Confirm completion" });
    await refusal("only a committee member confirms");
    expect((await project()).status).toBe("COMPLETION_REQUESTED");
    await t.slack
      .as("U0CHAIR")
      .clickButton({ channel: "C0COMMITTEE", messageTs: ts, label: "Confirm completion" });
    for (let i = 0; i < 100 && (await project()).status !== "DONE"; i++)
      await new Promise((r) => setTimeout(r, 100));
    const done = await project();
    expect([done.status, done.confirmedBy]).toEqual(["DONE", "U0CHAIR"]);
    await settled(t);
    await waitCall(t, "chat.update", "C0COMMITTEE", {
      where: (c) => json(c).includes("Completion confirmed by <@U0CHAIR>"),
    });
    // a second completion click (the old message's button) finds it done, and changes nothing
    const again = await confirmCompletion(
      { db: t.db, now: () => t.clock.now() },
      serviceListPresenter,
      "U0CHAIR",
      done.id,
    );
    expect(again).toEqual({ ok: false, error: "already-done" });
    expect((await project()).version).toBe(done.version);
  });

  it("the ledgers read back from the csv and the xlsx with the right totals", async () => {
    const t = bot();
    const org = await loadOrgRecord(t.db);
    const period = parseReportPeriod("year", "2026");
    if (!org || !period) throw new Error("no org");
    const t_ = translator("en");
    const services = await servicesReport.build(t.db, org, period, t.clock.now(), t_);
    expect(services.empty).toBe(false);
    const rows = parseCsv(services.files.csv.bytes.toString("utf8"), { bom: true }) as string[][];
    expect(rows[0]?.[6]).toBe("Hours");
    const reports = rows.filter((r) => r[0] === "Report");
    expect(reports.map((r) => [r[2], r[6]])).toEqual([
      ["U0A", "1"],
      ["U0SEC2", "1"],
    ]);
    const branches = rows.filter((r) => r[0] === "Branch");
    expect(branches.map((r) => [r[1], r[6], r[7]])).toEqual([
      ["vets", "1", "3 members, 0 registered (0%), 1 active, 0.3 h per member"],
      ["office", "1", "3 members, 0 registered (0%), 1 active, 0.3 h per member"],
    ]);
    expect(services.comment).toContain("2 reports, 2 h");
    const { default: ExcelJS } = await import("exceljs");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(services.files.xlsx.bytes).buffer);
    const sheet = book.worksheets[0]!;
    let hours = 0;
    sheet.eachRow((row) => {
      if (row.getCell(1).value === "Report") hours += Number(row.getCell(7).value);
    });
    expect(hours).toBe(2);

    const projects = await projectsReport.build(t.db, org, period, t.clock.now(), t_);
    const prow = parseCsv(projects.files.csv.bytes.toString("utf8"), { bom: true }) as string[][];
    const head = prow.find((r) => r[0] === "Project");
    expect(head?.slice(1, 5)).toEqual(["Renovate the Elm Court compound", "Done", "100", "120"]);
    expect(head?.[9]).toBe("U0CHAIR");
    expect(prow.filter((r) => r[0] === "Milestone").map((r) => [r[2], r[7]])).toEqual([
      ["done", "Survey residents"],
      ["", "Repair the roof"],
      ["", "Hand over"],
    ]);
    expect(prow.filter((r) => r[0] === "Note" && r[8] !== "").map((r) => r[8])).toEqual([
      "https://example.org/survey",
      "https://slack.example/files/roof.jpg",
    ]);
    expect(projects.comment).toContain("1 projects, 1 done, 120 beneficiaries");
    const pbook = new ExcelJS.Workbook();
    await pbook.xlsx.load(new Uint8Array(projects.files.xlsx.bytes).buffer);
    const found: unknown[] = [];
    pbook.worksheets[0]!.eachRow((row) => {
      if (row.getCell(1).value === "Project") found.push(row.getCell(5).value);
    });
    expect(found).toEqual([120]);
  });
});
