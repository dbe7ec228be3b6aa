/**
 * With `syncWithChannel: true` the lecture roster is the lecture channel's members: read when
 * someone joins or leaves the channel, and before each notice when the bot itself runs the job
 * (a `pbb jobs run` in another process uses the members last read).
 */
import type { Database } from "../../db/client.ts";
import { rotationRow } from "../../db/repositories/lecture.ts";
import { audit, saveSyncedRoster } from "../../db/repositories/lecture-write.ts";
import { initialRotation } from "../../domain/rotation.ts";
import { inTx } from "../kit/tx.ts";
import { LECTURE_SERIES } from "./series.ts";

/** Reads a channel's human members (the bot excluded). */
export type ChannelMembers = (channel: string) => Promise<string[]>;

/** The reader of the bot running on a store: by store, so two bots in one process keep theirs. */
const channelMembers = new WeakMap<Database, ChannelMembers>();

/** Set by the running bot (it has the Slack client) for its store; jobs elsewhere go without. */
export function useChannelMembers(db: Database, reader: ChannelMembers): void {
  channelMembers.set(db, reader);
}

/** Stores the members read from the lecture channel as the roster in force (when it changed). */
export async function saveLectureRoster(
  db: Database,
  members: readonly string[],
  at: Date,
  source: string,
): Promise<boolean> {
  const roster = [...new Set(members)].sort();
  return inTx(db, async (tx) => {
    const row = await rotationRow(tx, LECTURE_SERIES);
    if (row?.roster && row.roster.join(",") === roster.join(",")) return false;
    await saveSyncedRoster(tx, LECTURE_SERIES, roster, initialRotation(roster));
    await audit(tx, {
      actor: "slack",
      action: "lecture.roster.sync",
      entity: "RotationState",
      entityId: LECTURE_SERIES,
      data: { roster },
      source,
      at,
    });
    return true;
  });
}

/** Reads the channel now when the bot can; false when it cannot (the stored roster stays). */
export async function syncLectureRoster(
  db: Database,
  channel: string,
  at: Date,
  source: string,
): Promise<boolean> {
  const read = channelMembers.get(db);
  if (!read) return false;
  await saveLectureRoster(db, await read(channel), at, source);
  return true;
}
