/** Slack's documented examples in test/fixtures/slack/ (sources in sources.json). */
import { readFileSync } from "node:fs";

export const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../fixtures/slack/${name}`, import.meta.url), "utf8"));

/** The documented event_callback is from an Enterprise Grid install; elsewhere enterprise_id is null. */
export function documentedEventCallback(): unknown {
  const documented = fixture("event_callback.json") as {
    authorizations: { enterprise_id: unknown }[];
  };
  for (const a of documented.authorizations) a.enterprise_id = null;
  return documented;
}
