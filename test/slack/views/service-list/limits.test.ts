/**
 * The service list's views at the sizes, in both languages, as Slack checks them (the
 * local Slack's validator): 300 branches (the committee's Home section, the new-project modal),
 * 20 practical projects (the board, a project's message with long texts), 50 reports a member
 * (the member's Home section, `/pbb service`, the secretary's branch reports). Messages at most
 * 50 blocks, modals and the Home at most 100, every section's text at most 3000 characters.
 */
import type { KnownBlock } from "@slack/types";
import { describe, expect, it } from "vitest";
import { translator } from "../../../../src/i18n/index.ts";
import { validateMessage, validateView } from "../../../../src/localslack/emulator/validate.ts";
import type {
  ProjectView,
  ServiceBranchRow,
  ServiceHomeView,
  ServiceReportView,
} from "../../../../src/ports/service-list.ts";
import { serviceBlocks } from "../../../../src/slack/views/home/service-list.ts";
import {
  buildBranchReports,
  buildMyService,
  buildNewProjectModal,
  buildProjectBoard,
  buildProjectMessage,
} from "../../../../src/slack/views/service-list/index.ts";

const LONG = "长".repeat(1000);

const report = (i: number): ServiceReportView => ({
  id: i,
  userId: "U0A",
  date: `2026-${String((i % 12) + 1).padStart(2, "0")}-10`,
  community: `Community ${LONG.slice(0, 90)}`,
  category: "policy-consultation",
  hours: 2.5,
  what: `${i} ${LONG}`,
  link: "https://example.org/a",
  file: { name: `${LONG.slice(0, 200)}.jpg`, url: `https://files.example/${i}/${"x".repeat(200)}` },
});

const branchRow = (i: number): ServiceBranchRow => ({
  key: `b${i}`,
  name: `Branch ${i} ${LONG.slice(0, 200)}`,
  members: 10,
  registered: i % 10,
  registrationRate: (i % 10) * 10,
  active: i % 4,
  hours: i,
  hoursPerMember: i / 10,
  reports: i,
});

const project = (i: number): ProjectView => ({
  id: i,
  title: `Project ${i} ${LONG.slice(0, 190)}`,
  serves: LONG.slice(0, 200),
  branchName: `Branch ${i}`,
  leadUserId: i % 5 === 0 ? null : "U0SEC1",
  goal: LONG,
  beneficiaries: 100 * i,
  status: i % 3 === 0 ? "DONE" : "ACTIVE",
  percent: 50,
  next: { title: LONG.slice(0, 200), due: "2026-12-20" },
  milestones: Array.from({ length: 20 }, (_, k) => ({
    title: `${k} ${LONG.slice(0, 200)}`,
    due: "2026-12-20",
    done: k % 2 === 0,
  })),
  notes: Array.from({ length: 5 }, () => ({
    kind: "progress",
    authorId: "U0SEC1",
    text: LONG,
    link: "https://example.org/e",
  })),
  noteCount: 40,
  confirmedBy: null,
});

function sectionsWithin(blocks: readonly KnownBlock[]): void {
  for (const b of blocks) {
    if (b.type === "section" && b.text) expect(b.text.text.length).toBeLessThanOrEqual(3000);
  }
}

const message = (m: { text: string; blocks?: KnownBlock[] }) => {
  expect(m.blocks?.length ?? 0).toBeLessThanOrEqual(50);
  sectionsWithin(m.blocks ?? []);
  expect(validateMessage(m, { maxText: 40_000, requireTextWithBlocks: true })).toBeUndefined();
};

describe.each(["en", "zh-CN"] as const)("the service list's views at size (%s)", (locale) => {
  const t = translator(locale);

  it("the Home section for every role: 300 branches, 50 reports a member", () => {
    const v: ServiceHomeView = {
      quarter: "2026-Q4",
      year: 2026,
      member: {
        community: LONG.slice(0, 100),
        reports: Array.from({ length: 5 }, (_, i) => report(i)),
        count: 50,
        hours: 125,
      },
      secretary: Array.from({ length: 3 }, (_, i) => ({
        ...branchRow(i),
        awaiting: 2,
        answered: 1,
      })),
      committee: {
        total: branchRow(0),
        branches: 300,
        worst: Array.from({ length: 5 }, (_, i) => branchRow(i)),
        lowRegistration: 150,
        noneActive: 75,
        projects: { total: 20, active: 12, requested: 2, done: 6, overdue: 3, noLead: 1 },
      },
    };
    const blocks = serviceBlocks(v, t);
    expect(blocks.length).toBeLessThanOrEqual(10);
    sectionsWithin(blocks);
    expect(validateView({ type: "home", blocks })).toBeUndefined();
  });

  it("the new project modal with 300 branches, and with 20", () => {
    for (const n of [20, 300]) {
      const view = buildNewProjectModal(
        {
          branches: Array.from({ length: n }, (_, i) => ({
            key: `b${i}`,
            name: `Branch ${i} ${LONG}`,
          })),
          year: 2026,
        },
        t,
      );
      expect(view.blocks.length).toBeLessThanOrEqual(100);
      expect(validateView(view)).toBeUndefined();
    }
  });

  it("the board of 20 projects and each project's message", () => {
    const projects = Array.from({ length: 20 }, (_, i) => ({ ...project(i + 1), outcome: LONG }));
    message(buildProjectBoard({ year: 2026, projects, beneficiariesDone: 12345 }, t));
    for (const p of projects) message(buildProjectMessage(p, t));
  });

  it("/pbb service and the branch reports with 50 reports a member", () => {
    const reports = Array.from({ length: 50 }, (_, i) => report(i));
    message(
      buildMyService(
        {
          member: true,
          community: LONG.slice(0, 100),
          quarter: "2026-Q4",
          quarterHours: 40,
          quarterReports: 16,
          yearHours: 125,
          recent: reports.slice(0, 10),
          seesBranches: true,
        },
        t,
      ),
    );
    message(
      buildBranchReports(
        {
          quarter: "2026-Q4",
          total: 50 * 300,
          reports: reports.slice(0, 20).map((r, i) => ({ ...r, queried: i % 2 === 0, replies: i })),
        },
        t,
      ),
    );
  });
});
