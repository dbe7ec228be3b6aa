/** The admin's edit modals: a branch (add or edit), the committee, the lecture hall, schedules. */
import type { KnownBlock, ModalView } from "@slack/types";
import type { Branch, Org } from "../../../config/org-schema.ts";
import type { BranchService } from "../../../config/org-service-list.ts";
import type { Translator } from "../../../i18n/index.ts";
import { context, modalView, plain } from "../../blocks.ts";
import { ADMIN_CALLBACK } from "../../ids/admin.ts";
import { channel, checkbox, field, select, text, time, users, whole } from "./elements.ts";
import { weekdayOptions, workingDayOptions } from "./labels.ts";
import { type AdminMetadata, adminMetadata } from "./metadata.ts";
import { serviceRows, shownServices } from "./services.ts";

type Callback = (typeof ADMIN_CALLBACK)[keyof typeof ADMIN_CALLBACK];

function modal(
  callback: Callback,
  title: string,
  blocks: KnownBlock[],
  t: Translator,
  meta: Partial<AdminMetadata> = {},
): ModalView {
  const [submit, close] = [t("admin.modal.save"), t("admin.modal.cancel")];
  const metadata = adminMetadata(meta);
  return modalView({ callbackId: callback, title, submit, close, metadata, blocks });
}

/**
 * A new branch when `branch` is undefined; its key is then typed, otherwise shown. `services`:
 * the branch's services in the org, shown as rows (services.ts).
 */
export function buildBranchModal(
  branch: Branch | undefined,
  t: Translator,
  services: readonly BranchService[] = [],
): ModalView {
  const keyBlock: KnownBlock = branch
    ? context(t("admin.branch.keyShown", { key: branch.key }))
    : field("key", t("admin.branch.key"), text("key", "", 64), {
        hint: plain(t("admin.branch.keyHint")),
      });
  const blocks: KnownBlock[] = [
    keyBlock,
    field("name", t("admin.branch.name"), text("name", branch?.name ?? "")),
    field("channel", t("admin.branch.channel"), channel("channel", branch?.channel)),
    field(
      "secretaries",
      t("admin.branch.secretaries"),
      users("secretaries", branch?.secretaries ?? []),
    ),
    field("members", t("admin.branch.members"), users("members", branch?.members ?? []), {
      optional: true,
    }),
    field("community", t("admin.branch.community"), text("community", branch?.community ?? ""), {
      optional: true,
      hint: plain(t("admin.branch.communityHint")),
    }),
  ];
  if (branch) {
    blocks.push(
      field(
        "deactivate",
        t("admin.branch.deactivate"),
        checkbox("deactivate", t("admin.branch.deactivateOption"), "deactivate"),
        {
          optional: true,
        },
      ),
    );
  }
  blocks.push(...serviceRows(services, t));
  const title = t(branch ? "admin.branch.editTitle" : "admin.branch.addTitle");
  const meta = { editing: branch?.key ?? null, servicesShown: shownServices(services) };
  return modal(ADMIN_CALLBACK.branch, title, blocks, t, meta);
}

export function buildCommitteeModal(org: Org, t: Translator): ModalView {
  const c = org.committee;
  return modal(
    ADMIN_CALLBACK.committee,
    t("admin.committee.title"),
    [
      field("channel", t("admin.committee.channel"), channel("channel", c.channel)),
      field("members", t("admin.committee.members"), users("members", c.members)),
      field("admins", t("admin.committee.admins"), users("admins", c.admins)),
    ],
    t,
  );
}

export function buildLectureModal(org: Org, t: Translator): ModalView {
  const h = org.lectureHall;
  return modal(
    ADMIN_CALLBACK.lecture,
    t("admin.lecture.title"),
    [
      field("channel", t("admin.lecture.channel"), channel("channel", h?.channel)),
      field("roster", t("admin.lecture.roster"), users("roster", h?.roster ?? [])),
      field(
        "weekday",
        t("admin.lecture.weekday"),
        select("weekday", weekdayOptions(t), h?.weekday),
      ),
      field("time", t("admin.lecture.time"), time("time", h?.time)),
      field(
        "noticeDaysBefore",
        t("admin.lecture.noticeDays"),
        whole("noticeDaysBefore", h?.noticeDaysBefore ?? 2, 0, 14),
      ),
      field(
        "speakersPerSession",
        t("admin.lecture.speakers"),
        whole("speakersPerSession", h?.speakersPerSession ?? 1, 1, 20),
      ),
    ],
    t,
  );
}

/** A day of the month and a time: the monthly reminder's, the deadline's. */
const dayAndTime = (
  name: "reminder" | "deadline",
  at: { day: number; time: string },
  t: Translator,
) => [
  field(`${name}Day`, t(`admin.schedules.${name}Day`), whole(`${name}Day`, at.day, 1, 28)),
  field(`${name}Time`, t(`admin.schedules.${name}Time`), time(`${name}Time`, at.time)),
];

export function buildSchedulesModal(org: Org, t: Translator): ModalView {
  const s = org.schedules;
  const followUps = s.followUps.map((f) => `${f.day} ${f.time}`).join(", ");
  return modal(
    ADMIN_CALLBACK.schedules,
    t("admin.schedules.title"),
    [
      ...dayAndTime("reminder", s.monthlyReminder, t),
      ...dayAndTime("deadline", s.deadline, t),
      field("followUps", t("admin.schedules.followUps"), text("followUps", followUps, 300), {
        optional: true,
        hint: plain(t("admin.schedules.followUpsHint")),
      }),
      field(
        "workingDays",
        t("admin.schedules.workingDays"),
        select("workingDays", workingDayOptions(t), s.workingDays),
      ),
      field(
        "approvalReminderHours",
        t("admin.schedules.approvalHours"),
        whole("approvalReminderHours", s.approvalReminderHours, 1, 720),
      ),
    ],
    t,
  );
}
