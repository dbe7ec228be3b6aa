/**
 * Turns the org file's `#name` channels and e-mail users into Slack ids, and checks that the
 * bot can post in every channel. Without Slack (no token, no running bot) ids pass through
 * and names cannot be resolved.
 */
import type { WebClient } from "@slack/web-api";

export interface ChannelCheck {
  ok: boolean;
  problem?: string;
  /**
   * A public channel the bot is not in yet: it may post there once it joins. The caller joins
   * (`join`) only after every other check passed, so a refused file joins nothing.
   */
  needsJoin?: boolean;
}

export interface PersonInfo {
  name?: string;
  email?: string;
  timezone?: string;
}

export interface OrgResolver {
  readonly online: boolean;
  /** The channel id, or an explanation of why it could not be found. */
  channel(ref: string): Promise<{ id: string } | { problem: string }>;
  user(ref: string): Promise<{ id: string; info?: PersonInfo } | { problem: string }>;
  /** Whether the bot can post in the channel (or can once it joins); changes nothing. */
  canPost(channelId: string): Promise<ChannelCheck>;
  /** Joins a public channel `canPost` said needs it. */
  join(channelId: string): Promise<ChannelCheck>;
}

/** Joins the channels the checks said need it, once they all passed; the problems, if any. */
export async function joinChecked(
  resolver: OrgResolver,
  checked: { channelId: string; check: ChannelCheck }[],
): Promise<{ channelId: string; problem: string }[]> {
  const problems: { channelId: string; problem: string }[] = [];
  for (const { channelId, check } of checked) {
    if (!check.ok || !check.needsJoin) continue;
    const joined = await resolver.join(channelId);
    if (!joined.ok) {
      problems.push({ channelId, problem: joined.problem ?? `could not join ${channelId}` });
    }
  }
  return problems;
}

const isChannelId = (ref: string) => /^[CG][A-Z0-9]+$/.test(ref);
const isUserId = (ref: string) => /^[UW][A-Z0-9]+$/.test(ref);

export const offlineResolver: OrgResolver = {
  online: false,
  async channel(ref) {
    return isChannelId(ref)
      ? { id: ref }
      : {
          problem: `${ref} can only be resolved through Slack: give the channel id, or start the bot with its token`,
        };
  },
  async user(ref) {
    return isUserId(ref)
      ? { id: ref }
      : {
          problem: `${ref} can only be resolved through Slack: give the user id, or start the bot with its token`,
        };
  },
  async canPost() {
    return { ok: true };
  },
  async join() {
    return { ok: true };
  },
};

function slackError(error: unknown): string {
  return (error as { data?: { error?: string } }).data?.error ?? (error as Error).message;
}

export function slackResolver(client: WebClient): OrgResolver {
  let channelsByName: Map<string, string> | undefined;
  // users.lookupByEmail answers users_not_found for a deactivated account too; Slack's page says
  // to look for it in users.list instead. Loaded once, only when an e-mail is not found.
  let deactivatedEmails: Set<string> | undefined;
  const loadDeactivated = async () => {
    if (deactivatedEmails) return deactivatedEmails;
    deactivatedEmails = new Set();
    for await (const page of client.paginate("users.list", { limit: 200 })) {
      for (const u of (page as { members?: { deleted?: boolean; profile?: { email?: string } }[] })
        .members ?? []) {
        if (u.deleted && u.profile?.email) deactivatedEmails.add(u.profile.email.toLowerCase());
      }
    }
    return deactivatedEmails;
  };
  const loadChannels = async () => {
    if (channelsByName) return channelsByName;
    channelsByName = new Map();
    for await (const page of client.paginate("conversations.list", {
      types: "public_channel,private_channel",
      exclude_archived: false,
      limit: 200,
    })) {
      for (const c of (page as { channels?: { id?: string; name?: string }[] }).channels ?? []) {
        if (c.id && c.name) channelsByName.set(c.name, c.id);
      }
    }
    return channelsByName;
  };
  return {
    online: true,
    async channel(ref) {
      if (isChannelId(ref)) return { id: ref };
      const name = ref.replace(/^#/, "");
      const id = (await loadChannels()).get(name);
      return id ? { id } : { problem: `no channel named #${name} that the bot can see` };
    },
    async user(ref) {
      try {
        const response = isUserId(ref)
          ? await client.users.info({ user: ref })
          : await client.users.lookupByEmail({ email: ref });
        const user = response.user;
        if (!user?.id) return { problem: `${ref} not found in Slack` };
        if (user.deleted) return { problem: `${ref} is deactivated in Slack` };
        return {
          id: user.id,
          info: {
            ...(user.real_name || user.name ? { name: user.real_name || user.name } : {}),
            ...(user.profile?.email ? { email: user.profile.email } : {}),
            ...(user.tz ? { timezone: user.tz } : {}),
          },
        };
      } catch (error) {
        const code = slackError(error);
        if (code !== "users_not_found" && code !== "user_not_found") {
          return { problem: `${ref}: ${code}` };
        }
        const deactivated =
          !isUserId(ref) &&
          (await loadDeactivated().catch(() => new Set<string>())).has(ref.toLowerCase());
        return {
          problem: deactivated ? `${ref} is deactivated in Slack` : `${ref} not found in Slack`,
        };
      }
    },
    async canPost(channelId) {
      try {
        const { channel } = await client.conversations.info({ channel: channelId });
        if (!channel) return { ok: false, problem: `${channelId} not found` };
        const name = channel.name ? `#${channel.name}` : channelId;
        if (channel.is_archived)
          return {
            ok: false,
            problem: `${name} is archived: unarchive it or name another channel`,
          };
        if (channel.is_member) return { ok: true };
        if (!channel.is_private) return { ok: true, needsJoin: true };
        return {
          ok: false,
          problem: `the bot is not in ${name}: invite it there with /invite @party-building-bot`,
        };
      } catch (error) {
        const code = slackError(error);
        return {
          ok: false,
          problem:
            code === "channel_not_found"
              ? `${channelId} not found: check the id, or invite the bot to the private channel`
              : `${channelId}: ${code}`,
        };
      }
    },
    async join(channelId) {
      try {
        await client.conversations.join({ channel: channelId });
        return { ok: true };
      } catch (error) {
        return { ok: false, problem: `could not join ${channelId}: ${slackError(error)}` };
      }
    },
  };
}
