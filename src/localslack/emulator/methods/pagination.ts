import { type Args, optInt, optString } from "../args.ts";
import { SlackApiError } from "../errors.ts";

/** Cursor pagination: Slack's cursors are opaque base64 strings; an empty next_cursor ends. */
export function paginate<T>(
  args: Args,
  items: T[],
  opts: { kind: string; defaultLimit: number; maxLimit?: number },
): { page: T[]; nextCursor: string } {
  const requested = optInt(args, "limit") ?? 0;
  const limit = Math.min(requested > 0 ? requested : opts.defaultLimit, opts.maxLimit ?? 1000);
  const cursor = optString(args, "cursor");
  let start = 0;
  if (cursor) {
    const decoded = Buffer.from(cursor, "base64").toString("utf8");
    const match = new RegExp(`^${opts.kind}:(\\d+)$`).exec(decoded);
    if (!match?.[1]) throw new SlackApiError("invalid_cursor");
    start = Number(match[1]);
  }
  const page = items.slice(start, start + limit);
  const next = start + limit < items.length ? start + limit : undefined;
  return {
    page,
    nextCursor: next === undefined ? "" : Buffer.from(`${opts.kind}:${next}`).toString("base64"),
  };
}
