/**
 * How the Home's buttons answer a person privately. A Home-tab click has no response_url, so a
 * refusal is shown at the top of the re-published Home (where they clicked) and, like the
 * round trip's modal refusals, as an ephemeral in their DM with the bot. Nothing changes.
 */
import type { AppContext } from "../../../app/context.ts";
import { type MessageKey, t } from "../../../i18n/index.ts";
import { publishHome } from "../../../services/home/publish.ts";
import { type LectureError, errorKey as lectureKey } from "../../../services/lecture/result.ts";
import { orgLocale } from "../../../services/org/locale.ts";
import { errorKey as listKey, type TasklistError } from "../../../services/tasklist/result.ts";
import { tellInDm } from "../../dm-channel.ts";

export async function tellOnHome(ctx: AppContext, userId: string, text: string): Promise<void> {
  await publishHome(ctx, { userId, notice: `⚠️ ${text}` });
  await tellInDm(ctx.client, userId, text);
}

async function refuseWith(ctx: AppContext, userId: string, reason: MessageKey): Promise<void> {
  const locale = await orgLocale(ctx.db);
  const text = t(locale, "common.notAllowed", { reason: t(locale, reason) });
  await tellOnHome(ctx, userId, text);
}

export const refuseList = (ctx: AppContext, userId: string, error: TasklistError) =>
  refuseWith(ctx, userId, listKey(error));

export const refuseTurn = (ctx: AppContext, userId: string, error: LectureError) =>
  refuseWith(ctx, userId, lectureKey(error));

/** A use case failed unexpectedly: logged; the person hears nothing changed. */
export async function homeFailed(ctx: AppContext, userId: string, err: unknown): Promise<void> {
  ctx.logger.error({ err, user: userId }, "home interaction failed");
  try {
    await tellOnHome(ctx, userId, t(await orgLocale(ctx.db), "common.somethingWrong"));
  } catch (e) {
    ctx.logger.warn({ err: e }, "could not tell the user");
  }
}
