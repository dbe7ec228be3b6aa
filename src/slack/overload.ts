/**
 * The answer to a request the bot has no room for (the router's work gate is full): the reason
 * in the org's language, counted in /metrics, and logged at most once every 10 s — under the
 * flood that causes it, a line per request would add to the load.
 */
import type { AppContext } from "../app/context.ts";
import { loadOrgRecord } from "../db/repositories/org.ts";
import { LOCALES, t } from "../i18n/index.ts";
import type { Overload } from "./router.ts";

const LOG_EVERY_MS = 10_000;

export function overloadAnswer(ctx: Pick<AppContext, "db" | "metrics" | "logger">): Overload {
  let loggedAt = Number.NEGATIVE_INFINITY;
  let unlogged = 0;
  return {
    async text() {
      const org = await loadOrgRecord(ctx.db).catch(() => null);
      return t(LOCALES.find((l) => l === org?.locale) ?? "zh-CN", "common.busy");
    },
    refused(kind) {
      ctx.metrics.workRefused.inc({ kind });
      unlogged += 1;
      const now = performance.now();
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
