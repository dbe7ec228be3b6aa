/**
 * What a person does on the page, played to the app through the driver exactly as Slack would:
 * clicks and picks (block_actions), modal submit and close, messages, slash commands, App Home.
 */
import { z } from "zod";
import { type Translator, translator } from "../../i18n/index.ts";
import type { Delivery, SlackDriver, TypedValue } from "../../localslack/index.ts";
import { pickedFiles } from "./files.ts";
import { HttpError } from "./http.ts";

const typed = z.union([z.string(), z.number(), z.array(z.string()), z.null()]);
const values = z.record(z.string(), typed);
const user = z.string().regex(/^[UW][A-Z0-9]+$/);

const surface = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("message"), channel: z.string(), ts: z.string() }),
  z.object({ kind: z.literal("ephemeral"), channel: z.string(), ts: z.string() }),
  z.object({ kind: z.literal("modal"), viewId: z.string() }),
  z.object({ kind: z.literal("home") }),
]);

export const actionRequest = z.object({
  as: user,
  surface,
  blockId: z.string(),
  actionId: z.string(),
  /** Absent for a button click. */
  value: typed.optional(),
  /** What is typed in the open modal, sent before an action inside it. */
  modalValues: values.optional(),
});
export const submitRequest = z.object({
  as: user,
  viewId: z.string(),
  values,
  /** The files picked in the modal's file_input fields (files.ts). */
  files: pickedFiles.optional(),
});
export const closeRequest = z.object({ as: user, viewId: z.string() });
export const messageRequest = z.object({
  as: user,
  /** A channel id, or a user id for the bot's DM with that user. */
  channel: z.string(),
  text: z.string().min(1).max(40_000),
  threadTs: z.string().optional(),
});
export const personRequest = z.object({ as: user });
export const dismissRequest = z.object({ as: user, ts: z.string() });
/** "job:<name>" or "advance:<ms>". */
export const clockRequest = z.object({
  command: z.string().regex(/^(job:[a-z0-9-]+|advance:\d+)$/),
});

export const resetRequest = z.object({ locale: z.enum(["zh-CN", "en"]) });

export function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (!result.success) {
    throw new HttpError(
      400,
      result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "),
    );
  }
  return result.data;
}

/** What the page tells the person after an action. */
export interface ActionAnswer {
  ok: boolean;
  outcome?: string;
  /** Shown like Slack's own error banner. */
  notice?: string;
  errors?: Record<string, string>;
}

/** Slack shows a warning when the app does not acknowledge within 3 seconds. */
export function answerOf(d: Delivery, t: Translator = translator("en")): ActionAnswer {
  if (d.timedOut) return { ok: false, notice: t("sandbox.page.appTimeout") };
  if (d.status < 200 || d.status >= 300) {
    return { ok: false, notice: t("sandbox.page.appStatus", { status: d.status }) };
  }
  return { ok: true };
}

/** One kind of thing a person does on the page (`req`: its parsed request), as the app answers it. */
type PageAction<R extends z.ZodType> = (
  driver: SlackDriver,
  req: z.infer<R>,
  t?: Translator,
) => Promise<ActionAnswer>;

export const act: PageAction<typeof actionRequest> = async (driver, req, t) => {
  const session = driver.as(req.as);
  const element = { blockId: req.blockId, actionId: req.actionId };
  const s = req.surface;
  let target: Parameters<typeof session.clickButton>[0];
  if (s.kind === "message") target = { channel: s.channel, messageTs: s.ts, ...element };
  else if (s.kind === "ephemeral") target = { channel: s.channel, ephemeral: true, ...element };
  else if (s.kind === "modal") {
    const top = driver.openView(req.as);
    if (!top || top.id !== s.viewId) throw new HttpError(409, "that modal is no longer open");
    if (req.modalValues) session.fill(req.modalValues);
    target = { view: "modal", ...element };
  } else target = { view: "home", ...element };
  const value: TypedValue | undefined = req.value;
  const result =
    value === undefined
      ? await session.clickButton(target)
      : await session.select({ ...target, value });
  return answerOf(result, t);
};

/** `/pbb help` → ["/pbb", "help"]. */
export function splitCommand(text: string): [string, string] | undefined {
  const m = /^(\/[a-z0-9_-]+)(?:\s+([\s\S]*))?$/i.exec(text.trim());
  return m ? [m[1] ?? "", (m[2] ?? "").trim()] : undefined;
}

export const sendMessage: PageAction<typeof messageRequest> = async (driver, req, t) => {
  const session = driver.as(req.as);
  const command = req.threadTs ? undefined : splitCommand(req.text);
  if (command) {
    const result = await session.slashCommand(command[0], command[1], { channel: req.channel });
    const answer = answerOf(result, t);
    return answer.ok ? answer : { ...answer, notice: `${command[0]} failed: ${answer.notice}` };
  }
  const sent = req.threadTs
    ? await session.replyInThread(req.channel, req.threadTs, req.text)
    : await session.postMessage(req.channel, req.text);
  return sent.event && !sent.event.ok
    ? { ok: false, notice: "The app did not acknowledge the message event." }
    : { ok: true };
};
