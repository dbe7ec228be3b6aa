/**
 * The admin menu's buttons: each pushes its edit modal, after checking in the database that the
 * person clicking is still a committee admin (otherwise the menu turns into the refusal). The
 * same buttons on the App Home open the edit modal on its own.
 */

import type { BlockAction, ButtonAction } from "@slack/bolt";
import type { ModalView } from "@slack/types";
import type { AppContext } from "../../../app/context.ts";
import type { Org } from "../../../config/org-schema.ts";
import { type Translator, translator } from "../../../i18n/index.ts";
import { servicesOf } from "../../../services/admin/forms.ts";
import { committeeRoles, currentOrg } from "../../../services/org/current.ts";
import { ADMIN_ACTION } from "../../ids/admin.ts";
import type { ListenerApp } from "../../router.ts";
import {
  buildBranchModal,
  buildCommitteeModal,
  buildLectureModal,
  buildSchedulesModal,
} from "../../views/admin/forms.ts";
import { buildAdminRefused } from "../../views/admin/home.ts";

type Builder = (org: Org, t: Translator, value: string | undefined) => ModalView;

const OPENERS: [string, Builder][] = [
  [ADMIN_ACTION.addBranch, (_org, t) => buildBranchModal(undefined, t)],
  [
    ADMIN_ACTION.editBranch,
    (org, t, key) =>
      buildBranchModal(
        org.branches.find((b) => b.key === key),
        t,
        key ? servicesOf(org, key) : [],
      ),
  ],
  [ADMIN_ACTION.editCommittee, (org, t) => buildCommitteeModal(org, t)],
  [ADMIN_ACTION.editLecture, (org, t) => buildLectureModal(org, t)],
  [ADMIN_ACTION.editSchedules, (org, t) => buildSchedulesModal(org, t)],
];

export function registerAdminOpeners(app: ListenerApp, ctx: AppContext): void {
  for (const [actionId, build] of OPENERS) {
    app.action<BlockAction<ButtonAction>>(actionId, async ({ ack, body, client }) => {
      await ack();
      const roles = await committeeRoles(ctx.db, body.user.id);
      const org = await currentOrg(ctx.db);
      const t = translator(org?.organization.locale ?? "zh-CN");
      const view =
        roles.admin && org ? build(org, t, body.actions[0]?.value) : buildAdminRefused(t);
      // From the menu (a modal) the edit modal is pushed; from the App Home it opens on its own.
      if (body.view?.type !== "modal")
        await client.views.open({ trigger_id: body.trigger_id, view });
      else if (roles.admin && org) await client.views.push({ trigger_id: body.trigger_id, view });
      else await client.views.update({ view_id: body.view.id, view });
    });
  }
}
