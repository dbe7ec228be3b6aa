/**
 * The lecture hall's use cases against a real store: sessions materialised in order, drops,
 * absences, swaps declined, expired and accepted, and the messages each one queues.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { saveAway } from "../../../src/services/lecture/away.ts";
import {
  ensureLectureNotice,
  ensureSpeakerReminders,
} from "../../../src/services/lecture/notices.ts";
import { answerSwap } from "../../../src/services/lecture/swap-answer.ts";
import { openSwap, requestSwap } from "../../../src/services/lecture/swap-request.ts";
import { dropTurn } from "../../../src/services/lecture/turn-actions.ts";
import { STORES } from "../../helpers/database.ts";
import {
  mentionedUsers,
  orgText,
  outbox,
  resetLecture,
  runJob,
  type Store,
  speakersBySession,
  storeWithOrg,
} from "./helpers.ts";

/** Notice times of the Wednesday sessions (16:00 Asia/Shanghai = 08:00 UTC). */
const NOTICE = {
  "2026-12-09": "2026-12-07T08:00:00Z",
  "2026-12-16": "2026-12-14T08:00:00Z",
  "2026-12-23": "2026-12-21T08:00:00Z",
  "2026-12-30": "2026-12-28T08:00:00Z",
} as const;
type Day = keyof typeof NOTICE;

