/**
 * A person's service reports are visible to them, to their branch's secretaries and to the
 * committee, not to other members nor to another branch's secretary: the branch reports list,
 * the query, `/pbb service` and the Home (on both stores).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../src/db/client.ts";
import { applyOrgText } from "../../../src/services/org/apply-org.ts";
import { offlineResolver } from "../../../src/services/org/resolver.ts";
import { openQuery, reportsForSecretary } from "../../../src/services/service-list/query.ts";
import { myService } from "../../../src/services/service-list/summary.ts";
import { renderHome } from "../../../src/slack/publish-home.ts";
import { allText } from "../../e2e/round-trip-helpers.ts";
import { createTestDatabase, STORES } from "../../helpers/database.ts";
import { SERVICE_ORG } from "../../helpers/service-org.ts";

const NOW = new Date("2026-11-20T02:00:00Z");

describe.each(STORES)("who sees a member's service reports (%s)", (store) => {
  let db: Database;
  let aReport = 0;
  const deps = () => ({ db, now: () => NOW });

  beforeAll(async () => {
    db = await createTestDatabase(store);
    const applied = await applyOrgText(db, offlineResolver, SERVICE_ORG, "org.yml", {
      actor: "test",
      source: "test",
    });
    if (applied.status === "invalid") throw new Error(applied.lines.join("\n"));
    const base = { quarter: "2026-Q4", community: "Elm Court", category: "other", centiHours: 100 };
    const a = await db.prisma.serviceReport.create({
      data: {
        ...base,
        userId: "U0A",
        branchKey: "vets",
        date: "2026-11-02",
        what: "A's private visit",
      },
    });
    aReport = a.id;
    await db.prisma.serviceReport.create({
      data: {
        ...base,
        userId: "U0C",
        branchKey: "office",
        date: "2026-11-03",
        what: "C's school talk",
      },
    });
  });
  afterAll(async () => {
    await db?.close();
  });

  const seen = async (userId: string) => {
    const shown = await reportsForSecretary(deps(), userId);
    return shown.ok ? shown.view.reports.map((r) => r.what).sort() : shown.error;
  };

  it("the branch reports: own branch's secretary and the committee, no one else", async () => {
    expect(await seen("U0SEC1")).toEqual(["A's private visit"]);
    expect(await seen("U0SEC2")).toEqual(["C's school talk"]);
    expect(await seen("U0CHAIR")).toEqual(["A's private visit", "C's school talk"]);
    expect(await seen("U0B")).toBe("not-secretary");
    expect(await seen("U0A")).toBe("not-secretary");
  });

  it("a query: only the branch's secretary or the committee, never the member or another branch", async () => {
    expect((await openQuery(deps(), "U0SEC1", aReport)).ok).toBe(true);
    expect((await openQuery(deps(), "U0DEPUTY", aReport)).ok).toBe(true);
    for (const who of ["U0SEC2", "U0B", "U0A"]) {
      expect(await openQuery(deps(), who, aReport)).toMatchObject({
        ok: false,
        error: "not-secretary",
      });
    }
  });

  it("/pbb service and the Home show a member their own reports only", async () => {
    const a = await myService(deps(), "U0A");
    const b = await myService(deps(), "U0B");
    expect(a.ok && a.view.recent.map((r) => r.what)).toEqual(["A's private visit"]);
    expect(b.ok && b.view.recent).toEqual([]);
    const home = (userId: string) => renderHome({ db, now: () => NOW }, { userId });
    expect(allText((await home("U0A")).blocks)).toContain("A's private visit");
    const other = allText((await home("U0B")).blocks);
    expect(other).toContain("Community service, 2026-Q4");
    expect(other).not.toContain("A's private visit");
  });
});
