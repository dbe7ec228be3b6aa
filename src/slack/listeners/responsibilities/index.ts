/**
 * The responsibility lists' Slack listeners: the Update button (Home, quarter-check DM) opens the
 * mark modal; its submission and the system admin's editor are saved by the use cases, which
 * check every right; `/pbb duties [all|edit …]`.
 */
import type { BlockAction, ButtonAction, RespondFn } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { AppContext } from "../../../app/context.ts";
import { COMMITTEE_OWNER } from "../../../domain/responsibility.ts";
import type { MessageKey, Translator } from "../../../i18n/index.ts";
import {
  type DutyError,
  dutyOverview,
  markDuties,
  openDutyEditor,
  openDutyMarks,
  saveDutyList,
} from "../../../services/responsibilities/duties.ts";
import { mention } from "../../blocks.ts";
import { DUTY_ACTION, DUTY_CALLBACK, dutyBlock, dutyRowBlock } from "../../ids/responsibilities.ts";
import {
  refusalOnField,
  refusalText,
  replier,
  type Tell,
  viaDm,
  viaResponseUrl,
} from "../../reply.ts";
import type { ListenerApp } from "../../router.ts";
import {
  dutyEditErrors,
  dutyEditModal,
  dutyMarkErrors,
  dutyMarkModal,
  parseEditMeta,
  readDutyMarks,
  readDutyRows,
} from "../../views/responsibilities/modals.ts";
import { dutyOverviewMessage } from "../../views/responsibilities/overview.ts";
import type { Subcommand } from "../commands/pbb-subcommands.ts";

type Button = BlockAction<ButtonAction>;

export const dutyErrorKey = (error: DutyError): MessageKey => `duties.error.${error}` as MessageKey;

const tellFor = (client: WebClient, userId: string, respond: RespondFn | undefined): Tell =>
  respond ? viaResponseUrl(respond) : viaDm(client, userId);

/** A save refused: the problems on their fields, or the reason on the first field. */
async function refusedSave<P>(
  ctx: AppContext,
  result: { ok: false; error: DutyError } | { ok: false; problems: P; env: { t: Translator } },
  first: string,
  errorsOf: (problems: P, t: Translator) => Record<string, string>,
) {
  if ("problems" in result)
    return { response_action: "errors" as const, errors: errorsOf(result.problems, result.env.t) };
  return refusalOnField(ctx, first, dutyErrorKey(result.error));
}

export function registerResponsibilityListeners(app: ListenerApp, ctx: AppContext): void {
  app.action<Button>(DUTY_ACTION.open, async ({ ack, body, client, respond }) => {
    await ack();
    const reply = replier(ctx, tellFor(client, body.user.id, respond), dutyErrorKey);
    const opened = await openDutyMarks(ctx, body.user.id);
    if (!opened.ok) return reply.refuse(opened.error);
    await client.views.open({
      trigger_id: body.trigger_id,
      view: dutyMarkModal(opened.form, opened.env.t),
    });
  });

  app.view(DUTY_CALLBACK.mark, async ({ ack, body, view }) => {
    const marks = readDutyMarks(view.state.values as never);
    const first = dutyBlock(marks[0]?.id ?? 0, "status");
    const result = await markDuties(ctx, body.user.id, marks);
    if (!result.ok) return ack(await refusedSave(ctx, result, first, dutyMarkErrors));
    await ack();
    ctx.homes.changed({ users: result.concerned });
  });

  app.view(DUTY_CALLBACK.edit, async ({ ack, body, view, client }) => {
    const meta = parseEditMeta(view.private_metadata);
    const first = dutyRowBlock(0, "duty");
    if (!meta) return ack(await refusalOnField(ctx, first, dutyErrorKey("invalid")));
    const result = await saveDutyList(ctx, body.user.id, {
      ...meta,
      rows: readDutyRows(view.state.values as never),
    });
    if (!result.ok) return ack(await refusedSave(ctx, result, first, dutyEditErrors));
    await ack();
    const owner =
      meta.owner === COMMITTEE_OWNER ? result.env.t("duties.owner.committee") : mention(meta.owner);
    await viaDm(
      client,
      body.user.id,
    )(result.env.t("duties.edit.saved", { owner, year: meta.year, count: result.count })).catch(
      (err: unknown) => ctx.logger.warn({ err }, "could not confirm the list"),
    );
    ctx.homes.changed({ users: result.concerned });
  });
}

/** "<@U0DEPUTY|name>" or "U0DEPUTY" or "committee" → the list's owner. */
export function parseOwnerArg(arg: string | undefined): string | null {
  if (!arg) return null;
  if (arg.toLowerCase() === COMMITTEE_OWNER) return COMMITTEE_OWNER;
  const m = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/.exec(arg) ?? /^([UW][A-Z0-9]{2,})$/.exec(arg);
  return m ? (m[1] as string) : null;
}

export const dutiesSubcommand: Subcommand = {
  name: "duties",
  usage: "duties [all|edit @member|committee]",
  describe: (t) => t("duties.command.describe"),
  async run({ ctx, command, args, t, respond }) {
    const user = command.user_id;
    const refuse = async (error: DutyError) =>
      respond({ response_type: "ephemeral", text: await refusalText(ctx, dutyErrorKey(error)) });
    const sub = args[0]?.toLowerCase();
    if (sub === undefined) {
      const opened = await openDutyMarks(ctx, user);
      if (!opened.ok) return void (await refuse(opened.error));
      await ctx.client.views.open({
        trigger_id: command.trigger_id,
        view: dutyMarkModal(opened.form, opened.env.t),
      });
      return;
    }
    if (sub === "all") {
      const shown = await dutyOverview(ctx, user);
      if (!shown.ok) return void (await refuse(shown.error));
      await respond({
        response_type: "ephemeral",
        ...dutyOverviewMessage(shown.overview, shown.env.t),
      });
      return;
    }
    const owner = sub === "edit" ? parseOwnerArg(args[1]) : null;
    if (!owner) {
      await respond({ response_type: "ephemeral", text: t("duties.command.usage") });
      return;
    }
    const opened = await openDutyEditor(ctx, user, owner);
    if (!opened.ok) return void (await refuse(opened.error));
    await ctx.client.views.open({
      trigger_id: command.trigger_id,
      view: dutyEditModal(
        opened.form,
        owner === COMMITTEE_OWNER ? opened.env.t("duties.owner.committee") : mention(owner),
        opened.env.t,
      ),
    });
  },
};
