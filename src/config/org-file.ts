import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { Document, isMap, isScalar, LineCounter, parseDocument, visit } from "yaml";
import type { z } from "zod";
import { unknownSources } from "./assessment-schema.ts";
import { EXCERPT_CHARS, excerpt, LOCAL_DATE, show, TIME_OF_DAY } from "./org-fields.ts";
import { type Org, orgSchema } from "./org-schema.ts";
import { closest } from "./suggest.ts";
import { formatPath, locate, position } from "./yaml-locate.ts";

/** One problem in an org file: where it is (path and 1-based line/column) and what is wrong. */
export interface OrgFileError {
  /** `branches[2].channel`; empty for the file as a whole (syntax, empty file). */
  path: string;
  line: number;
  column: number;
  message: string;
}

export type OrgFileResult =
  | { ok: true; org: Org; hash: string }
  | { ok: false; errors: OrgFileError[] };

const YAML_HINTS: Partial<Record<string, string>> = {
  BLOCK_AS_IMPLICIT_KEY: ' (quote a value that contains ": ", or check the indentation)',
  MULTILINE_IMPLICIT_KEY: " (check the indentation)",
  TAB_AS_INDENT: " (indent with spaces)",
};

const keyAt = (text: string, offset: number) =>
  /^["']?([^:"'\n]*)/.exec(text.slice(offset))?.[1]?.trim() ?? "";

export function hashOrgText(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

export interface ParseOptions {
  /**
   * The assessment sources the features contribute (assessmentSourcesOf(features)): a computed
   * indicator naming another is an error on its line. Absent: not checked.
   */
  assessmentSources?: readonly string[];
}

/** Parses and validates an org file. Locations are in the result; name the file in formatOrgErrors. */
export function parseOrgFile(
  text: string,
  _fileName: string,
  options: ParseOptions = {},
): OrgFileResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const errors = doc.errors.map((error) => ({
      path: "",
      ...position(lineCounter, error.pos[0]),
      message:
        error.code === "DUPLICATE_KEY"
          ? `YAML: the key ${excerpt(keyAt(text, error.pos[0]))} appears twice in this mapping`
          : `YAML syntax: ${error.message.split("\n")[0]}${YAML_HINTS[error.code] ?? ""}`,
    }));
    // One error per line: the parser often reports a second, derived error at the same spot.
    return {
      ok: false,
      errors: errors.filter((e, i) => errors.findIndex((o) => o.line === e.line) === i),
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch {
    // yaml throws (not reports) when aliases expand too far: an alias bomb gets a normal error.
    const first = text.search(/\*[^\s,\]}]/);
    return {
      ok: false,
      errors: [
        {
          path: "",
          ...position(lineCounter, Math.max(first, 0)),
          message: "YAML: aliases (*name) expand to too many values; write the values out",
        },
      ],
    };
  }
  if (data === null || data === undefined) {
    return { ok: false, errors: [{ path: "", line: 1, column: 1, message: "the file is empty" }] };
  }
  const parsed = orgSchema.safeParse(data, { error: fallbackMessage });
  const errors = parsed.success
    ? sourceErrors(parsed.data, options.assessmentSources)
    : explainAll(parsed.error.issues, data);
  if (parsed.success && errors.length === 0) {
    return { ok: true, org: parsed.data, hash: hashOrgText(text) };
  }
  return {
    ok: false,
    errors: errors
      .map((e) => ({
        ...locate(doc, lineCounter, e.path),
        path: formatPath(e.path),
        message: e.message,
      }))
      .sort((a, b) => a.line - b.line || a.column - b.column),
  };
}

/** Reads a file from disk and parses it; a file that cannot be read is one error at line 1. */
export async function readOrgFile(path: string): Promise<OrgFileResult> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    return {
      ok: false,
      errors: [{ path: "", line: 1, column: 1, message: `cannot read: ${reason}` }],
    };
  }
  return parseOrgFile(text, path);
}

/** `org.yml:17: branches[2].channel: expected a channel id (C…) or #name, got "resettlement"` */
export function formatOrgErrors(errors: readonly OrgFileError[], fileName: string): string[] {
  return errors.map(
    (e) => `${fileName}:${e.line}: ${e.path === "" ? "" : `${e.path}: `}${e.message}`,
  );
}

interface Located {
  path: PropertyKey[];
  message: string;
}

function sourceErrors(org: Org, known: readonly string[] | undefined): Located[] {
  if (known === undefined) return [];
  return unknownSources(org.assessment, known).map(({ index, source }) => {
    const guess = closest(source, known);
    return {
      path: ["assessment", "indicators", index, "source"],
      message: `unknown source ${excerpt(source, EXCERPT_CHARS / 2)}${guess === undefined ? `; the sources are: ${known.join(", ")}` : ` (did you mean "${guess}"?)`}`,
    };
  });
}

