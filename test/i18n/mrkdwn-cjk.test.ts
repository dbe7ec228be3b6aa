/**
 * Slack honours *bold*, _italic_ and ~strike~ only at half-width boundaries: every catalog
 * message, rendered in both languages with Chinese names, must leave no marker raw under that
 * rule, and the local Slack's renderer must show raw what Slack shows raw.
 */
import { describe, expect, it } from "vitest";
import { unrenderedMarkers } from "../../src/localslack/mrkdwn.ts";
import { mrkdwnToHtml } from "../../src/sandbox/render/mrkdwn.ts";
import { renderAll } from "./samples.ts";

const names = { userName: () => undefined, channelName: () => undefined };

describe("Slack's mrkdwn rule on the catalog", () => {
  it.each(["zh-CN", "en"] as const)(
    "when every %s message is rendered with sample params, then no marker is left raw",
    (locale) => {
      const raw = renderAll(locale)
        .map(({ key, text }) => ({ key, left: unrenderedMarkers(text) }))
        .filter((r) => r.left.length > 0);
      expect(raw).toEqual([]);
    },
  );

  it("when markers are glued to Chinese text, then the rule reports them", () => {
    expect(unrenderedMarkers("退回*第一党支部*的清单")).toHaveLength(2);
    expect(unrenderedMarkers("*时间*：2026年12月9日")).toHaveLength(2);
    expect(unrenderedMarkers("意见：_请补充_。")).toHaveLength(2);
    expect(unrenderedMarkers("退回 *第一党支部* 的清单")).toEqual([]);
    expect(unrenderedMarkers("*时间：* 2026年12月9日")).toEqual([]);
    expect(unrenderedMarkers("update SLACK_BOT_TOKEN, use `a*b*`")).toEqual([]);
  });

  it("when the local Slack renders glued markers, then it shows them raw as Slack does", () => {
    expect(mrkdwnToHtml("退回*第一党支部*的清单", names)).toBe("退回*第一党支部*的清单");
    expect(mrkdwnToHtml("*时间*：下午", names)).toBe("*时间*：下午");
    expect(mrkdwnToHtml("退回 *第一党支部* 的清单", names)).toBe(
      "退回 <strong>第一党支部</strong> 的清单",
    );
    expect(mrkdwnToHtml("*时间：* 下午， _意见_ (~旧~)", names)).toBe(
      "<strong>时间：</strong> 下午， <em>意见</em> (<del>旧</del>)",
    );
  });
});
