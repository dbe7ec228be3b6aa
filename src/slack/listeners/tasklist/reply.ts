/**
 * How the round-trip's listeners answer a person privately: a refusal ("you can't do that:
 * <why>") in the org's language, through the interaction's response_url where there is one
 * (it reaches people who are not in the channel), else as an ephemeral in the bot's DM.
 */
import type { RespondFn } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { AppContext } from "../../../app/context.ts";
import { loadOrgRecord } from "../../../db/repositories/org.ts";
import { LOCALES, type Locale, t } from "../../../i18n/index.ts";
import { errorKey, type TasklistError } from "../../../services/tasklist/result.ts";

async function localeOf(ctx: AppContext): Promise<Locale> {
  const org = await loadOrgRecord(ctx.db);
  return LOCALES.find((l) => l === org?.locale) ?? "zh-CN";
}

export async function refusalText(ctx: AppContext, error: TasklistError): Promise<string> {
  const locale = await localeOf(ctx);
  return t(locale, "common.notAllowed", { reason: t(locale, errorKey(error)) });
}

/** Through the response_url: visible to the clicker only, the clicked message stays. */
export async function refuseVia(respond: RespondFn, ctx: AppContext, error: TasklistError) {
  await respond({
    response_type: "ephemeral",
    replace_original: false,
    text: await refusalText(ctx, error),
  });
}

/** For a view submission (no response_url): an ephemeral in the person's DM with the bot. */
export async function refuseInDm(
  client: WebClient,
  ctx: AppContext,
  userId: string,
  error: TasklistError,
) {
  const text = await refusalText(ctx, error);
  const opened = await client.conversations.open({ users: userId });
  const channel = opened.channel?.id;
  if (!channel) throw new Error(`conversations.open gave no DM channel for ${userId}`);
  await client.chat.postEphemeral({ channel, user: userId, text });
}

/** When a use case failed unexpectedly: the person hears nothing changed; the error is logged. */
export async function somethingWrong(
  ctx: AppContext,
  respond: RespondFn | undefined,
  err: unknown,
) {
  ctx.logger.error({ err }, "task-list interaction failed");
  if (!respond) return;
  const text = t(await localeOf(ctx), "common.somethingWrong");
  await respond({ response_type: "ephemeral", replace_original: false, text }).catch((e) =>
    ctx.logger.warn({ err: e }, "could not tell the user"),
  );
}
