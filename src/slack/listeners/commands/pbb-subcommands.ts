/**
 * `/pbb <subcommand> [args]`: what a feature's subcommand is (Feature.subcommands); the `/pbb`
 * listener (pbb.ts) routes to the features' list.
 * Every answer is ephemeral and in the org's language.
 */
import type { RespondFn, SlashCommand } from "@slack/bolt";
import type { View } from "@slack/types";
import type { AppContext } from "../../../app/context.ts";
import type { Locale, MessageKey, Translator } from "../../../i18n/index.ts";
import { refusalText } from "../../reply.ts";

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

type Loaded<T, E extends string> = ({ ok: true } & T) | { ok: false; error: E };

/** Answers the person privately with what was loaded, or says why not. */
export async function answerWith<T, E extends string>(
  { ctx, respond }: SubcommandArgs,
  loaded: Loaded<T, E>,
  errorKey: (error: E) => MessageKey,
  build: (loaded: T) => { text: string } & Record<string, unknown>,
): Promise<void> {
  const message = loaded.ok
    ? build(loaded)
    : { text: await refusalText(ctx, errorKey(loaded.error)) };
  await respond({ response_type: "ephemeral", ...message });
}

/** Opens a modal for the person who typed the command, or says privately why not. */
export async function openModalWith<T, E extends string>(
  a: SubcommandArgs,
  opened: Loaded<T, E>,
  errorKey: (error: E) => MessageKey,
  build: (opened: T) => View,
): Promise<void> {
  if (!opened.ok) return answerWith(a, opened, errorKey, () => ({ text: "" }));
  await a.ctx.client.views.open({ trigger_id: a.command.trigger_id, view: build(opened) });
}
