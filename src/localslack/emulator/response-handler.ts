/** What a POST to a minted response_url does to the workspace. */
import { optBool, optString } from "./args.ts";
import { assignIds } from "./block-ids.ts";
import type { ResponseTarget } from "./response-urls.ts";
import type { Json } from "./types.ts";
import { LIMITS, validateMessage } from "./validate.ts";
import type { Workspace } from "./workspace.ts";

export interface ResponseUrlAnswer {
  status: number;
  body: Json;
}

function fail(status: number, error: string, messages?: string[]): ResponseUrlAnswer {
  return {
    status,
    body: { ok: false, error, ...(messages ? { response_metadata: { messages } } : {}) },
  };
}

export function answerResponseUrl(
  ws: Workspace,
  target: ResponseTarget,
  body: Json,
  strictText: boolean,
): ResponseUrlAnswer {
  const source = target.messageTs;
  if (optBool(body, "delete_original")) {
    if (!source) return fail(404, "message_not_found");
    if (target.isEphemeral) {
      const e = ws.ephemerals.find((x) => x.ts === source);
      if (e) e.deleted = true;
    } else {
      const m = ws.message(target.channel, source);
      if (!m) return fail(404, "message_not_found");
      ws.deleteMessage(m);
    }
    return { status: 200, body: { ok: true } };
  }
  const text = optString(body, "text") ?? "";
  const blocks = body.blocks;
  const problem = validateMessage(
    { text, blocks },
    { maxText: LIMITS.postText, requireTextWithBlocks: strictText },
  );
  if (problem) return fail(400, problem.error, problem.messages);
  const blockList = Array.isArray(blocks) ? assignIds(blocks as Json[]) : undefined;

  if (optBool(body, "replace_original")) {
    if (!source) return fail(404, "message_not_found");
    const original = target.isEphemeral
      ? ws.ephemerals.find((x) => x.ts === source && !x.deleted)
      : ws.message(target.channel, source);
    if (!original) return fail(404, "message_not_found");
    original.text = text;
    if (blockList) original.blocks = blockList;
    else delete original.blocks;
    return { status: 200, body: { ok: true } };
  }

  const threadTs = optString(body, "thread_ts") ?? target.threadTs;
  if (body.response_type === "in_channel") {
    ws.addMessage({
      channel: target.channel,
      user: ws.bot.userId,
      bot_id: ws.bot.botId,
      app_id: ws.bot.appId,
      text,
      ...(blockList ? { blocks: blockList } : {}),
      ...(threadTs ? { thread_ts: threadTs } : {}),
    });
  } else {
    ws.addEphemeral({
      channel: target.channel,
      user: target.user,
      text,
      ...(blockList ? { blocks: blockList } : {}),
      ...(threadTs ? { thread_ts: threadTs } : {}),
      source: "response_url",
    });
  }
  return { status: 200, body: { ok: true } };
}
