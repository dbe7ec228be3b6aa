/** `pbb org apply` and ORG_FILE at start: validate, resolve through Slack, write, report. */
import { LineCounter, parseDocument } from "yaml";
import { formatOrgErrors, parseOrgFile } from "../../config/org-file.ts";
import { locate } from "../../config/yaml-locate.ts";
import type { Database } from "../../db/client.ts";
import { loadOrgRecord, type OrgWrittenHook, writeOrg } from "../../db/repositories/org.ts";
import { resolveOrg } from "./resolve-org.ts";
import type { OrgResolver } from "./resolver.ts";

export type { OrgWrittenHook };

export type ApplyOutcome =
  | { status: "applied"; changes: string[] }
  | { status: "unchanged" }
  | { status: "invalid"; lines: string[] };

export interface ApplyOptions {
  actor: string;
  source: string;
  /** ORG_FILE at start: skip when this exact file was the last one applied. */
  onlyIfFileChanged?: boolean;
  /** The features' assessment source names: an indicator naming another is an error. */
  assessmentSources?: readonly string[];
  /** The features' part of the write, in its transaction (features.ts `orgWrittenOf`). */
  afterWrite?: OrgWrittenHook | undefined;
}

export async function applyOrgText(
  db: Database,
  resolver: OrgResolver,
  text: string,
  fileName: string,
  options: ApplyOptions,
): Promise<ApplyOutcome> {
  const parsed = parseOrgFile(
    text,
    fileName,
    options.assessmentSources ? { assessmentSources: options.assessmentSources } : {},
  );
  if (!parsed.ok) return { status: "invalid", lines: formatOrgErrors(parsed.errors, fileName) };
  if (options.onlyIfFileChanged) {
    const current = await loadOrgRecord(db);
    if (current?.orgFileHash === parsed.hash) return { status: "unchanged" };
  }
  const resolved = await resolveOrg(parsed.org, resolver);
  if (!resolved.ok) {
    const lineOf = lineFinder(text);
    return {
      status: "invalid",
      lines: resolved.problems.map((p) => `${fileName}:${lineOf(p.path)}: ${p.path}: ${p.message}`),
    };
  }
  const changes = await writeOrg(db, resolved.resolved.org, {
    people: resolved.resolved.people,
    fileHash: parsed.hash,
    actor: options.actor,
    source: options.source,
    afterWrite: options.afterWrite,
  });
  return changes.length > 0 ? { status: "applied", changes } : { status: "unchanged" };
}

/** The line of a field given as "branches[2].channel" in the file's text. */
function lineFinder(text: string): (path: string) => number {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  return (path) => {
    const segments = [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) =>
      m[2] === undefined ? (m[1] as string) : Number(m[2]),
    );
    return locate(doc, lineCounter, segments).line;
  };
}
