/**
 * The features' listeners, dispatched from one Bolt listener per kind of request by action_id,
 * callback_id, event type or command name.
 *
 * Why not one Bolt listener each: Bolt runs every registered listener's matching middleware on
 * every request, before any of them can ack. With the bot's ~45 listeners that matching was the
 * largest share of an ack's CPU (more than Prisma or parsing the payload), and it grows with each
 * button added. A map lookup does not.
 *
 * Features register exactly as on a Bolt App (`app.action(id, handler)`…), with the same types;
 * the constraints they use are plain ids (and `{ callback_id, type }` for view_closed).
 *
 * Each request's work after its ack waits for the work gate (`work-gate.ts`): under a burst the
 * acks go first, and a request beyond the gate's room is answered "too busy" without running.
 */
import type { App } from "@slack/bolt";
import { t } from "../i18n/index.ts";
import { WorkGate } from "./work-gate.ts";

/** What a feature's registrar may call: Bolt's own signatures. */
export type ListenerApp = Pick<App, "action" | "view" | "event" | "command">;

type Handler = (args: object) => Promise<unknown> | unknown;
type Table = Map<string, Handler[]>;

/** How the router answers a request whose work the gate has no room for (WorkGate.full). */
export interface Overload {
  /** "Too busy, nothing was changed, try again", in the org's language. */
  text(): Promise<string>;
  /** Whether to tell this person by a message (not too often), rather than only acknowledge. */
  shouldTell(userId: string): boolean;
  /** Each refused request, by kind (metrics, a log line). */
  refused(kind: string): void;
}

export interface RouterOptions {
  /** How many requests' work after the ack runs at once (see WorkGate). */
  gate?: WorkGate;
  overload?: Overload;
}

export class ListenerRouter {
  private readonly actions: Table = new Map();
  private readonly views: Table = new Map();
  private readonly events: Table = new Map();
  private readonly commands: Table = new Map();

  readonly gate: WorkGate;
  private readonly overload: Overload;

  constructor(options: RouterOptions = {}) {
    this.gate = options.gate ?? WorkGate.adaptive();
    this.overload = options.overload ?? {
      text: async () => t("zh-CN", "common.busy"),
      shouldTell: () => true,
      refused: () => {},
    };
  }

  /** Hand this to the features' registrars. */
  readonly app: ListenerApp = {
    action: ((constraint: unknown, ...listeners: unknown[]) =>
      this.add(this.actions, idOf(constraint, "action_id"), listeners)) as ListenerApp["action"],
    view: ((constraint: unknown, ...listeners: unknown[]) =>
      this.add(this.views, viewKeyOf(constraint), listeners)) as ListenerApp["view"],
    event: ((constraint: unknown, ...listeners: unknown[]) =>
      this.add(this.events, idOf(constraint, "type"), listeners)) as ListenerApp["event"],
    command: ((constraint: unknown, ...listeners: unknown[]) =>
      this.add(this.commands, idOf(constraint, "command"), listeners)) as ListenerApp["command"],
  };

  /** Registers the dispatching listeners on the Bolt app (once, after the features). */
  mount(app: App): void {
    app.action(/.*/, (args) =>
      this.dispatch(
        this.actions,
        field(args.action, "action_id") ?? field(args.action, "callback_id"),
        args,
      ),
    );
    for (const type of ["view_submission", "view_closed"] as const) {
      app.view({ callback_id: /.*/, type }, (args) =>
        this.dispatch(this.views, `${type}:${args.view.callback_id}`, args),
      );
    }
    app.event(/.*/, (args) => this.dispatch(this.events, args.event.type, args));
    app.command(/.*/, (args) => this.dispatch(this.commands, args.command.command, args));
  }

