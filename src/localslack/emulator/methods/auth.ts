import type { MethodContext, MethodSpec } from "./context.ts";

function test(ctx: MethodContext) {
  const { ws } = ctx;
  return {
    ok: true,
    url: `https://${ws.team.domain}.slack.com/`,
    team: ws.team.name,
    user: ws.bot.name,
    team_id: ws.team.id,
    user_id: ws.bot.userId,
    bot_id: ws.bot.botId,
    is_enterprise_install: false,
  };
}

function connectionsOpen(ctx: MethodContext) {
  return { ok: true, url: ctx.socketUrl() };
}

export const authMethods: Record<string, MethodSpec> = {
  "auth.test": { tier: "auth", handler: test },
  "apps.connections.open": {
    tier: 1,
    token: "app",
    handler: connectionsOpen,
  },
};
