/**
 * The bot scopes each Web API method needs, from Slack's method reference
 * (https://docs.slack.dev/reference/methods/<method>, "Required scopes"): for the conversation
 * methods the scope follows the kind of conversation (channels:* for a public channel, groups:*
 * private, im:* a DM, mpim:* a group DM). A method missing here needs no scope (views.*, auth.test).
 * With a workspace's `scopes` set, a call without one of them answers `missing_scope`, as Slack does.
 * test/localslack/scopes.test.ts checks this table against a copy of the reference
 * (test/fixtures/slack/method-scopes.json). The one place the emulator knows a method's scope:
 * the method specs carry none.
 */
import type { ChannelKind } from "./types.ts";

type ByKind = Record<ChannelKind, string>;

const read: ByKind = {
  public: "channels:read",
  private: "groups:read",
  im: "im:read",
  mpim: "mpim:read",
};
const history: ByKind = {
  public: "channels:history",
  private: "groups:history",
  im: "im:history",
  mpim: "mpim:history",
};

/** Method → one of these scopes (a fixed list, or by the conversation's kind). */
export const METHOD_SCOPES: Record<string, string[] | ByKind> = {
  "chat.postMessage": ["chat:write"],
  "chat.update": ["chat:write"],
  "chat.delete": ["chat:write"],
  "chat.postEphemeral": ["chat:write"],
  "conversations.info": read,
  "conversations.members": read,
  "conversations.list": read,
  "conversations.history": history,
  "conversations.replies": history,
  "conversations.join": ["channels:join"],
  "conversations.open": {
    public: "channels:manage",
    private: "groups:write",
    im: "im:write",
    mpim: "mpim:write",
  },
  "users.info": ["users:read"],
  "users.list": ["users:read"],
  "users.lookupByEmail": ["users:read.email"],
  "files.getUploadURLExternal": ["files:write"],
  "files.completeUploadExternal": ["files:write"],
};

/**
 * The scopes of which one must be granted for this call; `kinds` are the kinds of conversation
 * it touches (conversations.list: the `types` asked for). Empty: no scope needed.
 */
export function requiredScopes(method: string, kinds: ChannelKind[] = ["public"]): string[][] {
  const needed = METHOD_SCOPES[method];
  if (!needed) return [];
  if (Array.isArray(needed)) return [needed];
  return [...new Set(kinds)].map((kind) => [needed[kind]]);
}

/** The first scope set none of whose scopes is granted, or undefined. */
export function missingScope(
  granted: ReadonlySet<string>,
  method: string,
  kinds?: ChannelKind[],
): string | undefined {
  return requiredScopes(method, kinds)
    .find((anyOf) => !anyOf.some((s) => granted.has(s)))
    ?.join(",");
}
