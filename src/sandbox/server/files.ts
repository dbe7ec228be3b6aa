/**
 * Files a person picks in a modal's file_input: the page sends them with the submission (JSON,
 * the bytes in base64, so the guard's JSON-only rule holds), and the server plays Slack's
 * client: a file over Slack's 10 MB limit or more files than the element's max_files are
 * refused on the field and nothing is stored; the rest are uploaded to the local Slack's file
 * store (in memory, owned by the person) and submitted as the file objects Slack sends, with
 * their real size, name and type, so the app's own checks (file types, sizes) decide as in
 * Slack. The body is capped by what the open modals' file fields can take.
 */
import { z } from "zod";
import type { Translator } from "../../i18n/index.ts";
import { FILE_INPUT_MAX_BYTES, type UserSession, type Workspace } from "../../localslack/index.ts";
import { maxFilesOf } from "../render/inputs.ts";
import { type Json, obj, objs, str } from "../render/json.ts";
import { fileSize } from "../render/messages.ts";
import { HttpError, MAX_BODY } from "./http.ts";

const upload = z.object({
  name: z
    .string()
    .min(1)
    .max(255)
    .refine((n) => !/[/\\]/.test(n) && [...n].every((c) => c >= " "), "not a file name"),
  /** The browser's File.type ("" when it does not know). */
  type: z.string().max(255),
  /** What the browser says; the bytes' length is what counts when they are sent. */
  size: z.number().int().nonnegative(),
  /** The bytes in base64; left out for a file over the limit (which is refused, not sent). */
  data: z.string().optional(),
});

/** The picked files of each file_input, keyed "block_id.action_id". */
export const pickedFiles = z.record(z.string(), z.array(upload).max(10));
export type PickedFiles = z.infer<typeof pickedFiles>;

const base64Length = (bytes: number) => 4 * Math.ceil(bytes / 3);

interface FileField {
  blockId: string;
  maxFiles: number;
}

/** The file_input elements of a view's input blocks, by "block_id.action_id". */
function fileFields(blocks: readonly Json[]): Map<string, FileField> {
  const fields = new Map<string, FileField>();
  for (const block of blocks) {
    const el = obj(block.element);
    if (block.type !== "input" || el?.type !== "file_input") continue;
    const blockId = str(block.block_id) ?? "";
    fields.set(`${blockId}.${str(el.action_id) ?? ""}`, { blockId, maxFiles: maxFilesOf(el) });
  }
  return fields;
}

/**
 * The largest submission body the open modals can need: every file of their file fields at
 * Slack's limit, in base64, plus the ordinary body. With no file field open, the ordinary cap.
 */
export function submitBodyLimit(ws: Workspace): number {
  let most = 0;
  for (const stack of ws.modalStacks.values()) {
    const top = stack.at(-1);
    if (!top) continue;
    let files = 0;
    for (const field of fileFields(objs(top.blocks)).values()) files += field.maxFiles;
    most = Math.max(most, files * base64Length(FILE_INPUT_MAX_BYTES));
  }
  return MAX_BODY + most;
}

/** The words of a refused oversize body, in the page's language. */
export const uploadTooLarge = (t: Translator) =>
  t("sandbox.page.uploadTooLarge", { size: fileSize(FILE_INPUT_MAX_BYTES) });

export type FileCheck =
  | { ok: true; files: Map<string, { name: string; type: string; bytes: Buffer }[]> }
  | { ok: false; errors: Record<string, string> };

/**
 * What Slack's client refuses before anything is uploaded (too many files, a file over 10 MB),
 * by block_id; else the files' bytes by field. A key that is no file field of the view is a
 * bad request.
 */
export function checkFiles(
  blocks: readonly Json[],
  picked: PickedFiles | undefined,
  t: Translator,
): FileCheck {
  const fields = fileFields(blocks);
  const errors: Record<string, string> = {};
  const files = new Map<string, { name: string; type: string; bytes: Buffer }[]>();
  for (const [key, list] of Object.entries(picked ?? {})) {
    const field = fields.get(key);
    if (!field) throw new HttpError(400, `no file field ${key} in that modal`);
    if (list.length > field.maxFiles) {
      errors[field.blockId] = t("sandbox.form.maxFiles", { count: field.maxFiles });
      continue;
    }
    const read = [];
    for (const f of list) {
      if (f.data === undefined && f.size <= FILE_INPUT_MAX_BYTES)
        throw new HttpError(400, `${f.name}: the file's content is missing`);
      const bytes = f.data === undefined ? undefined : Buffer.from(f.data, "base64");
      const size = bytes?.length ?? f.size;
      if (!bytes || size > FILE_INPUT_MAX_BYTES) {
        errors[field.blockId] = t("sandbox.form.fileTooLarge", {
          name: f.name,
          size: fileSize(size),
          max: fileSize(FILE_INPUT_MAX_BYTES),
        });
        break;
      }
      read.push({ name: f.name, type: f.type, bytes });
    }
    if (!errors[field.blockId]) files.set(key, read);
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, files };
}

/** Uploads the checked files as the person; their ids, typed into each field, submit them. */
export function uploadAll(
  session: UserSession,
  files: Map<string, { name: string; type: string; bytes: Buffer }[]>,
): Record<string, string[]> {
  const ids: Record<string, string[]> = {};
  for (const [key, list] of files) {
    ids[key] = list.map((f) =>
      session.uploadFile({
        name: f.name,
        bytes: f.bytes,
        ...(f.type ? { mimetype: f.type } : {}),
      }),
    );
  }
  return ids;
}
