/** `manifest.yml` as Slack reads it: the bot scopes, events and slash commands it requests. */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "yaml";

export const MANIFEST = path.resolve(import.meta.dirname, "../../manifest.yml");

export interface Manifest {
  botScopes: string[];
  botEvents: string[];
  commands: string[];
  socketMode: boolean;
  interactivity: boolean;
}

export async function readManifest(): Promise<Manifest> {
  const m = parse(await readFile(MANIFEST, "utf8"));
  return {
    botScopes: m.oauth_config?.scopes?.bot ?? [],
    botEvents: m.settings?.event_subscriptions?.bot_events ?? [],
    commands: (m.features?.slash_commands ?? []).map((c: { command: string }) => c.command),
    socketMode: m.settings?.socket_mode_enabled === true,
    interactivity: m.settings?.interactivity?.is_enabled === true,
  };
}

export async function manifestBotScopes(): Promise<string[]> {
  return (await readManifest()).botScopes;
}
