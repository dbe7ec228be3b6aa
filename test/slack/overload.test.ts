import { afterEach, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import type { Logger } from "../../src/observability/logger.ts";
import { createMetrics } from "../../src/observability/metrics.ts";
import { overloadAnswer } from "../../src/slack/overload.ts";
import { createTestDatabase } from "../helpers/database.ts";

describe("the answer to a request the bot has no room for", () => {
  let db: Database | undefined;
  afterEach(async () => {
    await db?.close();
  });

  async function setUp(locale: string) {
    db = await createTestDatabase("pglite");
    await db.prisma.organization.create({
      data: {
        name: "Dept",
        timezone: "Asia/Shanghai",
        locale,
        settings: {},
        committeeChannel: "C1",
      },
    });
    const warnings: unknown[] = [];
    const logger = { warn: (fields: unknown) => warnings.push(fields) } as unknown as Logger;
    const metrics = createMetrics();
    let now = 0;
    const answer = overloadAnswer({ db, metrics, logger }, () => now);
    return { answer, metrics, warnings, advance: (ms: number) => (now += ms) };
  }

  it("says it in the org's language, looked up once a minute", async () => {
    const { answer, advance } = await setUp("en");
    expect(await answer.text()).toMatch(/too busy.*Nothing was changed/);
    await db?.prisma.organization.update({ where: { id: 1 }, data: { locale: "zh-CN" } });
    advance(59_000);
    expect(await answer.text()).toMatch(/too busy/);
    advance(1_000);
    expect(await answer.text()).toMatch(/机器人当前过于繁忙/);
  });

  it("tells each person once a minute, however often they click", async () => {
    const { answer, advance } = await setUp("zh-CN");
    expect(answer.shouldTell("U1")).toBe(true);
    expect(answer.shouldTell("U1")).toBe(false);
    expect(answer.shouldTell("U2")).toBe(true);
    advance(59_999);
    expect(answer.shouldTell("U1")).toBe(false);
    advance(1);
    expect(answer.shouldTell("U1")).toBe(true);
  });

  it("counts every refusal and logs them at most once every 10 s", async () => {
    const { answer, metrics, warnings, advance } = await setUp("zh-CN");
    for (let i = 0; i < 5; i++) answer.refused("block_actions");
    answer.refused("view_submission");
    advance(10_000);
    answer.refused("block_actions");
    const counted = await metrics.workRefused.get();
    expect(counted.values.map((v) => [v.labels.kind, v.value])).toEqual([
      ["block_actions", 6],
      ["view_submission", 1],
    ]);
    expect(warnings).toEqual([
      { refused: 1, kind: "block_actions" },
      { refused: 6, kind: "block_actions" },
    ]);
  });
});
