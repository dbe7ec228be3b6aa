/**
 * The answer to a request the bot has no room for (the router's work gate is full): the reason
 * in the org's language, counted in /metrics, and logged at most once every 10 s.
 *
 * It must cost less than the work it replaces, or refusing would add to the overload: the
 * org's language is looked up once a minute, not per request, and a person hears "too busy, try
 * again in a minute" once a minute — their further clicks in that minute are acknowledged and
 * dropped without another message.
 */
import type { AppContext } from "../app/context.ts";
import { localeOr, t } from "../i18n/index.ts";
import { orgLocale } from "../services/org/locale.ts";
import type { Overload } from "./router.ts";

const LOG_EVERY_MS = 10_000;
const TELL_EVERY_MS = 60_000;

export function overloadAnswer(
  ctx: Pick<AppContext, "db" | "metrics" | "logger">,
  clock: () => number = () => performance.now(),
): Overload {
  let loggedAt = Number.NEGATIVE_INFINITY;
  let unlogged = 0;
  let text: { value: Promise<string>; at: number } | undefined;
  const told = new Map<string, number>();
  return {
    text() {
      const now = clock();
      if (!text || now - text.at >= TELL_EVERY_MS) {
        const value = orgLocale(ctx.db)
          .catch(() => localeOr(undefined))
          .then((locale) => t(locale, "common.busy"));
        text = { value, at: now };
      }
      return text.value;
    },
    shouldTell(userId) {
      const now = clock();
      const last = told.get(userId);
      if (last !== undefined && now - last < TELL_EVERY_MS) return false;
      if (told.size > 10_000) told.clear();
      told.set(userId, now);
      return true;
    },
    refused(kind) {
      ctx.metrics.workRefused.inc({ kind });
      unlogged += 1;
      const now = clock();
      if (now - loggedAt < LOG_EVERY_MS) return;
      ctx.logger.warn(
        { refused: unlogged, kind },
        "too busy: Slack requests acknowledged and refused (the people were told)",
      );
      loggedAt = now;
      unlogged = 0;
    },
  };
}

/** A catalog text in the org's language, the language looked up at most once a minute. */
export function orgText(
  ctx: Pick<AppContext, "db">,
  key: "common.retiredButton",
  clock: () => number = () => performance.now(),
): () => Promise<string> {
  let text: { value: Promise<string>; at: number } | undefined;
  return () => {
    const now = clock();
    if (!text || now - text.at >= TELL_EVERY_MS) {
      const value = orgLocale(ctx.db)
        .catch(() => localeOr(undefined))
        .then((locale) => t(locale, key));
      text = { value, at: now };
    }
    return text.value;
  };
}
