/**
 * `/pbb <subcommand> [args]`: features register their subcommands here; the listener routes.
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

const subcommands = new Map<string, Subcommand>();

export function registerSubcommand(subcommand: Subcommand): void {
  subcommands.set(subcommand.name, subcommand);
}

export function findSubcommand(name: string): Subcommand | undefined {
  return subcommands.get(name);
}

export function allSubcommands(): Subcommand[] {
  return [...subcommands.values()];
}
