import { randomBytes } from "node:crypto";
import { SlackApiError } from "./errors.ts";
import type { Clock } from "./types.ts";

/** A trigger_id is valid for 3 seconds and can be exchanged once (SLACK-PLATFORM.md §1.2). */
export const TRIGGER_TTL_MS = 3000;

interface Trigger {
  user: string;
  mintedAt: number;
  used: boolean;
}

export class TriggerStore {
  private readonly triggers = new Map<string, Trigger>();
  private seq = 0;

  constructor(private readonly clock: Clock) {}

  /** Mints a trigger_id in Slack's `132456.7890123.abcdef…` format for a user's interaction. */
  mint(user: string): string {
    this.seq += 1;
    const id = `${Math.floor(this.clock.now() / 1000)}.${this.seq}${String(this.seq).padStart(6, "0")}.${randomBytes(16).toString("hex")}`;
    this.triggers.set(id, { user, mintedAt: this.clock.now(), used: false });
    return id;
  }

  /** Exchanges a trigger for the user it was minted for; throws Slack's error codes. */
  exchange(id: string): string {
    if (!/^\d+\.\d+\.[0-9a-f]+$/.test(id)) throw new SlackApiError("invalid_trigger_id");
    const t = this.triggers.get(id);
    if (!t) throw new SlackApiError("invalid_trigger_id");
    if (t.used) throw new SlackApiError("exchanged_trigger_id");
    if (this.clock.now() - t.mintedAt > TRIGGER_TTL_MS) {
      throw new SlackApiError("expired_trigger_id");
    }
    t.used = true;
    return t.user;
  }
}
