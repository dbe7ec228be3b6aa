/**
 * Class representatives and a roster that follows the lecture channel: the same engine, other
 * series and rosters.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ensureSession } from "../../../src/services/lecture/assign.ts";
import { ensureLectureNotice } from "../../../src/services/lecture/notices.ts";
import { saveLectureRoster } from "../../../src/services/lecture/roster.ts";
import { lectureSpec, loadLectureEnv } from "../../../src/services/lecture/series.ts";
import { confirmTurn, dropTurn } from "../../../src/services/lecture/turn-actions.ts";
import { LECTURE_ACTION } from "../../../src/slack/ids/lecture.ts";
import { STORES } from "../../helpers/database.ts";
import {
  orgText,
  outbox,
  resetLecture,
  runJob,
  type Store,
  speakersBySession,
  storeWithOrg,
} from "./helpers.ts";

const BRANCHES = `
  - key: office
    name: Office Branch
    channel: C0OFFICE
    secretaries: [U0A]
    members: [U0B]
    classReps: { enabled: true, cadence: weekly, weekday: monday, time: "08:45", roster: [U0A, U0B] }
  - key: rights
    name: Rights Branch
    channel: C0RIGHTS
    secretaries: [U0C]
    members: [U0D]
    classReps: { enabled: true, cadence: monthly, time: "09:30" }
  - key: quiet
    name: Quiet Branch
    channel: C0QUIET
    secretaries: [U0E]
    classReps: { enabled: false }`;

describe.each(STORES)("class representatives on %s", (store) => {
  let st: Store;
  beforeAll(async () => {
    st = await storeWithOrg(store, orgText({ branches: BRANCHES }), "2026-12-07T01:00:00Z");
  });
  beforeEach(() => resetLecture(st.db));
  afterAll(() => st?.db.close());

  it("rotate weekly on the weekday and monthly on the first working day, DMing the representative", async () => {
    // Tuesday 2026-12-01 is the month's first working day; Monday 2026-12-07 the office's day.
    expect((await runJob(st.db, "classrep-turn", "2026-12-01T10:00")).status).toBe("ran");
    expect((await runJob(st.db, "classrep-turn", "2026-12-07T09:00")).status).toBe("ran");
    expect((await runJob(st.db, "classrep-turn", "2026-12-08T09:00")).status).toBe("ran");
    expect((await runJob(st.db, "classrep-turn", "2026-12-14T09:00")).status).toBe("ran");
    expect(await speakersBySession(st.db, "classrep:office")).toEqual([
      ["2026-12-07", ["U0A"]],
      ["2026-12-14", ["U0B"]],
    ]);
    expect(await speakersBySession(st.db, "classrep:rights")).toEqual([["2026-12-01", ["U0C"]]]);
    expect(await speakersBySession(st.db, "classrep:quiet")).toEqual([]);
    const dms = (await outbox(st.db)).filter((m) => m.method === "dm");
    expect(dms.map((m) => m.payload.user)).toEqual(["U0C", "U0A", "U0B"]);
    expect(dms[1]?.json).toContain("class representative of *Office Branch* for the week of");
    expect(dms[1]?.json).toContain(LECTURE_ACTION.classRepConfirm);
  });

  it("a representative who can't make it hands over to the next; confirming is theirs only", async () => {
    await runJob(st.db, "classrep-turn", "2026-12-07T09:00");
    const turn = await st.db.prisma.lectureTurn.findFirstOrThrow();
    st.clock.set("2026-12-07T02:00:00Z");
    const request = { turnId: turn.id, source: "t" };
    expect(await confirmTurn(st.deps, { ...request, userId: "U0B" })).toEqual({
      ok: false,
      error: "not-your-turn",
    });
    expect(await dropTurn(st.deps, { ...request, userId: "U0A" })).toEqual({
      ok: true,
      replacement: "U0B",
    });
    const handedOver = (await outbox(st.db)).filter((m) => m.method === "dm").at(-1);
    expect(handedOver?.payload.user).toBe("U0B");
    expect(handedOver?.json).toContain("Office Branch");
  });
});

describe.each(STORES)("a lecture roster that follows the channel on %s", (store) => {
  let st: Store;
  beforeAll(async () => {
    const text = orgText({ roster: [], syncWithChannel: true });
    st = await storeWithOrg(store, text, "2026-12-07T08:00:00Z");
  });
  afterAll(() => st?.db.close());

  it("speakers come from the members read from the channel, as they join and leave", async () => {
    await saveLectureRoster(st.db, ["U0Y", "U0X"], st.clock.now(), "test");
    await ensureLectureNotice(st.deps, "2026-12-09", st.clock.now(), "test");
    await saveLectureRoster(st.db, ["U0Y"], st.clock.now(), "member_left_channel");
    await ensureLectureNotice(st.deps, "2026-12-16", new Date("2026-12-14T08:00:00Z"), "test");
    await saveLectureRoster(st.db, ["U0Y", "U0Z"], st.clock.now(), "member_joined_channel");
    await ensureLectureNotice(st.deps, "2026-12-23", new Date("2026-12-21T08:00:00Z"), "test");
    expect(await speakersBySession(st.db)).toEqual([
      ["2026-12-09", ["U0X"]],
      ["2026-12-16", ["U0Y"]],
      ["2026-12-23", ["U0Z"]],
    ]);
    const syncs = await st.db.prisma.auditLog.count({ where: { action: "lecture.roster.sync" } });
    expect(syncs).toBe(3);
    expect(await saveLectureRoster(st.db, ["U0Z", "U0Y"], st.clock.now(), "again")).toBe(false);
  });

  it("two replicas ensuring the same session at once create it once and advance the rotation once", async () => {
    const env = await loadLectureEnv(st.db);
    if (!env?.lecture) throw new Error("no lecture hall");
    const spec = lectureSpec(env.lecture);
    const target = { date: "2026-12-30", startsAt: new Date("2026-12-30T08:00:00Z") };
    const at = new Date("2026-12-28T08:00:00Z");
    const results = await Promise.all(
      [1, 2, 3].map(() => ensureSession(st.db, spec, target, at, "race")),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const ids = new Set(results.map((r) => (r.ok ? r.session.id : 0)));
    expect(ids.size).toBe(1);
    const rotation = await st.db.prisma.rotationState.findUniqueOrThrow({
      where: { series: "lecture" },
    });
    const assigns = await st.db.prisma.auditLog.count({ where: { action: "lecture.assign" } });
    expect(assigns).toBe(4);
    expect((await speakersBySession(st.db)).at(-1)).toEqual(["2026-12-30", ["U0Y"]]);
    expect(rotation.version).toBeGreaterThan(1);
  });
});
