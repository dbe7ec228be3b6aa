/**
 * Uploading report files to Slack with the files upload flow (files.getUploadURLExternal, the
 * upload, files.completeUploadExternal — what `filesUploadV2` does).
 *
 * The outbox carries messages, not files, so the quarter-summary job uploads its chart with the
 * running bot's client (JobServices.slack), and a job run in a process without one (a `pbb jobs
 * run` beside a bot on PostgreSQL) posts the summary through the outbox without the chart.
 */
import type { WebClient } from "@slack/web-api";

export type ReportSlack = Pick<WebClient, "filesUploadV2" | "conversations">;

export interface ReportFile {
  filename: string;
  title: string;
  bytes: Buffer;
}

/** Uploads the files as one message in `channel`; returns the ids Slack gave them. */
export async function uploadFiles(
  slack: ReportSlack,
  channel: string,
  comment: string,
  files: readonly ReportFile[],
): Promise<string[]> {
  const result = await slack.filesUploadV2({
    channel_id: channel,
    initial_comment: comment,
    file_uploads: files.map((f) => ({ file: f.bytes, filename: f.filename, title: f.title })),
  });
  return result.files.flatMap((r) => (r.files ?? []).flatMap((f) => (f.id ? [f.id] : [])));
}
