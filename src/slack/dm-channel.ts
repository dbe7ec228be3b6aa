/**
 * The id of a person's DM with the bot, opened once per bot client and remembered: the id of a
 * user's DM never changes, and a refusal told privately would otherwise cost two Web API calls.
 */
import type { WebClient } from "@slack/web-api";

type Opens = Pick<WebClient, "conversations">;
type Tells = Pick<WebClient, "conversations" | "chat">;

const known = new WeakMap<Opens, Map<string, string>>();

export async function dmChannelOf(client: Opens, userId: string): Promise<string> {
  let channels = known.get(client);
  if (!channels) {
    channels = new Map();
    known.set(client, channels);
  }
  const remembered = channels.get(userId);
  if (remembered) return remembered;
  const opened = await client.conversations.open({ users: userId });
  const channel = opened.channel?.id;
  if (!channel) throw new Error(`conversations.open gave no DM channel for ${userId}`);
  channels.set(userId, channel);
  return channel;
}

/** Says `text` to the person in their DM with the bot, visible to them only. */
export async function tellInDm(client: Tells, userId: string, text: string): Promise<void> {
  const channel = await dmChannelOf(client, userId);
  await client.chat.postEphemeral({ channel, user: userId, text });
}
