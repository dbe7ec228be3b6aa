/**
 * The one way a button naming a record is registered, whatever the feature: ack first, parse the
 * record its value names (a forged or missing value is refused, nothing runs), then act. Rights
 * come from the database, in the use case. The committee's decision buttons of every practice,
 * on the committee message and on the Home, are registered here.
 */
import type {
  AllMiddlewareArgs,
  BlockAction,
  ButtonAction,
  SlackActionMiddlewareArgs,
} from "@slack/bolt";
import type { View } from "@slack/types";
import type { AppContext } from "../../app/context.ts";
import type { MessageKey } from "../../i18n/index.ts";
import { type Replier, replier, type Tell, viaResponseUrl } from "../reply.ts";
import type { ListenerApp } from "../router.ts";

export type Button = BlockAction<ButtonAction>;
export type ButtonArgs = SlackActionMiddlewareArgs<Button> & AllMiddlewareArgs;

/** How a feature's buttons read their value and answer the person who clicked. */
export interface ButtonKind<E extends string, R> {
  /** The record the value names, or null (refused as `invalid`). */
  parse(value: string | undefined): R | null;
  invalid: E;
  errorKey: (error: E) => MessageKey;
  /** How a refusal or failure reaches the person (default: the response_url). */
  tell?: (ctx: AppContext, args: ButtonArgs) => Tell;
}

/** What a click names: the record, who clicked, and how to answer them. */
export interface Click<E extends string, R> {
  ref: R;
  userId: string;
  reply: Replier<E>;
  /** Says something else to them (a confirmation), on the same surface as `reply`. */
  tell: Tell;
}

/** Registers buttons of one kind: `on(actionId, act)`. */
export function buttons<E extends string, R>(
  app: ListenerApp,
  ctx: AppContext,
  kind: ButtonKind<E, R>,
) {
  return (actionId: string, act: (click: Click<E, R>, args: ButtonArgs) => Promise<unknown>) =>
    app.action<Button>(actionId, async (args) => {
      await args.ack();
      const tell = kind.tell ? kind.tell(ctx, args) : viaResponseUrl(args.respond);
      const reply = replier(ctx, tell, kind.errorKey);
      const ref = kind.parse(args.action.value);
      if (ref === null) return reply.refuse(kind.invalid);
      await act({ ref, userId: args.body.user.id, reply, tell }, args);
    });
}

/** A button that acts at once on the record its id names; the outcome told if refused. */
export function registerIdButton<E extends string>(
  app: ListenerApp,
  ctx: AppContext,
  kind: ButtonKind<E, number>,
  actionId: string,
  act: (id: number, userId: string) => Promise<{ ok: true } | { ok: false; error: E }>,
): void {
  buttons(app, ctx, kind)(actionId, ({ ref, userId, reply }) => reply.settle(act(ref, userId)));
}

/** A decision is on one revision: a value without it names nothing to decide. */
export const withRevision =
  <R extends { revision?: number | undefined }>(parse: (value: string | undefined) => R | null) =>
  (value: string | undefined): (R & { revision: number }) | null => {
    const ref = parse(value);
    return ref?.revision === undefined ? null : { ...ref, revision: ref.revision };
  };

/**
 * The committee's decision buttons of one practice on one surface: Approve decides at once,
 * Return opens the return modal (the comment is required; the submission has its own listener),
 * Open (where there is one) shows the whole record read-only.
 */
export interface DecisionButtons<E extends string, R extends { revision: number }> {
  kind: ButtonKind<E, R>;
  approve: string;
  return: string;
  open?: string;
  decide(click: Click<E, R>, source: string): Promise<{ ok: true } | { ok: false; error: E }>;
  /** The return modal, or why it may not be opened. */
  returnModal(click: Click<E, R>): Promise<{ ok: true; view: View } | { ok: false; error: E }>;
  /** The read-only view of the whole record, or why not. */
  openView?(click: Click<E, R>): Promise<{ ok: true; view: View } | { ok: false; error: E }>;
}

export function registerDecisionButtons<E extends string, R extends { revision: number }>(
  app: ListenerApp,
  ctx: AppContext,
  on: DecisionButtons<E, R>,
): void {
  const button = buttons(app, ctx, on.kind);
  const openModal = (
    click: Click<E, R>,
    args: ButtonArgs,
    made: { ok: true; view: View } | { ok: false; error: E },
  ) =>
    made.ok
      ? args.client.views.open({ trigger_id: args.body.trigger_id, view: made.view })
      : click.reply.refuse(made.error);
  button(on.approve, (click, args) => click.reply.settle(on.decide(click, args.action.action_id)));
  button(on.return, async (click, args) => openModal(click, args, await on.returnModal(click)));
  const { open, openView } = on;
  if (open && openView)
    button(open, async (click, args) => openModal(click, args, await openView(click)));
}

/** A button that opens a modal (`open` builds it, or says why not); a failure is logged and told. */
export function registerModalButton<E extends string, R>(
  app: ListenerApp,
  ctx: AppContext,
  kind: ButtonKind<E, R>,
  actionId: string,
  open: (click: Click<E, R>) => Promise<{ ok: true; view: View } | { ok: false; error: E }>,
): void {
  buttons(
    app,
    ctx,
    kind,
  )(actionId, async (click, { body, client }) => {
    try {
      const made = await open(click);
      if (!made.ok) return click.reply.refuse(made.error);
      await client.views.open({ trigger_id: body.trigger_id, view: made.view });
    } catch (err) {
      await click.reply.failed(err);
    }
  });
}
