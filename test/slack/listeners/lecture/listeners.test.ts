/**
 * The lecture listeners the end-to-end story does not cover: the roster following the channel
 * on member_joined_channel / member_left_channel, modal input errors on the field at fault, the
 * away-dates modal, and ids forged in button values.
 */
import { describe, expect, it } from "vitest";
import { useTestBot } from "../../../helpers/bot.ts";
import { orgText, runJob, waitCall } from "../../../services/lecture/helpers.ts";

describe("lecture listeners (local Slack)", () => {
  const bot = useTestBot({
    orgText: orgText({ roster: [], syncWithChannel: true }),
    extraUsers: ["U0A", "U0B", "U0C"],
    now: "2026-12-07T08:00:00Z",
  });
  const dm = (user: string) => bot().emulator.workspace.dmWith(user).id;
  const joined = (user: string, type = "member_joined_channel") => {
    const channel = bot().emulator.workspace.channel("C0LECTURE");
    if (!channel) throw new Error("no lecture channel");
    if (type === "member_joined_channel") channel.members.add(user);
    else channel.members.delete(user);
    return bot().slack.sendEvent({
      type,
      user,
      channel: "C0LECTURE",
      channel_type: "C",
      team: "T0LOCAL",
      event_ts: bot().emulator.workspace.nextTs(),
    });
  };
  /** The stored roster once it equals `want` (Bolt acks an event before it runs the listener). */
  const rosterBecomes = async (want: string[]) => {
    let roster: unknown;
    for (let i = 0; i < 100; i++) {
      roster = (await bot().db.prisma.rotationState.findUnique({ where: { series: "lecture" } }))
        ?.roster;
      if (JSON.stringify(roster) === JSON.stringify(want)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    return roster;
  };

  it("follows the lecture channel's members as they join and leave (the bot left out)", async () => {
    const t = bot();
    for (const user of ["U0B", "U0A", "U0C"]) await joined(user);
    expect(await rosterBecomes(["U0A", "U0B", "U0C"])).toEqual(["U0A", "U0B", "U0C"]);
    await joined("U0C", "member_left_channel");
    expect(await rosterBecomes(["U0A", "U0B"])).toEqual(["U0A", "U0B"]);
    expect((await runJob(t.db, "lecture-speaker-reminder", "2026-12-02T16:00")).status).toBe("ran");
    const reminder = await waitCall(t, "chat.postMessage", dm("U0A"));
    expect(JSON.stringify(reminder.args)).toContain("You speak at the lecture hall in a week");
  });

  it("answers modal input errors on the field at fault and stores nothing", async () => {
    const t = bot();
    await t.slack.as("U0A").clickButton({ channel: dm("U0A"), label: "Submit topic" });
    await t.emulator.calls.waitFor("views.open");
    const blank = await t.slack
      .as("U0A")
      .submitModal({ "lecture_topic.lecture_topic_input": "   " });
    expect(blank.outcome).toBe("errors");
    expect(blank.errors?.lecture_topic).toBe("Please enter a topic.");
    const turn = await t.db.prisma.lectureTurn.findFirstOrThrow();
    expect(turn.topic).toBeNull();
    await t.slack.as("U0A").closeModal();
  });

  it("records away dates from the DM's modal, checking the range first", async () => {
    const t = bot();
    await t.slack.as("U0B").clickButton({ channel: dm("U0A"), label: "Set away dates" });
    await t.emulator.calls.waitFor("views.open", { count: 2 });
    const backwards = await t.slack.as("U0B").submitModal({
      "lecture_away_from.lecture_away_from": "2026-12-20",
      "lecture_away_to.lecture_away_to": "2026-12-14",
    });
    expect(backwards.outcome).toBe("errors");
    expect(backwards.errors?.lecture_away_to).toBe("The last day can't be before the first.");
    const saved = await t.slack.as("U0B").submitModal({
      "lecture_away_from.lecture_away_from": "2026-12-14",
      "lecture_away_to.lecture_away_to": "2026-12-20",
    });
    expect(saved.outcome).toBe("closed");
    const absences = await t.db.prisma.absence.findMany();
    expect(absences.map((a) => [a.userId, a.fromDate, a.toDate])).toEqual([
      ["U0B", "2026-12-14", "2026-12-20"],
    ]);
    const audit = await t.db.prisma.auditLog.findMany({ where: { action: "lecture.away" } });
    expect(audit.map((a) => a.actor)).toEqual(["U0B"]);
  });

  it("refuses a button whose value names no turn of theirs, and changes nothing", async () => {
    const t = bot();
    const before = await t.db.prisma.lectureTurn.findMany();
    const dmMessage = t.emulator.workspace.history(dm("U0A")).at(0);
    const forged = JSON.parse(
      JSON.stringify(dmMessage?.blocks ?? []).replace(/"value":"\d+"/g, '"value":"999999"'),
    );
    if (dmMessage) dmMessage.blocks = forged;
    await t.slack.as("U0A").clickButton({ channel: dm("U0A"), label: "Confirm" });
    const refusal = await t.emulator.calls.waitFor("response_url", {
      timeoutMs: 20_000,
      where: (c) => String(c.args.text).includes("no longer exists"),
    });
    expect(refusal.args.response_type).toBe("ephemeral");
    expect(await t.db.prisma.lectureTurn.findMany()).toEqual(before);
  });
});
