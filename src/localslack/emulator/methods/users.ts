import { optBool, reqString } from "../args.ts";
import { SlackApiError } from "../errors.ts";
import { userJson } from "../serialize.ts";
import type { MethodContext, MethodSpec } from "./context.ts";
import { paginate } from "./pagination.ts";

function info(ctx: MethodContext) {
  const u = ctx.ws.requireUser(reqString(ctx.args, "user"));
  return { ok: true, user: userJson(ctx.ws, u, optBool(ctx.args, "include_locale") === true) };
}

function list(ctx: MethodContext) {
  const { ws, args } = ctx;
  const { page, nextCursor } = paginate(args, [...ws.users.values()], {
    kind: "user",
    defaultLimit: 200,
  });
  const withLocale = optBool(args, "include_locale") === true;
  return {
    ok: true,
    members: page.map((u) => userJson(ws, u, withLocale)),
    cache_ts: Math.floor(ws.now() / 1000),
    response_metadata: { next_cursor: nextCursor },
  };
}

function lookupByEmail(ctx: MethodContext) {
  const email = reqString(ctx.args, "email").toLowerCase();
  const u = [...ctx.ws.users.values()].find((x) => x.email?.toLowerCase() === email);
  // Slack: "If the user has been deactivated, users_not_found will be returned instead".
  if (!u || u.deleted) throw new SlackApiError("users_not_found");
  return { ok: true, user: userJson(ctx.ws, u) };
}

export const userMethods: Record<string, MethodSpec> = {
  "users.info": { tier: 4, handler: info },
  "users.list": { tier: 2, handler: list },
  "users.lookupByEmail": { tier: 3, handler: lookupByEmail },
};
