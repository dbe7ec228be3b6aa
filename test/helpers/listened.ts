/**
 * What the bot listens to, read from the features' own registrations (not from a list kept by
 * hand): every action_id, view callback_id (by submission or closing), event type and command.
 */
import type { AppContext } from "../../src/app/context.ts";
import { features } from "../../src/app/features.ts";
import { wireFeatures } from "../../src/app/wire.ts";
import type { ListenerApp } from "../../src/slack/router.ts";

export interface Listened {
  actions: string[];
  views: { type: "view_submission" | "view_closed"; callbackId: string }[];
  events: string[];
  commands: string[];
}

function idOf(constraint: unknown, name: string): string {
  if (typeof constraint === "string") return constraint;
  const id = (constraint as Record<string, unknown>)[name];
  if (typeof id !== "string") throw new Error(`a listener without a plain ${name}`);
  return id;
}

export function listenedTo(): Listened {
  const seen: Listened = { actions: [], views: [], events: [], commands: [] };
  const recorder = {
    action: (c: unknown) => seen.actions.push(idOf(c, "action_id")),
    view: (c: unknown) => {
      const type = typeof c === "object" && c && "type" in c ? c.type : "view_submission";
      seen.views.push({
        type: type as "view_submission" | "view_closed",
        callbackId: idOf(c, "callback_id"),
      });
    },
    event: (c: unknown) => seen.events.push(idOf(c, "type")),
    command: (c: unknown) => seen.commands.push(idOf(c, "command")),
  } as unknown as ListenerApp;
  // Registration only records handlers (and keys a few per-store caches on db and client);
  // nothing reads the context until a request arrives.
  const ctx = { db: {}, client: {} } as unknown as AppContext;
  wireFeatures(features, recorder, ctx);
  return {
    actions: [...new Set(seen.actions)].sort(),
    views: seen.views,
    events: [...new Set(seen.events)].sort(),
    commands: [...new Set(seen.commands)].sort(),
  };
}
