/**
 * The features' listeners, dispatched from one Bolt global middleware by action_id, callback_id,
 * event type or command name.
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
import type { WebClient } from "@slack/web-api";
import { t } from "../i18n/index.ts";
import { tellInDm } from "./dm-channel.ts";
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
  /**
   * Whether this delivery of an event is its first: Slack re-sends an event it thinks was not
   * acknowledged (X-Slack-Retry-Num), possibly to another replica, with the same event_id.
   * A repeat runs no handler. Default: every delivery is.
   */
  firstDelivery?: (eventId: string) => Promise<boolean>;
  /** Each acknowledged request: its kind (action, view, command) and seconds from routing to ack. */
  acked?: (kind: AckKind, seconds: number) => void;
  /**
   * "This button is no longer in use", in the org's language: what the clicker of a button no
   * feature handles hears (an old message's button after an upgrade renamed or removed it).
   */
  retiredButton?: () => Promise<string>;
}

export type AckKind = "action" | "view" | "command";

export class ListenerRouter {
  private readonly actions: Table = new Map();
  private readonly views: Table = new Map();
  private readonly events: Table = new Map();
  private readonly commands: Table = new Map();

  readonly gate: WorkGate;
  private readonly overload: Overload;
  private readonly firstDelivery: (eventId: string) => Promise<boolean>;
  private readonly acked: ((kind: AckKind, seconds: number) => void) | undefined;
  private readonly retiredButton: () => Promise<string>;

  constructor(options: RouterOptions = {}) {
    this.gate = options.gate ?? WorkGate.adaptive();
    this.overload = options.overload ?? {
      text: async () => t("zh-CN", "common.busy"),
      shouldTell: () => true,
      refused: () => {},
    };
    this.firstDelivery = options.firstDelivery ?? (async () => true);
    this.acked = options.acked;
    this.retiredButton = options.retiredButton ?? (async () => t("zh-CN", "common.retiredButton"));
  }

