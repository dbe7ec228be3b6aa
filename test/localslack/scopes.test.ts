/**
 * The local Slack's scope table (src/localslack/emulator/scopes.ts) and rate-limit tiers against
 * a copy of Slack's method reference (test/fixtures/slack/method-scopes.json, source named
 * there): the same scopes for every method the local Slack answers with a bot token, each kind
 * of conversation mapped to the documented scope of its family, none where Slack asks none.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { METHODS } from "../../src/localslack/emulator/methods/index.ts";
import { METHOD_SCOPES, missingScope } from "../../src/localslack/emulator/scopes.ts";
import type { ChannelKind } from "../../src/localslack/emulator/types.ts";

interface Documented {
  url: string;
  bot: string[];
  tier: 1 | 2 | 3 | 4 | "post" | "special";
}

const reference = JSON.parse(
  readFileSync(new URL("../fixtures/slack/method-scopes.json", import.meta.url), "utf8"),
) as { _source: string; methods: Record<string, Documented> };

const botMethods = Object.entries(METHODS)
  .filter(([, spec]) => (spec.token ?? "bot") === "bot")
  .map(([method]) => method)
  .sort();

/** The scope family of each kind of conversation in Slack's scope names. */
const FAMILY: Record<ChannelKind, string[]> = {
  public: ["channels:"],
  private: ["groups:"],
  im: ["im:"],
  mpim: ["mpim:"],
};

function tableScopes(method: string): string[] {
  const needed = METHOD_SCOPES[method];
  if (!needed) return [];
  return [...new Set(Array.isArray(needed) ? needed : Object.values(needed))].sort();
}

describe("the local Slack's scopes and tiers against Slack's method reference", () => {
  it("the reference copy names its source and covers every bot-token method the local Slack answers", () => {
    expect(reference._source).toMatch(/docs\.slack\.dev\/reference\/methods/);
    const undocumented = botMethods.filter((m) => !reference.methods[m]);
    expect(undocumented).toEqual([]);
    for (const [method, doc] of Object.entries(reference.methods)) {
      expect(doc.url).toBe(`https://docs.slack.dev/reference/methods/${method}`);
    }
  });

  it("asks exactly the documented bot scopes, and none where Slack asks none", () => {
    const differences = botMethods
      .map((method) => ({
        method,
        table: tableScopes(method),
        documented: [...(reference.methods[method]?.bot ?? [])].sort(),
      }))
      .filter((d) => JSON.stringify(d.table) !== JSON.stringify(d.documented));
    expect(differences).toEqual([]);
  });

  it("maps each kind of conversation to the documented scope of its family", () => {
    for (const [method, needed] of Object.entries(METHOD_SCOPES)) {
      if (Array.isArray(needed)) continue;
      for (const [kind, scope] of Object.entries(needed) as [ChannelKind, string][]) {
        const documented = reference.methods[method]?.bot ?? [];
        expect(documented, `${method} in a ${kind} conversation`).toContain(scope);
        // conversations.open names channels:manage / groups:write for public and private ones.
        if (method !== "conversations.open") {
          expect(
            FAMILY[kind].some((f) => scope.startsWith(f)),
            `${method} ${kind}`,
          ).toBe(true);
        }
      }
    }
  });

  it("answers missing_scope with the scope the reference names for the conversation's kind", () => {
    const granted = new Set(["chat:write", "channels:read", "im:write"]);
    expect(missingScope(granted, "chat.postMessage")).toBeUndefined();
    expect(missingScope(granted, "conversations.info", ["private"])).toBe("groups:read");
    expect(missingScope(granted, "conversations.history", ["im"])).toBe("im:history");
    expect(missingScope(granted, "conversations.open", ["im"])).toBeUndefined();
    expect(missingScope(granted, "conversations.open", ["mpim"])).toBe("mpim:write");
    expect(missingScope(granted, "users.lookupByEmail")).toBe("users:read.email");
    expect(missingScope(granted, "views.open")).toBeUndefined();
  });

  it("limits each method at its documented tier", () => {
    expect(METHODS["auth.test"]?.tier).toBe("auth");
    const differences = botMethods
      .map((method) => {
        const tier = METHODS[method]?.tier;
        const documented = reference.methods[method]?.tier;
        // "Special rate limits apply" names no number: any limit the local Slack keeps will do.
        const same = tier === documented || documented === "special";
        return { method, tier, documented, same };
      })
      .filter((d) => !d.same);
    expect(differences).toEqual([]);
  });
});
