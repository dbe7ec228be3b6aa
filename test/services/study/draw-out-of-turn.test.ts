/**
 * The draw with nobody due (docs/decisions/study-draw-out-of-turn.md), on both stores: everyone
 * present has spoken more often this year than someone absent, so the plain draw is refused and
 * names who is owed a turn; only the chair may then draw out of turn; the draw is stored and
 * shown as out of turn; the one owed a turn is drawn first at the next session they attend.
 */
import { afterAll, describe, expect, it } from "vitest";
import { createStudySession } from "../../../src/db/repositories/study.ts";
import { drawNextSpeaker } from "../../../src/services/study/draw.ts";
import { studyPresenter } from "../../../src/slack/views/study/index.ts";
import { STORES } from "../../helpers/database.ts";
import { orgText, type Store, storeWithOrg } from "../lecture/helpers.ts";

const GROUP = ["U0A", "U0B", "U0C"];

async function session(s: Store, date: string, present: string[], spoke?: string[]) {
  const id = await s.db.prisma.$transaction((tx) =>
    createStudySession(tx, {
      kind: "centre-group",
      branchId: null,
      topic: `Study ${date}`,
      date,
      startsAt: new Date(`${date}T01:00:00Z`),
      minutes: 90,
      materials: [],
      chairUserId: "U0CHAIR",
      createdBy: "U0CHAIR",
      occurrence: null,
      channelId: "C0COMMITTEE",
      expected: ["U0CHAIR", ...GROUP],
    }),
  );
  await s.db.prisma.studyAttendee.updateMany({
    where: { sessionId: id, userId: { in: present } },
    data: { response: "confirmed" },
  });
  if (spoke) {
    // held: attendance recorded
    await s.db.prisma.studySession.update({ where: { id }, data: { attendanceAt: new Date() } });
    await s.db.prisma.studyAttendee.updateMany({
      where: { sessionId: id, userId: { in: present } },
      data: { attendance: "present" },
    });
  }
  for (const [i, userId] of (spoke ?? []).entries()) {
    await s.db.prisma.studyDraw.create({
      data: { sessionId: id, seq: i + 1, userId, outcome: "spoke" },
    });
  }
  return id;
}

describe.each(STORES)("a draw with nobody due (%s)", (store) => {
  let s: Store;
  afterAll(async () => {
    await s?.db.close();
  });

  it("is refused naming who is owed a turn; the chair draws out of turn; the owed one comes first next", async () => {
    s = await storeWithOrg(store, orgText(), "2026-12-10T01:00:00Z");
    // November: all three there, A and B spoke; C did not get a turn
    await session(s, "2026-11-10", GROUP, ["U0A", "U0B"]);
    const dec = await session(s, "2026-12-10", ["U0A", "U0B"]);
    const draw = (userId: string, outOfTurn?: boolean) =>
      drawNextSpeaker(
        s.deps,
        studyPresenter,
        { sessionId: dec, userId, source: "test", ...(outOfTurn ? { outOfTurn } : {}) },
        () => 0,
      );

    expect(await draw("U0CHAIR")).toEqual({
      ok: false,
      error: "nobody-due",
      owed: ["U0C"],
      sessionId: dec,
    });
    expect(await s.db.prisma.studyDraw.count({ where: { sessionId: dec } })).toBe(0);
    expect(await draw("U0A", true)).toEqual({ ok: false, error: "not-chair" });

    expect(await draw("U0CHAIR", true)).toMatchObject({
      ok: true,
      drawn: "U0A",
      seq: 1,
      outOfTurn: true,
    });
    const stored = await s.db.prisma.studyDraw.findMany({ where: { sessionId: dec } });
    expect(stored.map((d) => [d.userId, d.outcome, d.outOfTurn])).toEqual([
      ["U0A", "pending", true],
    ]);
    const posted = await s.db.prisma.delivery.findMany({
      where: { dedupeKey: { startsWith: `study:${dec}:draw:` } },
    });
    expect(JSON.stringify(posted.map((d) => d.payload))).toContain("out of turn");
    await s.db.prisma.studyDraw.updateMany({
      where: { sessionId: dec },
      data: { outcome: "spoke" },
    });

    // January: everyone is back; C is owed a turn and is drawn first whatever the random says
    s.clock.set("2027-01-10T01:00:00Z");
    const jan = await session(s, "2027-01-10", GROUP);
    const next = await drawNextSpeaker(
      s.deps,
      studyPresenter,
      { sessionId: jan, userId: "U0CHAIR", source: "test", outOfTurn: true },
      (n) => n - 1,
    );
    // a new year: everyone starts at zero again, so all three are due and none is out of turn
    expect(next).toMatchObject({ ok: true, outOfTurn: false });
  }, 180_000);

  it("within the year, the one owed a turn is drawn first at the next session they attend", async () => {
    s.clock.set("2026-12-20T01:00:00Z");
    const later = await session(s, "2026-12-20", GROUP);
    const next = await drawNextSpeaker(
      s.deps,
      studyPresenter,
      { sessionId: later, userId: "U0CHAIR", source: "test" },
      (n) => n - 1,
    );
    expect(next).toMatchObject({ ok: true, drawn: "U0C", outOfTurn: false });
  });
});
