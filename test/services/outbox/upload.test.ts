/**
 * Files through the outbox ("upload" deliveries) against the local Slack: Slack's upload flow
 * (files.getUploadURLExternal, the bytes, files.completeUploadExternal), into a channel or a DM,
 * and exactly once through a failed completion, a lost answer and an upload Slack forgot.
 */

import type { WebAPICallResult } from "@slack/web-api";
import { describe, expect, it } from "vitest";
import { createDeliveryClient } from "../../../src/services/outbox/client.ts";
import { enqueueDelivery } from "../../../src/services/outbox/enqueue.ts";
import { MAX_UPLOAD_BYTES, uploadPayload } from "../../../src/services/outbox/upload.ts";
import { STORES } from "../../helpers/database.ts";
import { useReplicas } from "../../jobs/helpers.ts";
import { CHANNEL, calledMethods, enqueue, posted, useOutboxHarness } from "./helpers.ts";

const CSV = { filename: "report.csv", title: "Report 2026-Q4", bytes: Buffer.from("a,b\n1,2\n") };
const XLSX = {
  filename: "report.xlsx",
  title: "Report 2026-Q4",
  bytes: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 1, 2, 3, 255]),
};

const upload = (
  key: string,
  target: { channel: string } | { user: string } = { channel: CHANNEL },
) => ({
  dedupeKey: key,
  method: "upload" as const,
  payload: uploadPayload(target, "Report for 2026-Q4", [XLSX, CSV]),
});

