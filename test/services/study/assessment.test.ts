import { afterAll, describe, expect, it } from "vitest";
import { createStudySession } from "../../../src/db/repositories/study.ts";
import { studyAttendanceSource } from "../../../src/services/study/assessment.ts";
import { orgText, type Store, storeWithOrg } from "../lecture/helpers.ts";

const BRANCH = `
  - key: resettle
    name: Resettlement
    channel: C0RESETTLE
    secretaries: [U0SEC]
    members: [U0M1, U0M2]`;

describe("the study-attendance assessment source", () => {
  let s: Store;
  afterAll(async () => {
    await s?.db.close();
  });

  it("counts a branch's places attended or made up at study held before the draft", async () => {
    s = await storeWithOrg("pglite", orgText({ branches: BRANCH }), "2026-12-01T00:00:00Z");
    const branch = await s.db.prisma.branch.findFirstOrThrow({ where: { key: "resettle" } });
    const id = await s.db.prisma.$transaction((tx) =>
      createStudySession(tx, {
        kind: "branch-study",
        branchId: branch.id,
        topic: "Rules",
        date: "2026-11-10",
        startsAt: new Date("2026-11-10T01:00:00Z"),
        minutes: 90,
        materials: [],
        chairUserId: "U0SEC",
        createdBy: "U0SEC",
        occurrence: null,
        channelId: "C0RESETTLE",
        expected: ["U0SEC", "U0M1", "U0M2"],
      }),
    );
    await s.db.prisma.studySession.update({
      where: { id },
      data: { attendanceAt: new Date("2026-11-10T03:00:00Z") },
    });
    const set = (userId: string, data: object) =>
      s.db.prisma.studyAttendee.updateMany({ where: { sessionId: id, userId }, data });
    await set("U0SEC", { attendance: "present" });
    await set("U0M1", { attendance: "absent", madeUpAt: new Date("2026-11-12T00:00:00Z") });
    await set("U0M2", { attendance: "absent" });
    const values = await studyAttendanceSource.compute(s.db, {
      year: 2026,
      asOf: new Date("2026-12-01T00:00:00Z"),
      timezone: "Asia/Shanghai",
      calendar: { holidays: [], workdays: [], useStatutoryHolidays: false } as never,
      settings: {},
      branches: [{ id: branch.id, key: "resettle", from: "2026-01", to: "2026-12" }],
    });
    expect(values.get("resettle")).toEqual({
      achieved: 2,
      expected: 3,
      evidence: [
        {
          when: "2026-11-10",
          key: "study.assessment.evidence",
          params: { topic: "Rules", done: 2, expected: 3 },
          ok: false,
        },
      ],
    });
  });
});
