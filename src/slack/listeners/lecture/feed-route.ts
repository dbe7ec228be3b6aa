/**
 * GET /calendar/lectures/<token>.ics: the iCalendar feed a secret token serves (the whole
 * schedule, or one person's turns). An unknown or revoked token gets 404, nothing else.
 */
import type { CustomRoute } from "@slack/bolt";
import type { AppContext } from "../../../app/context.ts";
import { calendarFeed, FEED_PATH } from "../../../services/lecture/calendar.ts";

const TOKEN_FILE = /^([A-Za-z0-9_-]{20,100})\.ics$/;

export function feedRoute(ctx: AppContext): CustomRoute {
  return {
    path: `${FEED_PATH}/:file`,
    method: ["GET"],
    handler: async (req, res) => {
      const file = req.params?.file;
      const token = typeof file === "string" ? TOKEN_FILE.exec(file)?.[1] : undefined;
      let feed: string | null = null;
      try {
        feed = token ? await calendarFeed(ctx.db, token, ctx.now()) : null;
      } catch (err) {
        ctx.logger.error({ err }, "calendar feed failed");
        res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
        res.end("error\n");
        return;
      }
      if (!feed) {
        res.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
        res.end("not found\n");
        return;
      }
      res.writeHead(200, {
        "content-type": "text/calendar; charset=utf-8",
        "cache-control": "private, max-age=300",
      });
      res.end(feed);
    },
  };
}