  /**
   * Runs the handlers registered for `key`, as Bolt runs every matching listener. None: the
   * request goes unacknowledged, as it would with no matching Bolt listener.
   */
  private async dispatch(table: Table, key: string | null, args: object): Promise<void> {
    const { gate, overload } = this;
    const handlers = key === null ? undefined : table.get(key);
    if (!handlers) return;
    // Decided before any handler runs: one that has started may have written before its ack.
    if (gate.full) return refuseForLoad(args as Partial<Acked>, overload);
    let admitted = false;
    const admit = async () => {
      await gate.acquire();
      admitted = true;
    };
    // Events have no ack here: Bolt acknowledged them before any listener ran.
    const hasAck = typeof (args as { ack?: unknown }).ack === "function";
    if (!hasAck) await admit();
    const run = hasAck ? ackFirst(args as Acked, admit) : args;
    try {
      await Promise.all(handlers.map((handler) => handler(run)));
    } finally {
      if (admitted) gate.release();
    }
  }

  private add(table: Table, key: string, listeners: unknown[]): void {
    const [handler, ...more] = listeners;
    if (typeof handler !== "function" || more.length > 0) {
      throw new Error(`listener for "${key}": register one handler function (no middleware chain)`);
    }
    table.set(key, [...(table.get(key) ?? []), handler as Handler]);
  }
}

interface Acked {
  ack: (response?: unknown) => Promise<void>;
  body: {
    type?: string;
    view?: { blocks?: { type?: string; block_id?: string }[] };
    /** The person: block actions and views carry `user`, slash commands `user_id`. */
    user?: { id?: string };
    user_id?: string;
  };
  respond?: (message: object) => Promise<unknown>;
}

/**
 * After its ack, a handler resumes on the next turn of the event loop, and only once the gate
 * admits its work: requests that arrived meanwhile are parsed and acknowledged before this one's
 * work (queries, Block Kit, Web API calls) goes on. Slack waits 3 s for an ack; nobody waits on
 * the work to the millisecond.
 */
function ackFirst(args: Acked, admit: () => Promise<void>): Acked {
  let acked = false;
  return {
    ...args,
    ack: async (response?: unknown) => {
      await args.ack(response);
      if (acked) return;
      acked = true;
      await new Promise((resolve) => setImmediate(resolve));
      await admit();
    },
  };
}

/**
 * No room for this request's work: no handler runs, so nothing changes, and the person hears
 * why where Slack lets the app answer — a modal stays open with the reason under its first input
 * (what was typed is kept); a click or command gets it privately through its response_url, as
 * often as `shouldTell` allows. An event (already acknowledged by Bolt) is dropped.
 */
async function refuseForLoad(args: Partial<Acked>, overload: Overload): Promise<void> {
  overload.refused(args.body?.type ?? "event");
  if (!args.ack) return;
  const view = args.body?.type === "view_submission" ? args.body.view : undefined;
  const field = view?.blocks?.find((b) => b.type === "input" && b.block_id)?.block_id;
  if (field) {
    await args.ack({ response_action: "errors", errors: { [field]: await overload.text() } });
    return;
  }
  await args.ack();
  const userId = args.body?.user?.id ?? args.body?.user_id;
  if (!args.respond || !userId || !overload.shouldTell(userId)) return;
  const text = await overload.text();
  await args.respond({ response_type: "ephemeral", replace_original: false, text }).catch(() => {});
}

function idOf(constraint: unknown, name: string): string {
  if (typeof constraint === "string") return constraint;
  const id = field(constraint, name);
  if (id !== null && Object.keys(constraint as object).length === 1) return id;
  throw new Error(`unsupported listener constraint ${String(constraint)}: use a plain ${name}`);
}

function viewKeyOf(constraint: unknown): string {
  if (typeof constraint === "string") return `view_submission:${constraint}`;
  const id = field(constraint, "callback_id");
  const type = field(constraint, "type") ?? "view_submission";
  const known = Object.keys(constraint as object).every((k) => k === "callback_id" || k === "type");
  if (id !== null && known && (type === "view_submission" || type === "view_closed")) {
    return `${type}:${id}`;
  }
  throw new Error("unsupported view constraint: use a callback_id, and type view_closed if so");
}

function field(value: unknown, name: string): string | null {
  if (typeof value !== "object" || value === null || !(name in value)) return null;
  const v = (value as Record<string, unknown>)[name];
  return typeof v === "string" ? v : null;
}
