import { type Document, isAlias, isMap, isNode, isScalar, isSeq, type LineCounter } from "yaml";

export interface Position {
  line: number;
  column: number;
}

const start = (node: unknown): number | undefined =>
  isNode(node) && node.range ? node.range[0] : undefined;

/**
 * Where `path` is in the document: the key of a mapping entry, the item of a list. A path that
 * goes further than the document does (a missing key) stops at the deepest node that exists.
 */
export function locate(
  doc: Document,
  lineCounter: LineCounter,
  path: readonly PropertyKey[],
): Position {
  let node: unknown = doc.contents;
  let offset = start(node) ?? 0;
  for (const segment of path) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = node.items.find(
        (p) => isScalar(p.key) && String(p.key.value) === String(segment),
      );
      if (!pair) break;
      offset = start(pair.key) ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === "number") {
      const item: unknown = node.items[segment];
      if (item === undefined) break;
      offset = start(item) ?? offset;
      node = item;
    } else {
      break;
    }
  }
  return position(lineCounter, offset);
}

export function position(lineCounter: LineCounter, offset: number): Position {
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

/** `["branches", 2, "channel"]` → `branches[2].channel`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((segment, index) =>
      typeof segment === "number"
        ? `[${segment}]`
        : `${index === 0 ? "" : "."}${short(String(segment))}`,
    )
    .join("");
}

/** A key from the file, as a path shows it: at most 30 characters (a file's text is not echoed). */
const short = (key: string): string => (key.length > 30 ? `${key.slice(0, 29)}…` : key);
