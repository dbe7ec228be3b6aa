/**
 * `/pbb <subcommand> [args]`: what a feature's subcommand is (Feature.subcommands); the `/pbb`
 * listener (pbb.ts) routes to the features' list.
 * Every answer is ephemeral and in the org's language.
 */
import type { RespondFn, SlashCommand } from "@slack/bolt";
import type { AppContext } from "../../../app/context.ts";
import type { Locale, Translator } from "../../../i18n/index.ts";

export interface SubcommandArgs {
  ctx: AppContext;
  command: SlashCommand;
  /** The words after the subcommand's name. */
  args: string[];
  locale: Locale;
  t: Translator;
  respond: RespondFn;
}

export interface Subcommand {
  name: string;
  /** e.g. "report month|quarter|year [period]" */
  usage: string;
  describe(t: Translator): string;
  run(args: SubcommandArgs): Promise<void>;
}
