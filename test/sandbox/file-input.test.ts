/**
 * The sandbox page's file picker, at the server (both stores): the service report's evidence
 * field is drawn as a file input; files picked there travel with the submission to the bot as
 * the file objects Slack sends, with their real bytes, size and type. A PDF is kept (the ledger
 * shows it); a .exe is refused on the field by the bot's own policy; a file over Slack's 10 MB
 * is refused on the field before the bot hears of it; a body larger than the open modal's file
 * fields can take is refused with a clear error. What is refused stores nothing. The page
 * serves the uploaded bytes.
 */
import { request } from "node:http";
import { describe, expect, it } from "vitest";
import { type SandboxServer, startSandboxServer } from "../../src/sandbox/server/index.ts";
import { servicesReport } from "../../src/services/service-list/report.ts";
import { useTestBot } from "../helpers/bot.ts";
import { STORES } from "../helpers/database.ts";
import { ledgerRows } from "../helpers/service-ledger.ts";
import { SERVICE_ORG } from "../helpers/service-org.ts";

const FIELD = "svc_file_block.svc_file";
const FIELDS = {
  svc_date: "2026-11-08",
  svc_report_community: "Elm Court",
  svc_category: "policy-consultation",
  svc_hours: "2",
  svc_what: "Pension questions",
};
const PDF = Buffer.from(`%PDF-1.4\n${"1 0 obj << /Type /Catalog >> endobj\n".repeat(60)}%%EOF\n`);

interface Answer {
  status: number;
  body: { ok: boolean; outcome?: string; errors?: Record<string, string>; notice?: string };
}

