/**
 * How the lecture listeners answer a person privately: a refusal ("you can't do that: <why>")
 * in the org's language through the interaction's response_url (it reaches people outside the
 * channel too), or on the modal's field for a view submission. Nothing changes on a refusal.
 */
import type { RespondFn } from "@slack/bolt";
import type { AppContext } from "../../../app/context.ts";
import { t } from "../../../i18n/index.ts";
import { errorKey, type LectureError } from "../../../services/lecture/result.ts";
import { orgLocale } from "../../../services/org/locale.ts";

export async function refusalText(ctx: AppContext, error: LectureError): Promise<string> {
  const locale = await orgLocale(ctx.db);
  return t(locale, "common.notAllowed", { reason: t(locale, errorKey(error)) });
}

/** Through the response_url: visible to the clicker only, the clicked message stays. */
export async function refuseVia(respond: RespondFn, ctx: AppContext, error: LectureError) {
  await respond({
    response_type: "ephemeral",
    replace_original: false,
    text: await refusalText(ctx, error),
  });
}

/** For a modal: the refusal shown on the field at fault (`response_action: errors`). */
export async function refusalOnField(ctx: AppContext, blockId: string, error: LectureError) {
  return {
    response_action: "errors" as const,
    errors: { [blockId]: await refusalText(ctx, error) },
  };
}

/** A use case failed unexpectedly: the person hears nothing changed; the error is logged. */
export async function somethingWrong(ctx: AppContext, respond: RespondFn, err: unknown) {
  ctx.logger.error({ err }, "lecture-hall interaction failed");
  const text = t(await orgLocale(ctx.db), "common.somethingWrong");
  await respond({ response_type: "ephemeral", replace_original: false, text }).catch((e) =>
    ctx.logger.warn({ err: e }, "could not tell the user"),
  );
}