describe.each(STORES)("files through the outbox on %s", (kind) => {
  const replicas = useReplicas(kind, 1);
  const harness = useOutboxHarness();

  it("shares the files in one message with the comment, with Slack's three steps", async () => {
    const db = replicas()[0]!;
    const h = harness();
    await enqueue(db, upload("up:1"));
    expect(await h.worker(db).drainOnce()).toMatchObject({ sent: 1, failed: 0, retried: 0 });

    expect(calledMethods(h)).toEqual([
      "files.getUploadURLExternal",
      "upload",
      "files.getUploadURLExternal",
      "upload",
      "files.completeUploadExternal",
    ]);
    const [message, ...rest] = posted(h, CHANNEL);
    expect(rest).toEqual([]);
    expect(message?.text).toBe("Report for 2026-Q4");
    const files = (message?.files ?? []).map((id) => h.emulator.workspace.files.get(id));
    expect(files.map((f) => [f?.name, f?.title, f?.completed, f?.channels])).toEqual([
      ["report.xlsx", "Report 2026-Q4", true, [CHANNEL]],
      ["report.csv", "Report 2026-Q4", true, [CHANNEL]],
    ]);
    expect(files[0]?.bytes?.equals(XLSX.bytes)).toBe(true);
    expect(files[1]?.bytes?.toString("utf8")).toBe("a,b\n1,2\n");
    expect(await db.prisma.delivery.findFirstOrThrow()).toMatchObject({
      status: "SENT",
      attempts: 1,
      resultChannel: CHANNEL,
    });
  });

  it("to a person: opens the DM, then shares the files there", async () => {
    const db = replicas()[0]!;
    const h = harness();
    await enqueue(db, upload("up:dm", { user: "U0MEMBER" }));
    expect(await h.worker(db).drainOnce()).toMatchObject({ sent: 1 });
    const dm = h.emulator.workspace.dmWith("U0MEMBER");
    expect(calledMethods(h)[0]).toBe("conversations.open");
    expect(posted(h, dm.id).map((m) => [m.text, m.files?.length])).toEqual([
      ["Report for 2026-Q4", 2],
    ]);
    expect((await db.prisma.delivery.findFirstOrThrow()).resultChannel).toBe(dm.id);
  });

  it("when the completion fails, the retry completes the files already uploaded, once", async () => {
    const db = replicas()[0]!;
    const h = harness();
    h.emulator.setFaults({
      rules: [{ method: "files.completeUploadExternal", status: 500, times: 1 }],
    });
    await enqueue(db, upload("up:5xx"));
    const worker = h.worker(db);
    expect(await worker.drainOnce()).toMatchObject({ sent: 0, retried: 1 });
    const saved = await db.prisma.delivery.findFirstOrThrow();
    expect(saved).toMatchObject({ status: "PENDING", lastError: "http_500" });
    expect((saved.payload as { file_ids?: string[] }).file_ids).toHaveLength(2);
    expect(posted(h, CHANNEL)).toEqual([]);

    h.clock.advance(60_000);
    expect(await worker.drainOnce()).toMatchObject({ sent: 1 });
    // Bytes sent once; the retry looked for an earlier share, then completed the same files.
    expect(calledMethods(h).filter((m) => m === "upload")).toHaveLength(2);
    expect(calledMethods(h).slice(5)).toEqual([
      "conversations.history",
      "files.completeUploadExternal",
    ]);
    expect(posted(h, CHANNEL)).toHaveLength(1);
    expect(h.emulator.workspace.files.size).toBe(2);
  });

  it("when Slack shared the files but its answer was lost, the retry adopts that message", async () => {
    const db = replicas()[0]!;
    const h = harness();
    const client = createDeliveryClient(h.emulator.workspace.bot.token, {
      slackApiUrl: h.emulator.url,
    });
    let lose = 1;
    const losing = {
      async apiCall(method: string, args?: Record<string, unknown>): Promise<WebAPICallResult> {
        const res = await client.apiCall(method, args);
        if (method === "files.completeUploadExternal" && lose-- > 0) {
          throw new Error("socket hang up");
        }
        return res;
      },
    };
    await enqueue(db, upload("up:lost"));
    const worker = h.worker(db, { client: losing });
    expect(await worker.drainOnce()).toMatchObject({ sent: 0, retried: 1 });
    expect(posted(h, CHANNEL)).toHaveLength(1);

    h.clock.advance(60_000);
    expect(await worker.drainOnce()).toMatchObject({ adopted: 1, sent: 0 });
    const [message, ...others] = posted(h, CHANNEL);
    expect(others).toEqual([]);
    expect(calledMethods(h).filter((m) => m === "files.completeUploadExternal")).toHaveLength(1);
    expect(await db.prisma.delivery.findFirstOrThrow()).toMatchObject({
      status: "SENT",
      resultChannel: CHANNEL,
      resultTs: message?.ts,
    });
  });

  it("when Slack no longer knows the uploaded files, the next attempt uploads them again", async () => {
    const db = replicas()[0]!;
    const h = harness();
    h.emulator.setFaults({
      rules: [{ method: "files.completeUploadExternal", status: 503, times: 1 }],
    });
    await enqueue(db, upload("up:expired"));
    const worker = h.worker(db);
    expect(await worker.drainOnce()).toMatchObject({ retried: 1 });
    h.emulator.workspace.files.clear();

    h.clock.advance(60_000);
    expect(await worker.drainOnce()).toMatchObject({ retried: 1 });
    const forgotten = await db.prisma.delivery.findFirstOrThrow();
    expect(forgotten.lastError).toMatch(/^upload_expired/);
    expect((forgotten.payload as { file_ids?: string[] }).file_ids).toBeUndefined();

    h.clock.advance(120_000);
    expect(await worker.drainOnce()).toMatchObject({ sent: 1 });
    expect(posted(h, CHANNEL)).toHaveLength(1);
    expect(posted(h, CHANNEL)[0]?.files).toHaveLength(2);
    expect(calledMethods(h).filter((m) => m === "upload")).toHaveLength(4);
  });

  it("refuses an upload without files, without a target, or too large to keep in the outbox", async () => {
    const db = replicas()[0]!;
    const attempt = (payload: Record<string, unknown>) =>
      db.prisma.$transaction((tx) =>
        enqueueDelivery(tx, { dedupeKey: "up:bad", method: "upload", payload }),
      );
    await expect(attempt({ channel: CHANNEL, files: [] })).rejects.toThrow(/payload\.files/);
    await expect(attempt(uploadPayload({ channel: "" }, "x", [CSV]))).rejects.toThrow(
      /payload\.channel or payload\.user/,
    );
    const huge = { ...CSV, bytes: Buffer.alloc(MAX_UPLOAD_BYTES + 1) };
    await expect(attempt(uploadPayload({ channel: CHANNEL }, "x", [huge]))).rejects.toThrow(
      /at most/,
    );
    expect(await db.prisma.delivery.count()).toBe(0);
  });
});
