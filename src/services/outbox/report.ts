/**
 * Telling the committee admins, once, that a delivery failed for good and what to change. The
 * reports are deliveries themselves (DMs), enqueued in the transaction that marks the failure.
 */
import { committeeAdminsForReport, type Tx } from "../../db/repositories/deliveries.ts";
import { type Locale, localeOr, type MessageKey, t } from "../../i18n/index.ts";
import { type DeliveryPayload, enqueueDelivery } from "./enqueue.ts";

export const REPORT_KEY_PREFIX = "delivery-failed:";

const FIX_BY_ERROR: Record<string, MessageKey> = {
  channel_not_found: "delivery.fix.channel_not_found",
  not_in_channel: "delivery.fix.not_in_channel",
  is_archived: "delivery.fix.is_archived",
  user_disabled: "delivery.fix.user_disabled",
  user_not_found: "delivery.fix.user_not_found",
  users_not_found: "delivery.fix.user_not_found",
  user_not_in_channel: "delivery.fix.user_not_found",
  invalid_blocks: "delivery.fix.content",
  invalid_blocks_format: "delivery.fix.content",
  invalid_arguments: "delivery.fix.content",
  invalid_metadata_format: "delivery.fix.content",
  invalid_metadata_schema: "delivery.fix.content",
  msg_too_long: "delivery.fix.content",
  msg_blocks_too_long: "delivery.fix.content",
  no_text: "delivery.fix.content",
  missing_scope: "delivery.fix.missing_scope",
  not_allowed_token_type: "delivery.fix.missing_scope",
  // account_inactive on these methods means the token's own user or workspace was deactivated.
  account_inactive: "delivery.fix.auth",
  invalid_auth: "delivery.fix.auth",
  not_authed: "delivery.fix.auth",
  token_revoked: "delivery.fix.auth",
  gave_up: "delivery.fix.gave_up",
  dependency_failed: "delivery.fix.dependency",
};

const ACTION_BY_METHOD: Record<string, MessageKey> = {
  "chat.postMessage": "delivery.action.post",
  "chat.update": "delivery.action.update",
  "chat.postEphemeral": "delivery.action.ephemeral",
  "chat.delete": "delivery.action.delete",
  "views.publish": "delivery.action.home",
  dm: "delivery.action.dm",
  upload: "delivery.action.upload",
};

export interface FailedDelivery {
  id: number;
  dedupeKey: string;
  method: string;
  payload: DeliveryPayload;
}

/** Enqueues one DM per committee admin; returns how many (0 for a failed report itself). */
export async function reportFailure(
  tx: Tx,
  delivery: FailedDelivery,
  error: string,
): Promise<number> {
  if (delivery.dedupeKey.startsWith(REPORT_KEY_PREFIX)) return 0;
  const { userIds, locale: stored } = await committeeAdminsForReport(tx);
  const locale: Locale = localeOr(stored, "en");
  const text = [
    t(locale, "delivery.failed.text", {
      action: t(locale, ACTION_BY_METHOD[delivery.method] ?? "delivery.action.post"),
      where: whereOf(delivery),
      error,
      fix: t(locale, fixFor(delivery.method, error)),
    }),
    t(locale, "delivery.failed.reference", { id: delivery.id, key: delivery.dedupeKey }),
  ].join("\n");
  let count = 0;
  for (const user of userIds) {
    const enqueued = await enqueueDelivery(tx, {
      dedupeKey: `${REPORT_KEY_PREFIX}${delivery.id}:${user}`,
      method: "dm",
      payload: { user, text },
    });
    if (enqueued) count += 1;
  }
  return count;
}

function fixFor(method: string, error: string): MessageKey {
  // In a DM, Slack's account_inactive is about the person written to, not the bot's token.
  if (method === "dm" && error === "account_inactive") return "delivery.fix.user_disabled";
  return FIX_BY_ERROR[error] ?? "delivery.fix.other";
}

function whereOf({ method, payload }: FailedDelivery): string {
  const named = payload.user ?? payload.user_id;
  const user = typeof named === "string" ? named : undefined;
  if ((method === "dm" || method === "views.publish") && user) return `<@${user}>`;
  if (typeof payload.channel === "string") return `<#${payload.channel}>`;
  return user ? `<@${user}>` : "Slack";
}
