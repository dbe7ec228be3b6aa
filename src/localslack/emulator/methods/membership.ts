import { SlackApiError } from "../errors.ts";
import type { ChannelRecord } from "../types.ts";
import type { Workspace } from "../workspace.ts";

/** Resolves a `channel` argument: C/G/D ids, a user id (the bot's DM with that user) or a #name. */
export function resolveChannel(ws: Workspace, idOrName: string): ChannelRecord {
  if (/^[UW][A-Z0-9]+$/.test(idOrName) && ws.user(idOrName)) return ws.dmWith(idOrName);
  const c = ws.channel(idOrName);
  // Private channels the bot is not in are invisible to it.
  if (!c || (c.kind !== "public" && !c.members.has(ws.bot.userId))) {
    throw new SlackApiError("channel_not_found");
  }
  return c;
}

/** Checks the bot may post: not archived, a member (or chat:write.public on a public channel). */
export function assertCanPost(ws: Workspace, c: ChannelRecord): void {
  if (c.archived) throw new SlackApiError("is_archived");
  if (c.kind === "im") {
    const other = ws.user(c.imUser ?? "");
    if (other?.deleted) throw new SlackApiError("account_inactive");
    return;
  }
  if (c.members.has(ws.bot.userId)) return;
  const publicAllowed =
    c.kind === "public" && (ws.chatWritePublic || ws.scopes?.has("chat:write.public") === true);
  if (!publicAllowed) throw new SlackApiError("not_in_channel");
}

export function assertCanRead(ws: Workspace, c: ChannelRecord): void {
  if (!c.members.has(ws.bot.userId)) throw new SlackApiError("not_in_channel");
}