/**
 * Zod's issues, with each unknown key reported on the key itself and the closest known key
 * suggested; a key that is "missing" only because it was misspelt is not reported twice.
 */
function explainAll(issues: readonly z.core.$ZodIssue[], data: unknown): Located[] {
  const located: Located[] = [];
  const misspelt = new Set<string>();
  for (const issue of issues) {
    if (issue.code !== "unrecognized_keys") {
      located.push({ path: [...issue.path], message: issue.message });
      continue;
    }
    const known = knownKeys(data, issue.path, issue.keys);
    for (const key of issue.keys) {
      const guess = closest(key, known);
      if (guess !== undefined) misspelt.add(formatPath([...issue.path, guess]));
      located.push({
        path: [...issue.path, key],
        message: `unknown key ${excerpt(key, EXCERPT_CHARS / 2)}${guess === undefined ? `; allowed here: ${known.join(", ")}` : ` (did you mean "${guess}"?)`}`,
      });
    }
  }
  return located.filter(
    (e) => !(e.message.startsWith("missing") && misspelt.has(formatPath(e.path))),
  );
}

function knownKeys(
  data: unknown,
  path: readonly PropertyKey[],
  unknown: readonly string[],
): string[] {
  let schema: unknown = orgSchema;
  for (const segment of path) schema = child(schema, segment);
  const shape = objectShape(schema);
  if (shape) return Object.keys(shape);
  // Should not happen; fall back to the keys that were accepted.
  let value: unknown = data;
  for (const segment of path) value = (value as Record<PropertyKey, unknown>)?.[segment];
  return Object.keys(value ?? {}).filter((k) => !unknown.includes(k));
}

/** Looks through optional, default, transform and list wrappers to the schema underneath. */
function unwrap(schema: unknown): unknown {
  let current = schema;
  for (let i = 0; i < 10; i++) {
    const def = (current as { _zod?: { def?: Record<string, unknown> } })?._zod?.def;
    if (!def) return current;
    const inner = def.innerType ?? (def.type === "pipe" ? def.in : undefined);
    if (inner === undefined) return current;
    current = inner;
  }
  return current;
}

function objectShape(schema: unknown): Record<string, unknown> | undefined {
  const def = (
    unwrap(schema) as { _zod?: { def?: { type?: string; shape?: Record<string, unknown> } } }
  )?._zod?.def;
  return def?.type === "object" ? def.shape : undefined;
}

function child(schema: unknown, segment: PropertyKey): unknown {
  const inner = unwrap(schema);
  const def = (inner as { _zod?: { def?: { type?: string; element?: unknown } } })?._zod?.def;
  if (def?.type === "array" && typeof segment === "number") return def.element;
  return objectShape(inner)?.[String(segment)];
}

const TYPE_NAMES: Record<string, string> = {
  object: "a mapping",
  array: "a list",
  string: "text",
  number: "a number",
  boolean: "true or false",
};

/** Messages for the few issues whose field does not bring its own. */
function fallbackMessage(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.code === "invalid_type") {
    const what = TYPE_NAMES[issue.expected] ?? issue.expected;
    return issue.input === undefined
      ? `missing (expected ${what})`
      : `expected ${what}, got ${show(issue.input)}`;
  }
  return undefined;
}

/**
 * The configuration as YAML, in the file's own layout: short lists and day/time pairs inline,
 * times and dates quoted. parseOrgFile(serializeOrg(org)).org deep-equals org.
 */
export function serializeOrg(org: Org): string {
  const doc = new Document(org);
  visit(doc, {
    Map(_, node) {
      const keys = node.items.map((p) => (isScalar(p.key) ? p.key.value : undefined));
      if (keys.length === 2 && keys.includes("day") && keys.includes("time")) node.flow = true;
    },
    Seq(_, node) {
      if (node.items.every((item) => isScalar(item))) node.flow = true;
    },
    Scalar(_, node) {
      if (
        typeof node.value === "string" &&
        (TIME_OF_DAY.test(node.value) || LOCAL_DATE.test(node.value))
      ) {
        node.type = "QUOTE_DOUBLE";
      }
    },
  });
  if (isMap(doc.contents)) {
    doc.contents.items.forEach((pair, index) => {
      if (index > 0 && isScalar(pair.key)) pair.key.spaceBefore = true;
    });
  }
  return doc.toString({ lineWidth: 100, flowCollectionPadding: false });
}