describe.each(STORES)("the sandbox's file picker (%s)", (store) => {
  let server: SandboxServer;
  // The bot, the page's server on its local Slack, and U0A's service report modal open.
  const bot = useTestBot({
    store,
    orgText: SERVICE_ORG,
    now: "2026-11-10T02:00:00Z",
    setUp: async (t) => {
      server = await startSandboxServer({
        driver: t.slack,
        port: 0,
        timezone: () => "Asia/Shanghai",
      });
      await t.slack.as("U0A").slashCommand("/pbb", "service report", { channel: "C0VETS" });
      await t.emulator.calls.waitFor("views.open");
    },
    beforeClose: () => server?.stop(),
  });

  const submit = async (files: unknown, body?: string): Promise<Answer> => {
    const viewId = bot().slack.openView("U0A")?.id;
    const res = await fetch(`${server.url}sandbox/api/submit`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body:
        body ?? JSON.stringify({ as: "U0A", viewId, values: FIELDS, files: { [FIELD]: files } }),
    });
    return { status: res.status, body: (await res.json()) as Answer["body"] };
  };
  const stored = () => [...bot().emulator.workspace.files.values()];

  it("draws the evidence field as a file picker of the policy's types, one file", async () => {
    const res = await fetch(`${server.url}sandbox/api/screen?as=U0A&c=C0VETS`);
    const modal = ((await res.json()) as { regions: { modal: string } }).regions.modal;
    const picker = /<input class="bk-file" type="file"[^>]*>/.exec(modal)?.[0] ?? "";
    expect(picker).toContain(`data-key="${FIELD}"`);
    expect(picker).toContain(
      'accept=".jpg,.jpeg,.png,.heic,.gif,.pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx"',
    );
    expect(picker).toContain('data-max-files="1"');
    expect(picker).not.toContain("multiple");
  });

  it("a file over 10 MB is refused on the field before the bot hears of it; nothing is stored", async () => {
    const big = await submit([{ name: "roof.jpg", type: "image/jpeg", size: 12 * 1024 * 1024 }]);
    expect(big.body).toMatchObject({ ok: true, outcome: "client_errors" });
    expect(big.body.errors).toEqual({
      svc_file_block: "roof.jpg is 12.0 MB: a file may be at most 10.0 MB.",
    });
    const two = await submit([
      { name: "a.jpg", type: "image/jpeg", size: 3, data: "AAAA" },
      { name: "b.jpg", type: "image/jpeg", size: 3, data: "AAAA" },
    ]);
    expect(two.body.errors).toEqual({ svc_file_block: "Only one file can be attached here." });
    expect(stored()).toEqual([]);
    expect(bot().emulator.workspace.topView("U0A")?.state.values.svc_file_block?.svc_file).toEqual({
      type: "file_input",
      files: [],
    });
    expect(await bot().db.prisma.serviceReport.count()).toBe(0);
  });

  it("a body larger than the modal's file field takes is refused with a clear error, nothing stored", async () => {
    const huge = "A".repeat(16 * 1024 * 1024);
    const res = await submit([{ name: "roof.jpg", type: "image/jpeg", size: 12e6, data: huge }]);
    expect(res.status).toBe(413);
    expect(res.body.notice).toBe(
      "The upload is larger than this modal's file fields take (10.0 MB a file). Nothing was stored.",
    );
    // Sent in chunks with no Content-Length: refused once the cap is passed, answered all the same.
    const chunked = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        `${server.url}sandbox/api/submit`,
        { method: "POST", headers: { "content-type": "application/json" } },
        (r) => {
          let body = "";
          r.on("data", (d: Buffer) => {
            body += d.toString();
          });
          r.on("end", () => resolve({ status: r.statusCode ?? 0, body }));
        },
      );
      req.on("error", reject);
      const chunk = "A".repeat(1024 * 1024);
      for (let i = 0; i < 16; i++) req.write(chunk);
      req.end();
    });
    expect(chunked.status).toBe(413);
    expect(chunked.body).toContain("Nothing was stored.");
    expect(stored()).toEqual([]);
    expect(await bot().db.prisma.serviceReport.count()).toBe(0);
  });

  it("a .exe reaches the bot under its own name, and the bot refuses it on the field", async () => {
    const exe = await submit([
      { name: "tool.exe", type: "application/x-msdownload", size: 4, data: "TVqQAA==" },
    ]);
    expect(exe.body).toMatchObject({ ok: true, outcome: "errors" });
    expect(exe.body.errors?.svc_file_block).toContain("That type of file is not taken");
    expect(await bot().db.prisma.serviceReport.count()).toBe(0);
  });

  it("a PDF is uploaded with its bytes and type, kept with the report, and shown in the ledger", async () => {
    const ok = await submit([
      {
        name: "visit.pdf",
        type: "application/pdf",
        size: PDF.length,
        data: PDF.toString("base64"),
      },
    ]);
    expect(ok.body).toMatchObject({ ok: true, outcome: "closed" });
    const row = await bot().db.prisma.serviceReport.findFirstOrThrow();
    const file = bot().emulator.workspace.files.get(row.fileId ?? "");
    expect([file?.name, file?.mimetype, file?.user, file?.bytes?.equals(PDF)]).toEqual([
      "visit.pdf",
      "application/pdf",
      "U0A",
      true,
    ]);
    expect(row.fileName).toBe("visit.pdf");
    expect(row.fileUrl).toMatch(new RegExp(`/files/U0A/${row.fileId}/visit\\.pdf$`));

    const rows = await ledgerRows(bot(), servicesReport);
    expect(rows[0]?.at(-1)).toBe("Evidence file");
    expect(rows.filter((r) => r[0] === "Report").map((r) => r.at(-1))).toEqual([row.fileUrl]);

    // The page serves the uploaded bytes where its links to the file lead (render.test.ts).
    const href = `/sandbox/files/${row.fileId}/visit.pdf`;
    const download = await fetch(new URL(href, server.url));
    expect(Buffer.from(await download.arrayBuffer()).equals(PDF)).toBe(true);
    expect(download.headers.get("content-disposition")).toMatch(/^attachment;/);
    expect(download.headers.get("x-content-type-options")).toBe("nosniff");
  });
});
