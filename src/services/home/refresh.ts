/**
 * Re-publishing the Homes a change concerns, after its transaction committed. The use cases
 * call a hook (`afterListChange`, `afterLectureChange`) on their result with the bot's `homes`;
 * the Home feature tells it, at start, how to publish one person's Home. Requests arriving together are
 * merged, and one pass runs at a time per process, so the last Home published for a person is
 * rendered after the last change (views.publish replaces the whole view: latest wins). Passes
 * are at least a second apart: under a stream of clicks every Home concerned is re-rendered
 * once a second, not once per click (each render is several queries and a views.publish,
 * which Slack rate-limits too).
 * Without a publisher (e.g. `pbb jobs run` in its own process) nothing happens: the Home is
 * rendered afresh when its person opens it.
 */
import type { Database } from "../../db/client.ts";
import { type AudienceScope, homeAudience } from "../../db/repositories/home.ts";

export type PublishOne = (userId: string) => Promise<void>;
export type OnRefreshError = (err: unknown, userId: string | null) => void;

/**
 * One bot's Home refresher (AppContext.homes). It publishes nothing until the Home feature says
 * how (`publishWith`), so a process without the Home (a `pbb jobs run` of its own) changes none.
 */
export class Homes {
  private listIds = new Set<number>();
  private users = new Set<string>();
  private running: Promise<void> | null = null;
  private publish: PublishOne | null = null;
  private onError: OnRefreshError = () => {};
  private readonly minGapMs: number;

  constructor(
    private readonly db: Database,
    options: { minGapMs?: number } = {},
  ) {
    this.minGapMs = options.minGapMs ?? 1_000;
  }

  /** How to publish one person's Home (the Home feature, at start). */
  publishWith(publish: PublishOne, onError: OnRefreshError): void {
    this.publish = publish;
    this.onError = onError;
  }

  /** Re-publish, soon, the Homes of the committee, the lists' branches and the people named. */
  changed(scope: Partial<AudienceScope>): void {
    if (!this.publish) return;
    for (const id of scope.listIds ?? []) this.listIds.add(id);
    for (const u of scope.users ?? []) this.users.add(u);
    this.running ??= this.drain().finally(() => {
      this.running = null;
    });
  }

  /** Resolves once no refresh is pending (tests; shutdown). */
  idle(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  private async drain(): Promise<void> {
    // Let the rest of a burst (e.g. the listener's own follow-up) join this pass.
    await new Promise((resolve) => setImmediate(resolve));
    for (let pass = 0; this.listIds.size > 0 || this.users.size > 0; pass += 1) {
      if (pass > 0) await new Promise((resolve) => setTimeout(resolve, this.minGapMs));
      const scope = { listIds: [...this.listIds], users: [...this.users] };
      this.listIds.clear();
      this.users.clear();
      let audience: string[] = [];
      try {
        audience = await homeAudience(this.db.prisma, scope);
      } catch (err) {
        this.onError(err, null);
      }
      for (const userId of audience) {
        const publish = this.publish;
        if (!publish) break;
        await publish(userId).catch((err: unknown) => this.onError(err, userId));
      }
    }
  }
}

/** A use case's result; `changed: false` (a repeated click) leaves every Home as it was. */
type Outcome = { ok: boolean; changed?: boolean };

/** For a list use case: `inTx(…).then(afterListChange(deps.homes, listId))`. */
export const afterListChange =
  (homes: Homes | undefined, listId: number) =>
  <R extends Outcome>(result: R): R => {
    if (result.ok && result.changed !== false) homes?.changed({ listIds: [listId] });
    return result;
  };

/** For a lecture use case; a replacement speaker in the result is concerned too. */
export const afterLectureChange =
  (homes: Homes | undefined, users: readonly string[]) =>
  <R extends Outcome>(result: R): R => {
    if (!result.ok) return result;
    const replacement =
      "replacement" in result && typeof result.replacement === "string" ? [result.replacement] : [];
    homes?.changed({ users: [...users, ...replacement] });
    return result;
  };
