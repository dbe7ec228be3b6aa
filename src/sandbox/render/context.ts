/** What a renderer needs to know besides the blocks: names, where the blocks live, modal state. */
import { type Translator, translator } from "../../i18n/index.ts";
import type { UserRecord } from "../../localslack/index.ts";
import type { Json } from "./json.ts";
import type { NameLookup } from "./mrkdwn.ts";

/** The surface the blocks are on; the page sends it back with every action. */
export type Surface =
  | { kind: "message"; channel: string; ts: string }
  | { kind: "ephemeral"; channel: string; ts: string }
  | { kind: "modal"; viewId: string }
  | { kind: "home" };

export interface RenderContext extends NameLookup {
  /** People a users_select offers (not the bot, not deactivated), in display order. */
  people(): UserRecord[];
  channels(): { id: string; name: string }[];
  /** The modal's current state.values (what was typed), by block_id then action_id. */
  state?: Record<string, Record<string, Json>>;
  /** Field errors by block_id (response_action: errors, or what the client refused). */
  errors?: Record<string, string>;
  /** The person's locale: Slack's own words (such as "optional") follow it. */
  locale?: string;
  /** Time zone for dates shown. */
  timezone: string;
  /** The page's own words, in the page's language (English when absent). */
  t?: Translator;
}

const english = translator("en");
/** The page's words of this context. */
export const pageWords = (ctx: { t?: Translator }): Translator => ctx.t ?? english;
