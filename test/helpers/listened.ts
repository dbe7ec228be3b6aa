/**
 * What the bot listens to, read from the features' own registrations on a real router (not from
 * a list kept by hand): every action_id, view callback_id (by submission or closing), event type
 * and command.
 */
import type { AppContext } from "../../src/app/context.ts";
import { features } from "../../src/app/features.ts";
import { wireFeatures } from "../../src/app/wire.ts";
import { ListenerRouter } from "../../src/slack/router.ts";

export interface Listened {
  actions: string[];
  views: { type: "view_submission" | "view_closed"; callbackId: string }[];
  events: string[];
  commands: string[];
}

export function listenedTo(): Listened {
  const router = new ListenerRouter();
  // Registration only records handlers (and keys a few per-store caches on db and client);
  // nothing reads the context until a request arrives.
  const ctx = { db: {}, client: {} } as unknown as AppContext;
  wireFeatures(features, router, ctx);
  router.gate.stop();
  const seen: Listened = { actions: [], views: [], events: [], commands: [] };
  for (const { key } of router.registered()) {
    const [kind, id] = [key.slice(0, key.indexOf(":")), key.slice(key.indexOf(":") + 1)];
    if (kind === "action") seen.actions.push(id);
    else if (kind === "event") seen.events.push(id);
    else if (kind === "command") seen.commands.push(id);
    else seen.views.push({ type: kind as "view_submission" | "view_closed", callbackId: id });
  }
  return {
    actions: seen.actions.sort(),
    views: seen.views,
    events: seen.events.sort(),
    commands: seen.commands.sort(),
  };
}
