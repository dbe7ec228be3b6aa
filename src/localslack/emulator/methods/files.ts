import { optInt, optJson, optString, reqString } from "../args.ts";
import { missingArgument, SlackApiError } from "../errors.ts";
import { fileJson } from "../serialize.ts";
import type { MethodContext, MethodSpec } from "./context.ts";
import { assertCanPost, resolveChannel } from "./membership.ts";

function getUploadUrl(ctx: MethodContext) {
  const { ws, args } = ctx;
  const filename = reqString(args, "filename");
  const length = optInt(args, "length");
  if (length === undefined) throw missingArgument("length");
  const id = ws.newId("F");
  ws.files.set(id, {
    id,
    name: filename,
    title: filename,
    length,
    completed: false,
    channels: [],
    created: Math.floor(ws.now() / 1000),
    user: ws.bot.userId,
  });
  // The upload URL is absolute and outside /api/, as Slack's is.
  return { ok: true, upload_url: `${ctx.baseUrl}/upload/${id}`, file_id: id };
}

function completeUpload(ctx: MethodContext) {
  const { ws, args } = ctx;
  const list = optJson(args, "files", "invalid_arguments");
  if (!Array.isArray(list) || list.length === 0) throw missingArgument("files");
  const channelId = optString(args, "channel_id") ?? optString(args, "channels")?.split(",")[0];
  const channel = channelId ? resolveChannel(ws, channelId) : undefined;
  if (channel) assertCanPost(ws, channel);
  const files = list.map((entry) => {
    const e = entry as { id?: unknown; title?: unknown };
    const f = ws.files.get(String(e.id));
    if (!f || f.bytes === undefined) throw new SlackApiError("file_not_found");
    f.completed = true;
    if (typeof e.title === "string") f.title = e.title;
    if (channel) f.channels.push(channel.id);
    return f;
  });
  if (channel) {
    const threadTs = optString(args, "thread_ts");
    ws.addMessage({
      channel: channel.id,
      user: ws.bot.userId,
      bot_id: ws.bot.botId,
      app_id: ws.bot.appId,
      text: optString(args, "initial_comment") ?? "",
      files: files.map((f) => f.id),
      subtype: "file_share",
      ...(threadTs ? { thread_ts: threadTs } : {}),
    });
  }
  return { ok: true, files: files.map((f) => fileJson(ws, f)) };
}

export const fileMethods: Record<string, MethodSpec> = {
  "files.getUploadURLExternal": { tier: 4, handler: getUploadUrl },
  "files.completeUploadExternal": { tier: 4, handler: completeUpload },
};
