/**
 * How the round-trip's listeners answer a person privately: a refusal ("you can't do that:
 * <why>") in the org's language, through the interaction's response_url where there is one
 * (it reaches people who are not in the channel), else — a view submission has none — as an
 * ephemeral in the person's DM with the bot.
 */
import type { RespondFn } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { AppContext } from "../../../app/context.ts";
import { type MessageKey, t } from "../../../i18n/index.ts";
import { orgLocale } from "../../../services/org/locale.ts";
import { errorKey, type TasklistError } from "../../../services/tasklist/result.ts";
import { tellInDm } from "../../dm-channel.ts";

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

async function say(ctx: AppContext, key: MessageKey, reason?: TasklistError): Promise<string> {
  const locale = await orgLocale(ctx.db);
  return reason === undefined
    ? t(locale, key)
    : t(locale, key, { reason: t(locale, errorKey(reason)) });
}

/**
 * Tells the person why nothing happened. Nothing changed either way, so a reply Slack no longer
 * takes (a response_url used up or expired) is logged, not thrown.
 */
export async function refuse(ctx: AppContext, tell: Tell, error: TasklistError): Promise<void> {
  await tell(await say(ctx, "common.notAllowed", error)).catch((err) =>
    ctx.logger.warn({ err, error }, "could not tell the user why nothing changed"),
  );
}

/** A use case failed unexpectedly: logged with its stack; the person hears nothing changed. */
export async function somethingWrong(ctx: AppContext, tell: Tell, err: unknown): Promise<void> {
  ctx.logger.error({ err }, "task-list interaction failed");
  await tell(await say(ctx, "common.somethingWrong")).catch((e) =>
    ctx.logger.warn({ err: e }, "could not tell the user that it failed"),
  );
}