  /** Each registered key ("action:<action_id>", "view_submission:<callback_id>" …) and its handlers. */
  registered(): { key: string; handlers: number }[] {
    const tables = {
      action: this.actions,
      view: this.views,
      event: this.events,
      command: this.commands,
    };
    return Object.entries(tables).flatMap(([kind, table]) =>
      [...table].map(([id, handlers]) => ({
        // Views are keyed "view_submission:<id>" / "view_closed:<id>" already.
        key: kind === "view" ? id : `${kind}:${id}`,
        handlers: handlers.length,
      })),
    );
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

  /**
   * Routes every request on the Bolt app from one global middleware (once, after the features).
   *
   * Why a middleware and not catch-all Bolt listeners: Bolt runs each listener's matching chain
   * (and each global middleware) as its own chain of promises on every request before any can
   * ack; the four catch-all listeners and the event-dedupe middleware this replaced made the
   * bot's ack path measurably dearer than a bare Bolt app's (with them gone, and the handlers'
   * work skipped, it is as fast: BENCHMARKS.md §1). A request nothing here handles goes on down
   * Bolt's chain (`next`), to Bolt's own listeners if any.
   */
  mount(app: App): void {
    app.use((args) => this.route(args as unknown as Routed));
  }

  private route(args: Routed): Promise<void> {
    if (args.action) {
      const id = field(args.action, "action_id") ?? field(args.action, "callback_id");
      if (args.body.type === "block_actions" && (id === null || !this.actions.has(id))) {
        return tellRetired(args, this.retiredButton);
      }
      return this.dispatch(this.actions, id, this.timed(args, "action"));
    }
    if (args.view) {
      const key = `${args.body.type}:${args.view.callback_id}`;
      return this.dispatch(this.views, key, this.timed(args, "view"));
    }
    if (args.event) return this.routeEvent(args.event.type, args);
    if (args.command) {
      return this.dispatch(this.commands, args.command.command, this.timed(args, "command"));
    }
    return args.next();
  }

  /** The request with its ack reporting how long it took (`acked`); Bolt's ack as it was. */
  private timed(args: Routed, kind: AckKind): Routed {
    const { acked } = this;
    const { ack } = args;
    if (!acked || !ack) return args;
    const started = performance.now();
    args.ack = async (response?: unknown) => {
      await ack(response);
      acked(kind, (performance.now() - started) / 1000);
    };
    return args;
  }

  private async routeEvent(type: string, args: Routed): Promise<void> {
    if (!this.events.has(type)) return args.next();
    const eventId = args.body.event_id;
    if (typeof eventId === "string" && !(await this.firstDelivery(eventId))) return;
    return this.dispatch(this.events, type, args);
  }

  /**
   * Runs the handlers registered for `key`, as Bolt runs every matching listener. None: the
   * request goes on down Bolt's chain (with no listener there, unacknowledged).
   */
  private async dispatch(table: Table, key: string | null, args: Routed): Promise<void> {
    const handlers = key === null ? undefined : table.get(key);
    if (!handlers) return args.next();
    // Decided before any handler runs: one that has started may have written before its ack.
    if (this.gate.full) return refuseForLoad(args, this.overload);
    const { ack } = args;
    // Events have no ack here: Bolt acknowledged them before any listener ran.
    if (!ack) return this.runAdmitted(handlers, args);
    return this.runAfterAck(handlers, args, ack);
  }

  private async runAdmitted(handlers: Handler[], args: object): Promise<void> {
    await this.gate.acquire();
    try {
      await Promise.all(handlers.map((handler) => handler(args)));
    } finally {
      this.gate.release();
    }
  }

  /**
   * Bolt waits on this until the request is acknowledged (or its handlers end, or fail before
   * their ack); the work after the ack goes on detached. Why: Bolt keeps each request's HTTP
   * request, response and raw body until its listeners' promise settles, so a request waiting
   * for the gate held all of that too (the waiting requests are most of a busy bot's heap, and
   * the garbage collector's pauses land in the acks' tail). An error after the ack is logged
   * as Bolt's default error handler would.
   */
  private runAfterAck(handlers: Handler[], args: Routed, ack: Acked["ack"]): Promise<void> {
    const { gate } = this;
    const logger = args.logger;
    let acked = false;
    let admitted = false;
    let answered: () => void = () => {};
    const answer = new Promise<void>((resolve) => {
      answered = resolve;
    });
    const run = ackFirst(args, ack, async () => {
      acked = true;
      answered();
      await gate.acquire();
      admitted = true;
    });
    const work = Promise.all(handlers.map((handler) => handler(run))).finally(() => {
      if (admitted) gate.release();
    });
    work.catch((error: unknown) => {
      if (acked) logger?.error(error);
    });
    return Promise.race([answer, work]).then(() => {});
  }

  private add(table: Table, key: string, listeners: unknown[]): void {
    const [handler, ...more] = listeners;
    if (typeof handler !== "function" || more.length > 0) {
      throw new Error(`listener for "${key}": register one handler function (no middleware chain)`);
    }
    table.set(key, [...(table.get(key) ?? []), handler as Handler]);
  }
}

/** What Bolt hands a global middleware, as far as routing reads it. */
interface Routed extends Partial<Acked> {
  action?: unknown;
  view?: { callback_id: string };
  event?: { type: string };
  command?: { command: string };
  body: Acked["body"] & { event_id?: unknown };
  next: () => Promise<void>;
  logger?: { error(...message: unknown[]): void };
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
  client?: WebClient;
}

/**
 * After its ack, a handler resumes on the next turn of the event loop, and only once the gate
 * admits its work: requests that arrived meanwhile are parsed and acknowledged before this one's
 * work (queries, Block Kit, Web API calls) goes on. Slack waits 3 s for an ack; nobody waits on
 * the work to the millisecond. Bolt's ack (which holds the HTTP request and response) is let go
 * once used, and so is the middleware chain's `next` (which holds Bolt's arguments, that ack
 * among them): a handler gets a no-op `next`, as Bolt gives its listeners. A second ack throws,
 * as Bolt's does.
 */
function ackFirst<T extends object>(args: T, ack: Acked["ack"], admit: () => Promise<void>): T {
  let boltAck: Acked["ack"] | undefined = ack;
  return {
    ...args,
    next: () => {},
    ack: async (response?: unknown) => {
      if (!boltAck) throw new Error("ack() was called more than once");
      const once = boltAck;
      boltAck = undefined;
      await once(response);
      await new Promise((resolve) => setImmediate(resolve));
      await admit();
    },
  };
}

/**
 * A click on a button no feature handles: acknowledged at once (Slack would otherwise show the
 * clicker an error after 3 s), nothing runs, and the clicker is told privately that the button
 * is no longer in use — where the click came from (response_url), or in their DM with the bot.
 */
async function tellRetired(args: Partial<Acked>, text: () => Promise<string>): Promise<void> {
  await args.ack?.();
  const userId = args.body?.user?.id;
  if (!userId) return;
  const { respond, client } = args;
  const told = text().then((message) =>
    respond
      ? respond({ response_type: "ephemeral", replace_original: false, text: message })
      : client && tellInDm(client, userId, message),
  );
  await told.catch(() => {});
}

/**
 * No room for this request's work: no handler runs, so nothing changes, and the person hears
 * why where Slack lets the app answer — a modal stays open with the reason under its first input
 * (what was typed is kept); a click or command gets it privately through its response_url, or,
 * with none (a click on the Home tab), in their DM with the bot — as often as `shouldTell`
 * allows. An event (already acknowledged by Bolt) is dropped.
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
  if (!userId || !overload.shouldTell(userId)) return;
  const { respond, client } = args;
  const text = await overload.text();
  const told = respond
    ? respond({ response_type: "ephemeral", replace_original: false, text })
    : client && tellInDm(client, userId, text);
  await told?.catch(() => {});
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
