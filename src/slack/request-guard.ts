/**
 * The first look at every request Slack delivers (HTTP or Socket Mode), before Bolt reads it.
 *
 * Bolt trusts a payload's shape: an event callback whose `event` is missing or not an object,
 * or a view payload whose `view` is not one, throws inside Bolt before any listener runs, and
 * the HTTP receiver answers 500 (Slack then retries it, three more times). A body Bolt cannot
 * type (an event without a type) is never acknowledged, and Slack sees a 404 after 3 s. None of
 * this is anything Slack sends, but a request must still get a clear answer and change nothing:
 * such a body is acknowledged at once, runs nothing, and is counted and logged.
 *
 * Also: whatever the listeners leave unacknowledged when Bolt is done with a request (nothing
 * handles it) is acknowledged then, so Slack never waits out its 3 s for a request the bot will
 * not answer. An error thrown before the ack is logged and the request acknowledged: Slack's
 * retry would meet the same error.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { App, HTTPReceiver } from "@slack/bolt";

type Body = Record<string, unknown>;

const isObject = (value: unknown): value is Body =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const optionalObject = (value: unknown) => value === undefined || value === null || isObject(value);

const INTERACTIONS = new Set([
  "block_actions",
  "block_suggestion",
  "view_submission",
  "view_closed",
  "shortcut",
  "message_action",
]);

/** Why this body is not one Slack sends, as far as Bolt and the router read it; null if fine. */
export function malformed(body: unknown): string | null {
  if (!isObject(body)) return "the body is not an object";
  if ("command" in body) {
    return typeof body.command === "string" ? null : "command is not a string";
  }
  if (body.type === "event_callback" || "event" in body) return malformedEvent(body);
  if (typeof body.type !== "string") return "no type";
  if (!INTERACTIONS.has(body.type)) return `unknown type ${body.type.slice(0, 40)}`;
  if (!isObject(body.user) || typeof body.user.id !== "string")
    return "user is not an object with an id";
  if (!optionalObject(body.team)) return "team is not an object";
  if (!optionalObject(body.enterprise)) return "enterprise is not an object";
  if (!optionalObject(body.channel)) return "channel is not an object";
  if (!optionalObject(body.container)) return "container is not an object";
  if ("view" in body && !optionalObject(body.view)) return "view is not an object";
  if (body.type === "block_actions") {
    const { actions } = body;
    if (!Array.isArray(actions) || actions.length === 0) return "actions is not a list";
    for (const action of actions) {
      if (!isObject(action) || typeof action.action_id !== "string") {
        return "an action has no action_id";
      }
    }
  }
  if (body.type === "view_submission" || body.type === "view_closed") {
    const { view } = body;
    if (!isObject(view)) return "view is missing";
    if (typeof view.callback_id !== "string" || typeof view.id !== "string") {
      return "view has no id or callback_id";
    }
    if (!optionalObject(view.state) || (isObject(view.state) && !isObject(view.state.values))) {
      return "view state is not an object";
    }
  }
  return null;
}

function malformedEvent(body: Body): string | null {
  const { event } = body;
  if (!isObject(event)) return "event is missing or not an object";
  if (typeof event.type !== "string") return "event has no type";
  if ("channel" in event && typeof event.channel !== "string" && !isObject(event.channel)) {
    return "event channel is neither an id nor an object";
  }
  if ("item" in event && !isObject(event.item)) return "event item is not an object";
  if ("authorizations" in body) {
    const { authorizations } = body;
    if (!Array.isArray(authorizations) || !authorizations.every(isObject)) {
      return "authorizations is not a list of objects";
    }
  }
  return null;
}

export interface GuardOptions {
  /** A body refused for its shape or its team: the reason (log it, count it). */
  refused(reason: string): void;
  /** The workspace the bot is installed in, once Slack has said (auth.test's team_id). */
  installedTeam?: () => string | undefined;
  /** An error thrown before the request was acknowledged. */
  failed(error: unknown): void;
}

type ReceiverEvent = Parameters<App["processEvent"]>[0];

/** The team a request comes from: events and commands name it at the top, interactions in `team`. */
function teamOf(body: unknown): string | undefined {
  const b = body as { team_id?: unknown; team?: { id?: unknown } | null };
  if (typeof b.team_id === "string") return b.team_id;
  return typeof b.team?.id === "string" ? b.team.id : undefined;
}

/** A request from another workspace than the installation's is refused, whatever it asks. */
export function foreignTeam(body: unknown, installed: string | undefined): string | null {
  const team = teamOf(body);
  return installed !== undefined && team !== undefined && team !== installed
    ? `a request from another workspace (${team.slice(0, 20)})`
    : null;
}

/** Puts the guard in front of Bolt: every receiver hands requests to `app.processEvent`. */
export function guardRequests(app: App, options: GuardOptions): void {
  const process = app.processEvent.bind(app);
  app.processEvent = async (event: ReceiverEvent) => {
    let acked = false;
    const ack = async (response?: unknown) => {
      acked = true;
      await event.ack(response as Parameters<ReceiverEvent["ack"]>[0]);
    };
    const reason = malformed(event.body) ?? foreignTeam(event.body, options.installedTeam?.());
    if (reason !== null) {
      options.refused(reason);
      await ack();
      return;
    }
    try {
      await process({ ...event, ack });
    } catch (error) {
      if (acked) throw error;
      options.failed(error);
    }
    if (!acked) await ack();
  };
}

/** Bolt's own limit on a request body (HTTPModuleFunctions.defaultBodyLimit): 10 MB. */
const BODY_LIMIT = 10 * 1024 * 1024;

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * In HTTP mode, before Bolt parses a body: one that parses to `null` (JSON `null`, or a form
 * whose `payload` is `null`) makes Bolt's receiver throw outside any handler, so no answer is
 * ever sent. Answered 400 here. The body is read once and handed to Bolt already buffered
 * (Bolt takes a request's `rawBody` as it is, as on Google Cloud Functions).
 */
export function guardHttpBodies(receiver: HTTPReceiver, endpoint: string): void {
  const inner = receiver as unknown as { requestListener: Listener };
  const listen = inner.requestListener;
  inner.requestListener = (req, res) => {
    if (
      req.method !== "POST" ||
      new URL(req.url ?? "/", "http://localhost").pathname !== endpoint
    ) {
      listen(req, res);
      return;
    }
    readBody(req)
      .then((raw) => {
        if (raw === null) {
          res.writeHead(413).end();
          return;
        }
        if (parsesToNull(raw, req.headers["content-type"])) {
          res.writeHead(400).end();
          return;
        }
        Object.assign(req, { rawBody: raw });
        listen(req, res);
      })
      .catch(() => {
        if (!res.headersSent) res.writeHead(400).end();
      });
  };
}

async function readBody(req: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > BODY_LIMIT) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** As Bolt parses a body (HTTPModuleFunctions.parseHTTPRequestBody): does it give null? */
function parsesToNull(raw: Buffer, contentType: string | undefined): boolean {
  try {
    const text = raw.toString();
    if (contentType === "application/x-www-form-urlencoded") {
      const payload = new URLSearchParams(text).get("payload");
      return payload !== null && JSON.parse(payload) === null;
    }
    return JSON.parse(text) === null;
  } catch {
    // Bolt answers an unparsable body 400 itself.
    return false;
  }
}
