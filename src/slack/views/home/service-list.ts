/**
 * The service list on the Home: a member's registration (or the button to register) and their
 * reports this quarter; a secretary's branch (registration rate, members active, hours per
 * member, queries waiting or answered); the committee's grid summarised (the org's figures, the
 * worst branches first, counts, a pointer to `/pbb report services`) and the practical
 * projects' status line. At most 9 blocks for a person with every role.
 */
import type { KnownBlock } from "@slack/types";
import type { Translator } from "../../../i18n/index.ts";
import type { ServiceBranchRow, ServiceHomeView } from "../../../ports/service-list.ts";
import { actions, button, context, fields, header, section, truncate } from "../../blocks.ts";
import { SERVICE_ACTION, SERVICE_BLOCK } from "../../ids/service-list.ts";
import { reportLine } from "../service-list/messages.ts";
import { esc } from "./format.ts";

const SECRETARY_BRANCHES = 2;

const rate = (r: ServiceBranchRow) =>
  r.registrationRate === null ? "—" : `${r.registrationRate}%`;
const perMember = (r: ServiceBranchRow) => (r.hoursPerMember === null ? "—" : r.hoursPerMember);

function branchLine(r: ServiceBranchRow, t: Translator): string {
  return t("serviceList.home.branchLine", {
    branch: esc(truncate(r.name, 60)),
    registered: r.registered,
    members: r.members,
    rate: rate(r),
    active: r.active,
    perMember: perMember(r),
  });
}

function committeeBlocks(
  c: NonNullable<ServiceHomeView["committee"]>,
  v: ServiceHomeView,
  t: Translator,
) {
  const p = c.projects;
  return [
    fields([
      `*${t("serviceList.home.registration")}*\n${c.total.registered}/${c.total.members} (${rate(c.total)})`,
      `*${t("serviceList.home.active")}*\n${c.total.active}/${c.total.members}`,
      `*${t("serviceList.home.hours")}*\n${t("serviceList.hours", { hours: c.total.hours })}`,
      `*${t("serviceList.home.perMember")}*\n${t("serviceList.hours", { hours: perMember(c.total) })}`,
    ]),
    section(
      [
        t("serviceList.home.worst", { count: c.worst.length, branches: c.branches }),
        ...c.worst.map((r) => `• ${branchLine(r, t)}`),
        t("serviceList.home.counts", { low: c.lowRegistration, none: c.noneActive }),
      ].join("\n"),
    ),
    section(
      t("serviceList.home.projects", {
        year: v.year,
        total: p.total,
        active: p.active,
        overdue: p.overdue,
        requested: p.requested,
        done: p.done,
      }) + (p.noLead > 0 ? ` ${t("serviceList.home.noLead", { count: p.noLead })}` : ""),
    ),
    context(t("serviceList.home.pointer")),
  ];
}

export function serviceBlocks(v: ServiceHomeView, t: Translator): KnownBlock[] {
  const blocks: KnownBlock[] = [header(t("serviceList.home.header", { quarter: v.quarter }))];
  if (v.committee) blocks.push(...committeeBlocks(v.committee, v, t));
  for (const s of v.secretary.slice(0, SECRETARY_BRANCHES)) {
    blocks.push(
      section(
        `${branchLine(s, t)}\n${t("serviceList.home.attention", { awaiting: s.awaiting, answered: s.answered, reports: s.reports })}`,
      ),
    );
  }
  const buttons = [];
  if (v.member) {
    const m = v.member;
    const lines = [
      m.community
        ? t("serviceList.summary.registered", { community: esc(truncate(m.community, 100)) })
        : t("serviceList.summary.notRegistered"),
      t("serviceList.home.mine", { quarter: v.quarter, count: m.count, hours: m.hours }),
      ...m.reports.map((r) => `• ${reportLine({ ...r, what: truncate(r.what, 150) }, t)}`),
    ];
    blocks.push(section(lines.join("\n")));
    buttons.push(
      button(
        t(m.community ? "serviceList.button.report" : "serviceList.button.register"),
        m.community ? SERVICE_ACTION.openReport : SERVICE_ACTION.openRegister,
        { style: "primary" },
      ),
    );
    if (m.community)
      buttons.push(button(t("serviceList.button.changeCommunity"), SERVICE_ACTION.openRegister));
  }
  if (v.secretary.length > 0 || v.committee)
    buttons.push(button(t("serviceList.button.branchReports"), SERVICE_ACTION.branchReports));
  if (buttons.length > 0) blocks.push(actions(SERVICE_BLOCK.homeActions, buttons));
  return blocks;
}
