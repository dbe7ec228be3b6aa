/** `/pbb service`'s answers: the member's own record, and a secretary's branch reports. */
import type { KnownBlock } from "@slack/types";
import type { Translator } from "../../../i18n/index.ts";
import type {
  BranchReportsView,
  MyServiceView,
  ServiceMessage,
} from "../../../ports/service-list.ts";
import { actions, button, context, header, section } from "../../blocks.ts";
import { SERVICE_ACTION, SERVICE_BLOCK } from "../../ids/service-list.ts";
import { esc } from "../tasklist/format.ts";
import { reportLine } from "./messages.ts";

export function buildMyService(v: MyServiceView, t: Translator): ServiceMessage {
  const text = v.member
    ? v.community
      ? t("serviceList.summary.registered", { community: esc(v.community) })
      : t("serviceList.summary.notRegistered")
    : t("serviceList.error.not-member");
  const blocks: KnownBlock[] = [header(t("serviceList.summary.title")), section(text)];
  if (v.member) {
    blocks.push(
      section(
        t("serviceList.summary.figures", {
          quarter: v.quarter,
          reports: v.quarterReports,
          hours: v.quarterHours,
          yearHours: v.yearHours,
        }),
      ),
    );
    if (v.recent.length > 0) {
      blocks.push(section(v.recent.map((r) => `• ${reportLine(r, t)}`).join("\n")));
    }
  }
  const buttons = [
    ...(v.member
      ? [
          button(t("serviceList.button.report"), SERVICE_ACTION.openReport, { style: "primary" }),
          button(
            t(v.community ? "serviceList.button.changeCommunity" : "serviceList.button.register"),
            SERVICE_ACTION.openRegister,
          ),
        ]
      : []),
    ...(v.seesBranches
      ? [button(t("serviceList.button.branchReports"), SERVICE_ACTION.branchReports)]
      : []),
  ];
  if (buttons.length > 0) blocks.push(actions(SERVICE_BLOCK.actions, buttons));
  return { text, blocks };
}

export function buildBranchReports(v: BranchReportsView, t: Translator): ServiceMessage {
  const text = t("serviceList.branchReports.title", { quarter: v.quarter, count: v.total });
  const blocks: KnownBlock[] = [section(`*${text}*`)];
  if (v.reports.length === 0) blocks.push(context(t("serviceList.branchReports.none")));
  for (const r of v.reports) {
    const status = r.queried
      ? ` _${t("serviceList.branchReports.queried", { replies: r.replies })}_`
      : "";
    blocks.push(
      section(`${reportLine(r, t, { who: true })}${status}`, {
        ...(r.queried
          ? {}
          : {
              accessory: button(t("serviceList.button.query"), SERVICE_ACTION.openQuery, {
                value: String(r.id),
              }),
            }),
      }),
    );
  }
  if (v.total > v.reports.length)
    blocks.push(
      context(t("serviceList.branchReports.more", { count: v.total - v.reports.length })),
    );
  return { text, blocks };
}
