/**
 * The emulated workspace survives restarts of the sandbox: people, channels, messages (the
 * database remembers the ts of what the bot posted) and Home tabs are saved to a JSON file in
 * the data directory, with the business clock's offset. Open modals and ephemeral messages are
 * not kept, as in Slack after a reload.
 */
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import type {
  ChannelRecord,
  MessageRecord,
  UserRecord,
  ViewRecord,
  Workspace,
} from "../localslack/index.ts";

type SavedChannel = Omit<ChannelRecord, "members"> & { members: string[] };

export interface WorkspaceSnapshot {
  version: 1;
  clockOffsetMs: number;
  users: UserRecord[];
  channels: SavedChannel[];
  messages: MessageRecord[];
  homeViews: ViewRecord[];
}

const records = z.array(z.record(z.string(), z.unknown()));
const snapshotShape = z.object({
  version: z.literal(1),
  clockOffsetMs: z.number(),
  users: records,
  channels: records,
  messages: records,
  homeViews: records,
});

export function snapshotOf(ws: Workspace, clockOffsetMs: number): WorkspaceSnapshot {
  return {
    version: 1,
    clockOffsetMs,
    users: [...ws.users.values()].filter((u) => !u.is_bot),
    channels: [...ws.channels.values()].map((c) => ({ ...c, members: [...c.members] })),
    messages: [...ws.messages.values()].flat().filter((m) => !m.deleted),
    homeViews: [...ws.homeViews.values()],
  };
}

/** Ids the workspace minted itself ("D0000000A1"): their sequence numbers. */
function mintedSeq(id: string): number | undefined {
  const m = /^[A-Z]0([0-9A-Z]{8})$/.exec(id);
  if (!m?.[1]) return undefined;
  const n = Number.parseInt(m[1], 36);
  return n < 10_000_000 ? n : undefined;
}

/** Loads a snapshot into a fresh workspace (made with no users or channels). */
export function restoreInto(ws: Workspace, snap: WorkspaceSnapshot): void {
  for (const u of snap.users) ws.users.set(u.id, u);
  for (const c of snap.channels) {
    ws.channels.set(c.id, { ...c, members: new Set(c.members) });
    ws.messages.set(c.id, []);
  }
  for (const m of snap.messages) ws.messages.get(m.channel)?.push(m);
  for (const list of ws.messages.values()) list.sort((a, b) => Number(a.ts) - Number(b.ts));
  for (const v of snap.homeViews) ws.homeViews.set(v.user, v);
  // New ids must not collide with restored ones: move the workspace's counter past them.
  const ids = [...snap.channels.map((c) => c.id), ...snap.homeViews.map((v) => v.id)];
  const highest = Math.max(0, ...ids.map((id) => mintedSeq(id) ?? 0));
  let seq = 0;
  while (seq < highest) seq = mintedSeq(ws.newId("X")) ?? highest;
}

/** The latest message time of the snapshot (ms), so the clock never runs behind it. */
export function latestMessageMs(snap: WorkspaceSnapshot): number {
  return Math.max(0, ...snap.messages.map((m) => Number(m.ts) * 1000));
}

export type LoadResult =
  | { status: "missing" }
  | { status: "loaded"; snapshot: WorkspaceSnapshot }
  | { status: "unreadable"; problem: string; movedTo: string };

export async function loadSnapshot(file: string): Promise<LoadResult> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { status: "missing" };
    throw error;
  }
  let problem: string;
  try {
    const parsed = snapshotShape.safeParse(JSON.parse(text));
    if (parsed.success)
      return { status: "loaded", snapshot: parsed.data as unknown as WorkspaceSnapshot };
    problem = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
  } catch (error) {
    problem = (error as Error).message;
  }
  const movedTo = `${file}.unreadable-${Date.now()}`;
  await rename(file, movedTo);
  return { status: "unreadable", problem, movedTo };
}

export interface Autosave {
  /** Writes now if anything changed since the last write. */
  flush(): Promise<void>;
  stop(): Promise<void>;
}

/** Saves the snapshot whenever it changed, checked every `intervalMs`; written atomically. */
export function startAutosave(
  file: string,
  snapshot: () => WorkspaceSnapshot,
  intervalMs = 1000,
  onError: (error: Error) => void = () => {},
): Autosave {
  let last = "";
  let writing: Promise<void> = Promise.resolve();
  const flush = () => {
    writing = writing
      .then(async () => {
        const text = JSON.stringify(snapshot());
        if (text === last) return;
        await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
        const tmp = `${file}.tmp`;
        await writeFile(tmp, text);
        await rename(tmp, file);
        last = text;
      })
      .catch((error: unknown) => onError(error as Error));
    return writing;
  };
  const timer = setInterval(() => void flush(), intervalMs);
  timer.unref();
  return {
    flush,
    async stop() {
      clearInterval(timer);
      await flush();
    },
  };
}
