import { randomBytes } from "node:crypto";
import type { Clock } from "./types.ts";

/** response_url: up to 5 uses within 30 minutes (SLACK-PLATFORM.md §1.1). */
export const RESPONSE_URL_MAX_USES = 5;
export const RESPONSE_URL_TTL_MS = 30 * 60 * 1000;

export interface ResponseTarget {
  channel: string;
  user: string;
  /** The message the interaction came from (for replace_original / delete_original). */
  messageTs?: string;
  isEphemeral?: boolean;
  threadTs?: string;
}

interface Entry extends ResponseTarget {
  mintedAt: number;
  uses: number;
}

export class ResponseUrlStore {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly clock: Clock,
    private readonly baseUrl: () => string,
  ) {}

  mint(target: ResponseTarget): string {
    const id = randomBytes(12).toString("hex");
    this.entries.set(id, { ...target, mintedAt: this.clock.now(), uses: 0 });
    return `${this.baseUrl()}/response/${id}`;
  }

  /** Takes one use of a response_url; the error is Slack's text answer. */
  use(id: string): ResponseTarget | { error: "expired_url" | "used_url" | "invalid_url" } {
    const e = this.entries.get(id);
    if (!e) return { error: "invalid_url" };
    if (this.clock.now() - e.mintedAt > RESPONSE_URL_TTL_MS) return { error: "expired_url" };
    if (e.uses >= RESPONSE_URL_MAX_USES) return { error: "used_url" };
    e.uses += 1;
    return e;
  }
}
