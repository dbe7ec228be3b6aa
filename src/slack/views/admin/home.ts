/** The admin menu: the committee, each branch, the lecture hall and schedules, each with Edit. */
import type { KnownBlock, ModalView } from "@slack/types";
import type { Org } from "../../../config/org-schema.ts";
import type { Translator } from "../../../i18n/index.ts";
import { actions, button, context, divider, mention, plain, section } from "../../blocks.ts";
import { ADMIN_ACTION, ADMIN_CALLBACK, branchBlockId } from "../../ids/admin.ts";
import { esc } from "../tasklist/format.ts";
import { weekdayLabel } from "./labels.ts";
import { adminMetadata } from "./metadata.ts";

const people = (ids: readonly string[]) => ids.map(mention);
const MAX_BRANCHES = 80;

function branchBlocks(org: Org, t: Translator): KnownBlock[] {
  if (org.branches.length === 0) return [context(t("admin.home.noBranches"))];
  return org.branches.slice(0, MAX_BRANCHES).map((b) =>
    section(
      t("admin.home.branch", {
        name: esc(b.name),
        key: b.key,
        channel: b.channel,
        secretaries: people(b.secretaries),
        members: b.members.length,
      }),
      {
        block_id: branchBlockId(b.key),
        accessory: button(t("admin.button.edit"), ADMIN_ACTION.editBranch, { value: b.key }),
      },
    ),
  );
}

export function buildAdminHome(
  org: Org,
  t: Translator,
  notice?: string,
  origin?: string,
): ModalView {
  const s = org.schedules;
  const hall = org.lectureHall;
  return {
    type: "modal",
    callback_id: ADMIN_CALLBACK.home,
    title: plain(t("admin.home.title")),
    close: plain(t("admin.home.close")),
    private_metadata: adminMetadata({ origin: origin ?? null }),
    blocks: [
      ...(notice ? [section(notice)] : []),
      context(t("admin.home.intro")),
      section(
        t("admin.home.committee", {
          channel: org.committee.channel,
          members: people(org.committee.members),
          admins: people(org.committee.admins),
        }),
        { accessory: button(t("admin.button.edit"), ADMIN_ACTION.editCommittee) },
      ),
      divider(),
      section(t("admin.home.branches")),
      ...branchBlocks(org, t),
      actions(undefined, [
        button(t("admin.button.addBranch"), ADMIN_ACTION.addBranch, { style: "primary" }),
      ]),
      divider(),
      section(
        hall
          ? t("admin.home.lecture", {
              channel: hall.channel,
              weekday: weekdayLabel(hall.weekday, t),
              time: hall.time,
              roster: hall.roster.length,
            })
          : t("admin.home.noLecture"),
        {
          accessory: button(
            t(hall ? "admin.button.edit" : "admin.button.setUp"),
            ADMIN_ACTION.editLecture,
          ),
        },
      ),
      section(
        t("admin.home.schedules", {
          reminderDay: s.monthlyReminder.day,
          reminderTime: s.monthlyReminder.time,
          deadlineDay: s.deadline.day,
          deadlineTime: s.deadline.time,
          followUps: s.followUps.length,
        }),
        { accessory: button(t("admin.button.edit"), ADMIN_ACTION.editSchedules) },
      ),
    ],
  };
}

/** What a person who is not an admin sees instead of an admin view. */
export function buildAdminRefused(t: Translator): ModalView {
  return {
    type: "modal",
    callback_id: ADMIN_CALLBACK.refused,
    title: plain(t("admin.home.title")),
    close: plain(t("admin.home.close")),
    blocks: [section(t("admin.refused"))],
  };
}
