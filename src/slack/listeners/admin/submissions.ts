/**
 * The admin modals' submissions: the person's rights are read from the database (never from the
 * view), the change is validated like the org file with errors on the fields at fault, then saved
 * and audited; the admin menu underneath is refreshed with what changed.
 */

import type { SlackViewAction, ViewOutput } from "@slack/bolt";
import type { AppContext } from "../../../app/context.ts";
import { type Translator, translator } from "../../../i18n/index.ts";
import type { AdminChange } from "../../../services/admin/forms.ts";
import { saveAdminChange } from "../../../services/admin/save-change.ts";
import { currentOrg } from "../../../services/org/current.ts";
import { slackResolver } from "../../../services/org/resolver.ts";
import { ADMIN_CALLBACK } from "../../ids/admin.ts";
import type { ListenerApp } from "../../router.ts";
import { viewErrors } from "../../views/admin/errors.ts";
import { buildAdminHome, buildAdminRefused } from "../../views/admin/home.ts";
import { readAdminMetadata } from "../../views/admin/metadata.ts";
import {
  readBranchForm,
  readCommitteeForm,
  readLectureForm,
  readSchedulesForm,
  type StateValues,
} from "../../views/admin/state.ts";

const READERS: [string, (view: ViewOutput, values: StateValues) => AdminChange][] = [
  [
    ADMIN_CALLBACK.branch,
    (v, s) => ({
      form: "branch",
      values: readBranchForm(s, readAdminMetadata(v.private_metadata)),
    }),
  ],
  [ADMIN_CALLBACK.committee, (_v, s) => ({ form: "committee", values: readCommitteeForm(s) })],
  [ADMIN_CALLBACK.lecture, (_v, s) => ({ form: "lecture", values: readLectureForm(s) })],
  [ADMIN_CALLBACK.schedules, (_v, s) => ({ form: "schedules", values: readSchedulesForm(s) })],
];

const inputBlocks = (view: ViewOutput): string[] =>
  view.blocks.flatMap((b) => (b.type === "input" && b.block_id ? [b.block_id] : []));

async function localeOf(ctx: AppContext): Promise<Translator> {
  const org = await currentOrg(ctx.db);
  return translator(org?.organization.locale ?? "zh-CN");
}

export function registerAdminSubmissions(app: ListenerApp, ctx: AppContext): void {
  for (const [callbackId, read] of READERS) {
    app.view<SlackViewAction>(callbackId, async ({ ack, body, view, client }) => {
      const change = read(view, view.state.values as StateValues);
      const outcome = await saveAdminChange(
        { db: ctx.db, resolver: slackResolver(client), afterWrite: ctx.orgWritten },
        body.user.id,
        change,
        `slack:${callbackId}`,
      );
      const t = await localeOf(ctx);
      if (outcome.status === "refused") {
        await ack({ response_action: "update", view: buildAdminRefused(t) });
        return;
      }
      if (outcome.status === "invalid") {
        await ack({
          response_action: "errors",
          errors: viewErrors(outcome.errors, inputBlocks(view), t),
        });
        return;
      }
      await ack();
      const org = await currentOrg(ctx.db);
      if (!org || !view.root_view_id || view.root_view_id === view.id) return;
      const count = outcome.changes.length;
      const notice = count > 0 ? t("admin.home.saved", { count }) : t("admin.home.unchanged");
      await client.views
        .update({ view_id: view.root_view_id, view: buildAdminHome(org, t, notice) })
        .catch((error: { data?: { error?: string } }) => {
          // The person closed the menu meanwhile: the change is saved, nothing to refresh.
          if (error.data?.error !== "not_found") throw error;
        });
    });
  }
}
