/**
 * Files through the outbox. An "upload" delivery carries its files (report workbooks, CSVs,
 * charts: small, base64 in the payload) and is sent with Slack's upload flow, as `filesUploadV2`
 * does: files.getUploadURLExternal for each file, its bytes POSTed to the returned upload_url,
 * then one files.completeUploadExternal that shares them all in one message with the comment.
 *
 * Exactly once, with the same retries as a message:
 * - the file ids are saved on the delivery as soon as the bytes are with Slack, so a retry
 *   completes those files instead of uploading them again;
 * - a retry that may follow a completed share first looks for the message carrying the files
 *   in the conversation (as a post looks for its metadata) and adopts it;
 * - files Slack no longer knows (`file_not_found`: an upload never completed in time) are
 *   uploaded again from the bytes on the next attempt.
 */
import type { WebAPICallResult } from "@slack/web-api";
import type { DeliveryPayload } from "./enqueue.ts";

/** A file as the features hand it over. */
export interface UploadFile {
  filename: string;
  title: string;
  bytes: Buffer;
}

/** Where the files go: a conversation, or the DM with a person (opened when sent). */
export type UploadTarget = { channel: string } | { user: string };

/** The outbox row holds the bytes: report files only, not arbitrary media. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

interface StoredFile {
  filename: string;
  title: string;
  /** base64 */
  content: string;
}

/** The payload of an "upload" delivery. */
export function uploadPayload(
  target: UploadTarget,
  comment: string,
  files: readonly UploadFile[],
  threadTs?: string,
): DeliveryPayload {
  return {
    ...target,
    initial_comment: comment,
    ...(threadTs ? { thread_ts: threadTs } : {}),
    files: files.map(
      (f): StoredFile => ({
        filename: f.filename,
        title: f.title,
        content: f.bytes.toString("base64"),
      }),
    ),
  };
}

/** What is wrong with an upload payload, or null. */
export function uploadPayloadProblem(payload: DeliveryPayload): string | null {
  if (!isNonEmpty(payload.channel) && !isNonEmpty(payload.user)) {
    return "an upload needs payload.channel or payload.user";
  }
  const files = storedFiles(payload);
  if (!files || files.length === 0) {
    return "an upload needs payload.files: [{ filename, title, content (base64) }]";
  }
  const bytes = files.reduce((sum, f) => sum + Buffer.byteLength(f.content, "base64"), 0);
  if (bytes > MAX_UPLOAD_BYTES) {
    return `an upload carries at most ${MAX_UPLOAD_BYTES} bytes (this one ${bytes})`;
  }
  return null;
}

/** What the upload needs from the sender: paced Web API calls, the history lookup, the store. */
export interface UploadEnv {
  call(method: string, args: DeliveryPayload, channel: string | null): Promise<WebAPICallResult>;
  /** The ts of a message in the conversation (the thread, with threadTs) that `match`es. */
  find(
    channel: string,
    threadTs: string | null,
    match: (message: Record<string, unknown>) => boolean,
  ): Promise<string | null>;
  /** Saves the payload on the delivery while this worker holds it. */
  saveProgress(payload: DeliveryPayload): Promise<void>;
  fetch: typeof fetch;
}

export interface UploadResult {
  channel: string;
  ts: string | null;
  adopted: boolean;
}

export async function sendUpload(
  env: UploadEnv,
  payload: DeliveryPayload,
  mayHaveBeenSent: boolean,
): Promise<UploadResult> {
  const files = storedFiles(payload);
  const problem = uploadPayloadProblem(payload);
  if (!files || problem) throw new Error(problem ?? "no files");
  const channel = await channelOf(env, payload);
  const threadTs = isNonEmpty(payload.thread_ts) ? payload.thread_ts : null;
  let ids = stringArray(payload.file_ids);

  if (ids.length > 0 && mayHaveBeenSent) {
    const first = ids[0] as string;
    const ts = await env.find(channel, threadTs, (m) => fileIdsOf(m).includes(first));
    if (ts) return { channel, ts, adopted: true };
  }
  if (ids.length !== files.length) {
    ids = [];
    for (const file of files) ids.push(await uploadBytes(env, file));
    await env.saveProgress({ ...payload, file_ids: ids });
  }
  try {
    await env.call(
      "files.completeUploadExternal",
      {
        files: ids.map((id, i) => ({ id, title: files[i]?.title })),
        channel_id: channel,
        ...(isNonEmpty(payload.initial_comment)
          ? { initial_comment: payload.initial_comment }
          : {}),
        ...(threadTs ? { thread_ts: threadTs } : {}),
      },
      channel,
    );
  } catch (error) {
    if (slackErrorOf(error) !== "file_not_found") throw error;
    const { file_ids: _forgotten, ...fresh } = payload;
    await env.saveProgress(fresh);
    throw new Error("upload_expired: Slack no longer knows the uploaded files; uploading again");
  }
  return { channel, ts: null, adopted: false };
}

async function channelOf(env: UploadEnv, payload: DeliveryPayload): Promise<string> {
  if (isNonEmpty(payload.channel)) return payload.channel;
  const opened = await env.call("conversations.open", { users: payload.user }, null);
  const id = (opened as { channel?: { id?: unknown } }).channel?.id;
  if (!isNonEmpty(id)) throw new Error("conversations.open answered without a channel id");
  return id;
}

/** files.getUploadURLExternal, then the bytes to its upload_url; the file's id. */
async function uploadBytes(env: UploadEnv, file: StoredFile): Promise<string> {
  const bytes = Buffer.from(file.content, "base64");
  const res = await env.call(
    "files.getUploadURLExternal",
    { filename: file.filename, length: bytes.length },
    null,
  );
  const { upload_url: url, file_id: id } = res as { upload_url?: unknown; file_id?: unknown };
  if (!isNonEmpty(url) || !isNonEmpty(id)) {
    throw new Error("files.getUploadURLExternal answered without upload_url or file_id");
  }
  const posted = await env.fetch(url, {
    method: "POST",
    body: new Uint8Array(bytes),
    signal: AbortSignal.timeout(60_000),
  });
  await posted.arrayBuffer().catch(() => undefined);
  if (posted.status !== 200) {
    throw new Error(`the upload of ${file.filename} answered HTTP ${posted.status}`);
  }
  return id;
}

function storedFiles(payload: DeliveryPayload): StoredFile[] | null {
  const { files } = payload;
  if (!Array.isArray(files)) return null;
  const ok = files.every(
    (f) =>
      typeof f === "object" &&
      f !== null &&
      isNonEmpty((f as StoredFile).filename) &&
      typeof (f as StoredFile).title === "string" &&
      typeof (f as StoredFile).content === "string",
  );
  return ok ? (files as StoredFile[]) : null;
}

function fileIdsOf(message: Record<string, unknown>): string[] {
  const { files } = message;
  if (!Array.isArray(files)) return [];
  return files.flatMap((f) =>
    typeof f === "object" && f !== null && isNonEmpty(f.id) ? [f.id] : [],
  );
}

function stringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter(isNonEmpty) : [];
}

function isNonEmpty(value: unknown): value is string {
  return typeof value === "string" && value !== "";
}

function slackErrorOf(error: unknown): string | undefined {
  const data = (error as { data?: { error?: unknown } } | null)?.data;
  return typeof data?.error === "string" ? data.error : undefined;
}
