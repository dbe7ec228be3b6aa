/**
 * How a listener answers the person who interacted, privately, in the org's language: one
 * replier per surface — the interaction's response_url (it reaches people outside the channel
 * too), their DM with the bot (a view submission has no response_url), or the Home (a Home-tab
 * click has none either: the notice tops the re-published Home and goes to their DM). A refusal
 * ("you can't do that: <why>") changed nothing, so a reply Slack no longer takes (a response_url
 * used up or expired) is logged, not thrown.
 */
import type { RespondFn } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { AppContext } from "../app/context.ts";
import type { MessageKey } from "../i18n/index.ts";
import { orgTranslator } from "../services/org/locale.ts";
import { tellInDm } from "./dm-channel.ts";
import { publishHome } from "./publish-home.ts";

/** Says something to the person who interacted, visible to them only. */
export type Tell = (text: string) => Promise<unknown>;

export const viaResponseUrl =
  (respond: RespondFn): Tell =>
  (text) =>
    respond({ response_type: "ephemeral", replace_original: false, text });

export const viaDm =
  (client: WebClient, userId: string): Tell =>
  (text) =>
    tellInDm(client, userId, text);

export const viaHome =
  (ctx: AppContext, userId: string): Tell =>
  async (text) => {
    await publishHome(ctx, { userId, notice: `⚠️ ${text}` });
    await tellInDm(ctx.client, userId, text);
  };

/** A click on the Home has no response_url: answer there and in the DM; else ephemerally. */
export const tellFor = (
  ctx: AppContext,
  body: { container?: { type?: string }; user: { id: string } },
  respond: RespondFn,
): Tell => (body.container?.type === "view" ? viaHome(ctx, body.user.id) : viaResponseUrl(respond));

/** "You can't do that: <why>" in the org's language. */
export async function refusalText(ctx: AppContext, reason: MessageKey): Promise<string> {
  const t = await orgTranslator(ctx.db);
  return t("common.notAllowed", { reason: t(reason) });
}

/** For a modal: the refusal shown on the field at fault (`response_action: errors`). */
export async function refusalOnField(ctx: AppContext, blockId: string, reason: MessageKey) {
  return {
    response_action: "errors" as const,
    errors: { [blockId]: await refusalText(ctx, reason) },
  };
}

export interface Replier<E extends string> {
  /** Tells the person why nothing happened. */
  refuse(error: E): Promise<void>;
  /** A use case failed unexpectedly: logged with its stack; the person hears nothing changed. */
  failed(err: unknown): Promise<void>;
  /** Runs a use case to its end: a refusal told, a failure logged and told. */
  settle(outcome: Promise<{ ok: true } | { ok: false; error: E }>): Promise<void>;
}

/** Answers on `tell`, naming a refusal by its feature's catalog key (`reasonKey`). */
export function replier<E extends string>(
  ctx: AppContext,
  tell: Tell,
  reasonKey: (error: E) => MessageKey,
): Replier<E> {
  const say = async (text: () => Promise<string>, what: string): Promise<void> => {
    try {
      await tell(await text());
    } catch (err) {
      ctx.logger.warn({ err }, `could not tell the user ${what}`);
    }
  };
  const somethingWrong = async () => (await orgTranslator(ctx.db))("common.somethingWrong");
  const reply: Replier<E> = {
    refuse: (error) => say(() => refusalText(ctx, reasonKey(error)), "why nothing changed"),
    async failed(err) {
      ctx.logger.error({ err }, "interaction failed");
      await say(somethingWrong, "that it failed");
    },
    async settle(outcome) {
      const result = await outcome.catch(reply.failed);
      if (result && !result.ok) await reply.refuse(result.error);
    },
  };
  return reply;
}
