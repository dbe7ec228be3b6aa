/**
 * `syncWithChannel: true`: the roster follows the lecture channel's members. It is read again
 * when someone joins or leaves that channel, and (through the reader registered here) before
 * each notice the bot posts.
 */

import type { WebClient } from "@slack/web-api";
import type { AppContext } from "../../../app/context.ts";
import { loadLectureOrg } from "../../../services/lecture/config.ts";
import {
  type ChannelMembers,
  saveLectureRoster,
  useChannelMembers,
} from "../../../services/lecture/roster.ts";
import type { ListenerApp } from "../../router.ts";

/** The channel's members through conversations.members (all pages), the bot itself left out. */
export function channelMembersReader(client: WebClient): ChannelMembers {
  let botUserId: Promise<string | undefined> | undefined;
  return async (channel) => {
    botUserId ??= client.auth.test().then((r) => r.user_id);
    const bot = await botUserId;
    const members: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await client.conversations.members({ channel, limit: 200, cursor });
      members.push(...(page.members ?? []));
      cursor = page.response_metadata?.next_cursor || undefined;
    } while (cursor);
    return members.filter((u) => u !== bot);
  };
}

export function registerRosterEvents(app: ListenerApp, ctx: AppContext): void {
  const readMembers = channelMembersReader(ctx.client);
  useChannelMembers(ctx.db, readMembers);
  for (const type of ["member_joined_channel", "member_left_channel"] as const) {
    app.event(type, async ({ event }) => {
      const org = await loadLectureOrg(ctx.db);
      if (!org?.hall.syncWithChannel || event.channel !== org.hall.channel) return;
      const members = await readMembers(event.channel);
      await saveLectureRoster(ctx.db, members, ctx.now(), type);
    });
  }
}
