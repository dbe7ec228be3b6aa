/**
 * What an evidence file may be (a member's service report, a project's progress): the sizes and
 * types policy in one place. Slack's file_input takes files up to 10 MB and its `filetypes` is
 * only a convenience of the client, so every file is checked again here before anything is
 * stored.
 */

/** Slack's own limit for a file_input upload. */
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

/** Files a progress modal takes at once (Slack allows 1–10); a service report keeps one. */
export const EVIDENCE_MAX_FILES = 3;
export const REPORT_MAX_FILES = 1;

/** Photos, scans and office documents: what evidence of service or of a milestone looks like. */
export const EVIDENCE_FILETYPES = [
  "jpg",
  "jpeg",
  "png",
  "heic",
  "gif",
  "pdf",
  "doc",
  "docx",
  "xls",
  "xlsx",
  "ppt",
  "pptx",
] as const;

/** A file as a file_input's submission carries it (the fields the policy and ledgers use). */
export interface EvidenceFile {
  id: string;
  name: string;
  /** Bytes. */
  size: number;
  permalink: string | null;
}

export type EvidenceFileError = "file-too-large" | "file-type" | "too-many-files";

const extensionOf = (name: string) => {
  const dot = name.lastIndexOf(".");
  return dot < 0 ? "" : name.slice(dot + 1).toLowerCase();
};

/** Why these files may not be evidence (the first problem), or null when all may. */
export function evidenceFilesProblem(
  files: readonly EvidenceFile[],
  max = EVIDENCE_MAX_FILES,
): EvidenceFileError | null {
  if (files.length > max) return "too-many-files";
  for (const f of files) {
    if (!(EVIDENCE_FILETYPES as readonly string[]).includes(extensionOf(f.name)))
      return "file-type";
    if (!(f.size > 0 && f.size <= EVIDENCE_MAX_BYTES)) return "file-too-large";
  }
  return null;
}
