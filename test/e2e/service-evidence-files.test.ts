/**
 * Evidence files uploaded in the modals (Slack's file_input), end to end on both stores: a
 * member's service report and a project's progress refuse a file too large or of a type not
 * taken on the file field and store nothing; a good file is stored with its id and permalink
 * and read back in the service and project ledgers.
 */
import { describe, expect, it } from "vitest";
import { projectsReport, servicesReport } from "../../src/services/service-list/report.ts";
import { useTestBot } from "../helpers/bot.ts";
import { STORES } from "../helpers/database.ts";
import { ledgerRows } from "../helpers/service-ledger.ts";
import { SERVICE_ORG_WITH_PROJECT } from "../helpers/service-org.ts";
import { runJob, settled, waitCall } from "../services/lecture/helpers.ts";

const TOO_LARGE = "That file is too large or empty";
const BAD_TYPE = "That type of file is not taken";

describe.each(STORES)("evidence files in the service list's modals (%s)", (store) => {
  const ledger = (report: typeof servicesReport) => ledgerRows(bot(), report);

  const bot = useTestBot({
    store,
    orgText: SERVICE_ORG_WITH_PROJECT,
    now: "2026-11-10T02:00:00Z",
  });

  it("a service report refuses a bad file on its field, stores a good one, the ledger shows it", async () => {
    const t = bot();
    await t.slack.as("U0A").slashCommand("/pbb", "service report", { channel: "C0VETS" });
    await t.emulator.calls.waitFor("views.open");
    const fields = {
      svc_date: "2026-11-08",
      svc_report_community: "Elm Court",
      svc_category: "policy-consultation",
      svc_hours: "2",
      svc_what: "Pension questions",
    };
    const exe = await t.slack.as("U0A").submitModal({ ...fields, svc_file: ["photos.exe"] });
    expect(exe.outcome).toBe("errors");
    expect(JSON.stringify(exe)).toContain("svc_file_block");
    expect(JSON.stringify(exe)).toContain(BAD_TYPE);
    const big = await t.slack.as("U0A").submitModal({ svc_file: ["roof.jpg:20000000"] });
    expect(big.outcome).toBe("errors");
    expect(JSON.stringify(big)).toContain(TOO_LARGE);
    expect(await t.db.prisma.serviceReport.count()).toBe(0);

    const ok = await t.slack.as("U0A").submitModal({ svc_file: ["visit.jpg:2048"] });
    expect(ok.outcome).toBe("closed");
    const row = await t.db.prisma.serviceReport.findFirstOrThrow();
    expect(row.fileId).toMatch(/^F0UPLOAD/);
    expect([row.fileName, row.fileUrl]).toEqual([
      "visit.jpg",
      `https://localslack.slack.com/files/U0LOCAL/${row.fileId}/visit.jpg`,
    ]);
    const rows = await ledger(servicesReport);
    expect(rows[0]?.at(-1)).toBe("Evidence file");
    expect(rows.filter((r) => r[0] === "Report").map((r) => r.at(-1))).toEqual([row.fileUrl]);
  });

  it("a project's progress refuses a bad file and records each good one as evidence", async () => {
    const t = bot();
    await runJob(t.db, "project-milestones", "2026-11-10T10:00");
    await settled(t);
    const posted = await waitCall(t, "chat.postMessage", "C0COMMITTEE", {
      where: (c) => JSON.stringify(c.args).includes("Post progress"),
    });
    const ts = String((posted.response as { ts: string }).ts);
    await t.slack
      .as("U0DEPUTY")
      .clickButton({ channel: "C0COMMITTEE", messageTs: ts, label: "Post progress" });
    await t.emulator.calls.waitFor("views.open", { count: 2 });
    const bad = await t.slack
      .as("U0DEPUTY")
      .submitModal({ svc_note: "Before and after", svc_file: ["before.jpg", "tool.sh"] });
    expect(bad.outcome).toBe("errors");
    expect(JSON.stringify(bad)).toContain(BAD_TYPE);
    expect(await t.db.prisma.projectNote.count()).toBe(0);
    const ok = await t.slack
      .as("U0DEPUTY")
      .submitModal({ svc_file: ["before.jpg:3000", "after.pdf:4000"] });
    expect(ok.outcome).toBe("closed");
    const notes = await t.db.prisma.projectNote.findMany({ orderBy: { id: "asc" } });
    expect(notes.map((n) => [n.kind, n.text, n.fileId?.startsWith("F0UPLOAD")])).toEqual([
      ["progress", "Before and after", undefined],
      ["evidence", "before.jpg", true],
      ["evidence", "after.pdf", true],
    ]);
    const links = (await ledger(projectsReport))
      .filter((r) => r[0] === "Note" && r[8] !== "")
      .map((r) => r[8]);
    expect(links).toEqual(notes.slice(1).map((n) => n.link));
  });
});
