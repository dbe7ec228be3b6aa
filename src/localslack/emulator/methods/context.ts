import type { Args } from "../args.ts";
import type { ResponseUrlStore } from "../response-urls.ts";
import type { TriggerStore } from "../triggers.ts";
import type { Json } from "../types.ts";
import type { Workspace } from "../workspace.ts";

export type TokenKind = "bot" | "app";

/** Slack's published rate-limit tiers; "post" is chat.postMessage's special limit. */
export type Tier = 1 | 2 | 3 | 4 | "auth" | "post";

export interface MethodContext {
  ws: Workspace;
  args: Args;
  token: { value: string; kind: TokenKind };
  /** Project policy: refuse blocks without a text fallback. */
  strictText: boolean;
  /** e.g. http://127.0.0.1:PORT (no trailing slash). */
  baseUrl: string;
  triggers: TriggerStore;
  responseUrls: ResponseUrlStore;
  /** Mints a ws:// URL for Socket Mode. */
  socketUrl(): string;
}

export interface MethodSpec {
  tier: Tier;
  token?: TokenKind;
  handler(ctx: MethodContext): Json;
}
