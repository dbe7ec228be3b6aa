/** What the service list's listeners share: opening a modal once allowed, confirming in a DM. */
import type { ModalView } from "@slack/types";
import type { WebClient } from "@slack/web-api";
import type { AppContext } from "../../../app/context.ts";
import type { Translator } from "../../../i18n/index.ts";
import { loadServiceEnv } from "../../../services/service-list/env.ts";
import { type Replier, viaDm } from "../../reply.ts";

/** Opens the modal a use case allowed (`opened`), or tells the person why not. */
export async function showModal<E extends string, O extends { env: { t: Translator } }>(
  client: WebClient,
  triggerId: string,
  reply: Replier<E>,
  opened: ({ ok: true } & O) | { ok: false; error: E },
  build: (opened: O, t: Translator) => ModalView,
): Promise<void> {
  if (!opened.ok) return reply.refuse(opened.error);
  await client.views.open({ trigger_id: triggerId, view: build(opened, opened.env.t) });
}

/** Telling the person in their DM, in the org's language, that a modal's change was made. */
export async function confirmInDm(
  ctx: AppContext,
  client: WebClient,
  userId: string,
  say: (t: Translator) => string,
  what: string,
): Promise<void> {
  const env = await loadServiceEnv(ctx);
  if (!env) return;
  await viaDm(
    client,
    userId,
  )(say(env.t)).then(
    () => undefined,
    (err: unknown) => ctx.logger.warn({ err }, `could not confirm ${what}`),
  );
}