describe.each(STORES)("lecture rotation use cases on %s", (store) => {
  let shared: Store;
  beforeAll(async () => {
    shared = await storeWithOrg(store, orgText(), NOTICE["2026-12-09"]);
  });
  beforeEach(async () => {
    await resetLecture(shared.db);
    shared.clock.set(NOTICE["2026-12-09"]);
  });
  afterAll(async () => {
    await shared?.db.close();
  });

  const start = async (): Promise<Store> => shared;
  async function notice(st: Store, day: Day) {
    st.clock.set(NOTICE[day]);
    return ensureLectureNotice(st.deps, day, st.clock.now(), "test");
  }
  async function turnOf(st: Store, day: string, userId: string) {
    const turn = await st.db.prisma.lectureTurn.findFirst({
      where: { userId, session: { date: day }, state: { in: ["ASSIGNED", "CONFIRMED"] } },
    });
    if (!turn) throw new Error(`${userId} has no turn on ${day}`);
    return turn.id;
  }

  it("Can't make it: the next person takes the slot and the one who dropped goes first next time", async () => {
    const st = await start();
    await notice(st, "2026-12-09");
    const turnId = await turnOf(st, "2026-12-09", "U0A");
    const source = "test";
    const refused = await dropTurn(st.deps, { turnId, userId: "U0B", source });
    expect(refused).toEqual({ ok: false, error: "not-your-turn" });
    expect(await dropTurn(st.deps, { turnId, userId: "U0A", source })).toEqual({
      ok: true,
      replacement: "U0B",
    });
    expect(await speakersBySession(st.db)).toEqual([["2026-12-09", ["U0B"]]]);
    const sent = await outbox(st.db);
    const assigned = sent.find((m) => m.method === "dm" && m.payload.user === "U0B");
    expect(assigned?.json).toContain("You are the speaker at the lecture hall on");
    const update = sent.find(
      (m) => m.method === "chat.update" && m.after?.startsWith("lecture:notice:"),
    );
    expect(mentionedUsers(update?.payload)).toEqual(["U0B"]);
    for (const day of ["2026-12-16", "2026-12-23", "2026-12-30"] as const) await notice(st, day);
    expect(await speakersBySession(st.db)).toEqual([
      ["2026-12-09", ["U0B"]],
      ["2026-12-16", ["U0A"]],
      ["2026-12-23", ["U0C"]],
      ["2026-12-30", ["U0B"]],
    ]);
  });

  it("away dates: skipped while away, first when back, nobody loses a turn", async () => {
    const st = await start();
    const away = { userId: "U0B", from: "2026-12-14", to: "2026-12-20", source: "test" };
    expect((await saveAway(st.deps, away)).ok).toBe(true);
    for (const day of Object.keys(NOTICE) as Day[]) await notice(st, day);
    expect(await speakersBySession(st.db)).toEqual([
      ["2026-12-09", ["U0A"]],
      ["2026-12-16", ["U0C"]],
      ["2026-12-23", ["U0B"]],
      ["2026-12-30", ["U0A"]],
    ]);
  });

  it("assigns an earlier session still to come first; a past one never assigned stays so", async () => {
    const st = await start();
    await notice(st, "2026-12-09");
    st.clock.set("2026-12-10T02:00:00Z");
    const summary = await ensureSpeakerReminders(
      st.deps,
      "2026-12-23",
      "week-ahead",
      st.clock.now(),
      "t",
    );
    expect(summary).toMatchObject({ date: "2026-12-23", seq: 3, speakers: ["U0C"] });
    expect(await speakersBySession(st.db)).toEqual([
      ["2026-12-09", ["U0A"]],
      ["2026-12-16", ["U0B"]],
      ["2026-12-23", ["U0C"]],
    ]);
    const dms = (await outbox(st.db)).filter((m) => m.method === "dm");
    expect(dms.map((m) => [m.payload.user, m.key.split(":").at(-1)])).toEqual([
      ["U0B", "assigned"],
      ["U0C", "week-ahead"],
    ]);
    // Four weeks later, nothing ran in between: the past weeks are not assigned after the fact.
    await notice(st, "2026-12-30");
    const dates = (await speakersBySession(st.db)).map(([d]) => d);
    expect(dates).toEqual(["2026-12-09", "2026-12-16", "2026-12-23", "2026-12-30"]);
  });

  it("a declined swap tells the speaker; only the colleague asked may answer", async () => {
    const st = await start();
    await notice(st, "2026-12-09");
    const turnId = await turnOf(st, "2026-12-09", "U0A");
    const opened = await openSwap(st.deps, { turnId, userId: "U0A" });
    expect(opened.ok && opened.view.candidates.map((c) => [c.userId, c.turnDate])).toEqual([
      ["U0B", null],
      ["U0C", null],
    ]);
    const asked = await requestSwap(st.deps, {
      turnId,
      userId: "U0A",
      colleague: "U0B",
      source: "t",
    });
    expect(asked).toEqual({ ok: true });
    const swap = await st.db.prisma.swapRequest.findFirstOrThrow();
    const answer = { swapId: swap.id, source: "t" } as const;
    expect(await answerSwap(st.deps, { ...answer, userId: "U0C", answer: "accept" })).toEqual({
      ok: false,
      error: "not-the-colleague",
    });
    expect(await answerSwap(st.deps, { ...answer, userId: "U0B", answer: "decline" })).toEqual({
      ok: true,
    });
    expect((await st.db.prisma.swapRequest.findFirstOrThrow()).state).toBe("DECLINED");
    const told = (await outbox(st.db)).find((m) => m.key === `lecture:swap:${swap.id}:outcome`);
    expect(told?.payload.user).toBe("U0A");
    expect(told?.json).toContain("declined the swap");
    expect(await speakersBySession(st.db)).toEqual([["2026-12-09", ["U0A"]]]);
  });

  it("an unanswered swap expires at the hourly check and the speaker is told", async () => {
    const st = await start();
    await notice(st, "2026-12-09");
    const turnId = await turnOf(st, "2026-12-09", "U0A");
    await requestSwap(st.deps, { turnId, userId: "U0A", colleague: "U0C", source: "t" });
    const swap = await st.db.prisma.swapRequest.findFirstOrThrow();
    expect(swap.expiresAt.toISOString()).toBe("2026-12-08T08:00:00.000Z");
    expect((await runJob(st.db, "lecture-swap-expiry", "2026-12-08T15:30")).status).toBe("ran");
    expect((await st.db.prisma.swapRequest.findFirstOrThrow()).state).toBe("PENDING");
    expect((await runJob(st.db, "lecture-swap-expiry", "2026-12-08T16:00")).status).toBe("ran");
    expect((await st.db.prisma.swapRequest.findFirstOrThrow()).state).toBe("EXPIRED");
    const told = (await outbox(st.db)).find((m) => m.key === `lecture:swap:${swap.id}:outcome`);
    expect(told?.json).toContain("did not answer in time");
    st.clock.set("2026-12-08T09:00:00Z");
    const late = await answerSwap(st.deps, {
      swapId: swap.id,
      userId: "U0C",
      answer: "accept",
      source: "t",
    });
    expect(late).toEqual({ ok: false, error: "swap-closed" });
  });

  it("a swap between two assigned turns moves both, and the rotation goes on unchanged", async () => {
    const st = await start();
    await notice(st, "2026-12-09");
    await ensureSpeakerReminders(st.deps, "2026-12-16", "week-ahead", st.clock.now(), "t");
    const turnId = await turnOf(st, "2026-12-09", "U0A");
    const opened = await openSwap(st.deps, { turnId, userId: "U0A" });
    expect(opened.ok && opened.view.candidates.map((c) => [c.userId, c.turnDate])).toEqual([
      ["U0C", null],
      ["U0B", "2026-12-16"],
    ]);
    await requestSwap(st.deps, { turnId, userId: "U0A", colleague: "U0B", source: "t" });
    const swap = await st.db.prisma.swapRequest.findFirstOrThrow();
    expect(swap.toTurnId).toBe(await turnOf(st, "2026-12-16", "U0B"));
    expect(
      await answerSwap(st.deps, { swapId: swap.id, userId: "U0B", answer: "accept", source: "t" }),
    ).toEqual({ ok: true });
    await notice(st, "2026-12-16");
    await notice(st, "2026-12-23");
    expect(await speakersBySession(st.db)).toEqual([
      ["2026-12-09", ["U0B"]],
      ["2026-12-16", ["U0A"]],
      ["2026-12-23", ["U0C"]],
    ]);
    const told = (await outbox(st.db)).find((m) => m.key === `lecture:swap:${swap.id}:outcome`);
    expect(told?.json).toContain("Your turn is now on Wednesday 16 December 2026");
  });
});
