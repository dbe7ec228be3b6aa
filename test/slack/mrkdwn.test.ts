import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { escapeMrkdwn } from "../../src/slack/mrkdwn.ts";

describe("escapeMrkdwn", () => {
  it("turns Slack's three control characters into entities, & first", () => {
    expect(escapeMrkdwn("a <@U1> & <!here> > b &amp;")).toBe(
      "a &lt;@U1&gt; &amp; &lt;!here&gt; &gt; b &amp;amp;",
    );
  });

  it("leaves other text as typed, mrkdwn emphasis and CJK included", () => {
    expect(escapeMrkdwn("*粗体* _斜体_ `code` 100%")).toBe("*粗体* _斜体_ `code` 100%");
  });
});

describe("the escaping kit is the only escaper for Slack", () => {
  it("no other file in src/ (but the sandbox's HTML) writes its own &amp; replacement", () => {
    const src = path.resolve(import.meta.dirname, "../../src");
    const own = (readdirSync(src, { recursive: true }) as string[])
      .filter((f) => f.endsWith(".ts") && !/^(generated|sandbox|localslack)\//.test(f))
      .filter((f) => f !== path.join("slack", "mrkdwn.ts"))
      .filter((f) => readFileSync(path.join(src, f), "utf8").includes('"&amp;")'));
    expect(own).toEqual([]);
  });
});
