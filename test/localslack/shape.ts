/**
 * Compares a value with one of Slack's documented examples by shape: every field the example
 * has must be present with the same JSON type, recursively (arrays: each element against the
 * example's first). Fields the example does not show are allowed (Slack's examples are not
 * exhaustive). A documented `null` only asks for presence (Slack documents such fields as
 * nullable: `parent_conversation`, `close`, `previous_view_id`). Paths in `stopAt` are content
 * chosen by the app (blocks, typed values): only their presence is checked.
 */
export type JsonType = "string" | "number" | "boolean" | "null" | "object" | "array";

export function jsonType(v: unknown): JsonType {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  const t = typeof v;
  if (t === "string" || t === "number" || t === "boolean" || t === "object") return t;
  throw new Error(`not a JSON value: ${t}`);
}

/** Each difference as "path: what" ("channel.creator: missing", "ts: number, documented string"). */
export function shapeDiff(
  documented: unknown,
  actual: unknown,
  stopAt: readonly string[] = [],
  path = "",
): string[] {
  const at = path || "(root)";
  if (documented === null || stopAt.includes(path)) return [];
  const want = jsonType(documented);
  const got = jsonType(actual);
  if (want !== got) return [`${at}: ${got}, documented ${want}`];
  if (want === "array") {
    const [example] = documented as unknown[];
    if (example === undefined) return [];
    return (actual as unknown[]).flatMap((item, i) =>
      shapeDiff(example, item, stopAt, `${path}[]`).map((d) =>
        d.replace(`${path}[]`, `${path}[${i}]`),
      ),
    );
  }
  if (want !== "object") return [];
  const have = actual as Record<string, unknown>;
  return Object.entries(documented as Record<string, unknown>).flatMap(([k, v]) => {
    const p = path ? `${path}.${k}` : k;
    if (!(k in have)) return [`${p}: missing`];
    return shapeDiff(v, have[k], stopAt, p);
  });
}
