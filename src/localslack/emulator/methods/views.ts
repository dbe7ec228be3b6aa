import { type Args, isObject, optJson, optString, reqString } from "../args.ts";
import { assignIds } from "../block-ids.ts";
import { errorWithMessages, missingArgument, SlackApiError } from "../errors.ts";
import { viewJson } from "../serialize.ts";
import type { Json, ViewRecord } from "../types.ts";
import { validateView } from "../validate.ts";
import type { Workspace } from "../workspace.ts";
import type { MethodContext, MethodSpec } from "./context.ts";

/** Slack holds at most 3 views in a modal's stack. */
export const MAX_VIEW_STACK = 3;

function readView(args: Args): Json {
  const view = optJson(args, "view", "invalid_arguments");
  if (view === undefined) throw missingArgument("view");
  const problem = validateView(view);
  if (problem) throw errorWithMessages(problem.error, problem.messages);
  return view as Json;
}

function str(v: unknown): string {
  return typeof v === "string" ? v : "";
}

/** Builds a stored view from a view definition; keeps state of inputs whose ids survive. */
export function buildView(
  ws: Workspace,
  def: Json,
  user: string,
  base?: Pick<ViewRecord, "id" | "root_view_id" | "previous_view_id" | "state">,
): ViewRecord {
  const id = base?.id ?? ws.newId("V");
  return {
    id,
    type: def.type === "home" ? "home" : "modal",
    user,
    callback_id: str(def.callback_id),
    ...(isObject(def.title) ? { title: def.title } : {}),
    ...(isObject(def.submit) ? { submit: def.submit } : {}),
    ...(isObject(def.close) ? { close: def.close } : {}),
    blocks: Array.isArray(def.blocks) ? assignIds(def.blocks as Json[]) : [],
    private_metadata: str(def.private_metadata),
    external_id: str(def.external_id),
    hash: ws.newHash(),
    notify_on_close: def.notify_on_close === true,
    clear_on_close: def.clear_on_close === true,
    root_view_id: base?.root_view_id ?? id,
    previous_view_id: base?.previous_view_id ?? null,
    state: keepState(base?.state, def.blocks),
  };
}

/** Slack keeps typed input across an update only for blocks whose block_id survives. */
function keepState(state: ViewRecord["state"] | undefined, blocks: unknown): ViewRecord["state"] {
  if (!state || !Array.isArray(blocks)) return { values: {} };
  const ids = new Set(blocks.filter(isObject).map((b) => b.block_id));
  return {
    values: Object.fromEntries(Object.entries(state.values).filter(([id]) => ids.has(id))),
  };
}

function assertExternalIdFree(ws: Workspace, def: Json, exceptId?: string): void {
  const ext = str(def.external_id);
  if (ext === "") return;
  const other = ws.findView({ externalId: ext });
  if (other && other.id !== exceptId) throw new SlackApiError("duplicate_external_id");
}

function open(ctx: MethodContext) {
  const { ws, args } = ctx;
  const def = readView(args);
  const user = ctx.triggers.exchange(reqString(args, "trigger_id"));
  if (def.type !== "modal")
    throw errorWithMessages("invalid_arguments", ["[ERROR] must be a modal"]);
  assertExternalIdFree(ws, def);
  const view = buildView(ws, def, user);
  ws.modalStacks.set(user, [view]);
  return { ok: true, view: viewJson(ws, view) };
}

/** Pushes a view on the user's open modal; shared by views.push and response_action: push. */
export function pushView(ws: Workspace, user: string, def: Json): ViewRecord {
  const stack = ws.modalStack(user);
  const top = stack[stack.length - 1];
  if (!top) throw new SlackApiError("not_found");
  if (stack.length >= MAX_VIEW_STACK) throw new SlackApiError("push_limit_reached");
  const view = buildView(ws, def, user, {
    id: ws.newId("V"),
    root_view_id: top.root_view_id,
    previous_view_id: top.id,
    state: { values: {} },
  });
  view.root_view_id = top.root_view_id;
  ws.modalStacks.set(user, [...stack, view]);
  return view;
}

function push(ctx: MethodContext) {
  const { ws, args } = ctx;
  const def = readView(args);
  const user = ctx.triggers.exchange(reqString(args, "trigger_id"));
  assertExternalIdFree(ws, def);
  return { ok: true, view: viewJson(ws, pushView(ws, user, def)) };
}

/** Replaces a stored view in place (same id, new hash); shared by views.update and response_action: update. */
export function replaceView(ws: Workspace, current: ViewRecord, def: Json): ViewRecord {
  const next = buildView(ws, def, current.user, current);
  if (current.type === "home") {
    ws.homeViews.set(current.user, next);
  } else {
    const stack = ws.modalStack(current.user).map((v) => (v.id === current.id ? next : v));
    ws.modalStacks.set(current.user, stack);
  }
  return next;
}

function update(ctx: MethodContext) {
  const { ws, args } = ctx;
  const viewId = optString(args, "view_id");
  const externalId = optString(args, "external_id");
  if (!viewId && !externalId) throw missingArgument("view_id");
  const def = readView(args);
  const current = ws.findView({
    ...(viewId ? { id: viewId } : {}),
    ...(externalId ? { externalId } : {}),
  });
  if (!current) throw new SlackApiError("not_found");
  const hash = optString(args, "hash");
  if (hash !== undefined && hash !== current.hash) throw new SlackApiError("hash_conflict");
  assertExternalIdFree(ws, def, current.id);
  return { ok: true, view: viewJson(ws, replaceView(ws, current, def)) };
}

function publish(ctx: MethodContext) {
  const { ws, args } = ctx;
  const user = ws.requireUser(reqString(args, "user_id"));
  const def = readView(args);
  if (def.type !== "home") {
    throw errorWithMessages("invalid_arguments", [
      "[ERROR] must be a home view [json-pointer:/view/type]",
    ]);
  }
  const current = ws.homeViews.get(user.id);
  const hash = optString(args, "hash");
  if (hash !== undefined && current && hash !== current.hash) {
    throw new SlackApiError("hash_conflict");
  }
  const view = current ? buildView(ws, def, user.id, current) : buildView(ws, def, user.id);
  ws.homeViews.set(user.id, view);
  return { ok: true, view: viewJson(ws, view) };
}

export const viewMethods: Record<string, MethodSpec> = {
  "views.open": { tier: 4, handler: open },
  "views.push": { tier: 4, handler: push },
  "views.update": { tier: 4, handler: update },
  "views.publish": { tier: 4, handler: publish },
};
