import { describe, expect, it } from "vitest";
import { translator } from "../../src/i18n/index.ts";
import { createSlackEmulator } from "../../src/localslack/index.ts";
import { renderBlocks } from "../../src/sandbox/render/blocks.ts";
import type { RenderContext } from "../../src/sandbox/render/context.ts";
import { emojiFile, emojiImages } from "../../src/sandbox/render/emoji.ts";
import { html, raw } from "../../src/sandbox/render/html.ts";
import { currentValue } from "../../src/sandbox/render/inputs.ts";
import { fileLinkIn } from "../../src/sandbox/render/messages.ts";
import { mrkdwnToHtml } from "../../src/sandbox/render/mrkdwn.ts";
import { HOME, renderScreen } from "../../src/sandbox/render/screen.ts";

const names = {
  userName: (id: string) => ({ U0SEC1: "王志强" })[id],
  channelName: (id: string) => ({ C0RESETTLE: "branch-resettlement" })[id],
};
const ctx: RenderContext = {
  ...names,
  people: () => [],
  channels: () => [],
  timezone: "Asia/Shanghai",
};
const md = (text: string) => mrkdwnToHtml(text, names);

describe("mrkdwn", () => {
  it("renders bold, italic, strike and code, leaving snake_case and arithmetic alone", () => {
    expect(md("*粗体* _斜体_ ~删除~ `a*b*c`")).toBe(
      "<strong>粗体</strong> <em>斜体</em> <del>删除</del> <code>a*b*c</code>",
    );
    expect(md("snake_case_name and 2*3*4")).toBe("snake_case_name and 2*3*4");
    expect(md("请于 *2026-12-07 18:00* 前报送")).toBe(
      "请于 <strong>2026-12-07 18:00</strong> 前报送",
    );
  });

  it("renders mentions by name, channels by name, specials and links", () => {
    expect(md("<@U0SEC1> 请到 <#C0RESETTLE> <!here>")).toBe(
      '<span class="mention" data-user="U0SEC1">@王志强</span> 请到 <span class="mention channel-mention">#branch-resettlement</span> <span class="mention">@here</span>',
    );
    expect(md("<@U0NOBODY|老李>")).toContain("@老李");
    expect(md("<https://example.org/a?b=1&amp;c=2|说明>")).toBe(
      '<a href="https://example.org/a?b=1&amp;c=2" target="_blank" rel="noopener noreferrer">说明</a>',
    );
    expect(md("<javascript:alert(1)|x>")).toBe("x");
  });

  it("shows Slack's escapes as characters and escapes HTML, with line breaks and quotes", () => {
    // Escaped text shows as "<b> & …"; an unescaped <…> is a link token to Slack, never HTML.
    expect(md('&lt;b&gt; &amp; "x" <script>')).toBe("&lt;b&gt; &amp; &quot;x&quot; script");
    expect(md("第一行\n第二行")).toBe("第一行<br>第二行");
    expect(md("&gt; 引用\n正文")).toBe("<blockquote>引用</blockquote>正文");
    expect(md("```\n<pre> *x*\n```")).toBe('<pre class="code-block">&lt;pre&gt; *x*\n</pre>');
  });
});

describe("Block Kit", () => {
  it("renders a section's text, fields and accessory, context, divider and actions", () => {
    const out = renderBlocks(
      [
        { type: "header", block_id: "h", text: { type: "plain_text", text: "标题 <1>" } },
        {
          type: "section",
          block_id: "s",
          text: { type: "mrkdwn", text: "*重点*" },
          fields: [{ type: "mrkdwn", text: "*支部*\n安置处" }],
          accessory: {
            type: "button",
            action_id: "go",
            text: { type: "plain_text", text: "打开" },
            style: "primary",
          },
        },
        { type: "context", block_id: "c", elements: [{ type: "plain_text", text: "小字" }] },
        { type: "divider", block_id: "d" },
        {
          type: "actions",
          block_id: "a",
          elements: [
            {
              type: "button",
              action_id: "no",
              text: { type: "plain_text", text: "退回" },
              style: "danger",
            },
            {
              type: "overflow",
              action_id: "more",
              options: [{ text: { type: "plain_text", text: "静音" }, value: "mute" }],
            },
          ],
        },
      ],
      ctx,
    ).value;
    expect(out).toContain('<h3 class="bk-header">标题 &lt;1&gt;</h3>');
    expect(out).toContain('<div class="bk-text"><strong>重点</strong></div>');
    expect(out).toContain('<div class="bk-field"><strong>支部</strong><br>安置处</div>');
    expect(out).toContain(
      '<button type="button" class="bk-btn primary" data-el="button" data-block="s" data-action="go">打开</button>',
    );
    expect(out).toContain('class="bk-btn danger" data-el="button" data-block="a" data-action="no"');
    expect(out).toContain('data-el="overflow" data-block="a" data-action="more" data-value="mute"');
    expect(out).toContain('<hr class="bk-divider">');
    expect(out).toContain('<div class="bk-context"><span>小字</span></div>');
  });

  it("renders a modal input with its typed value, label, hint and the app's error", () => {
    const input = {
      type: "input",
      block_id: "title",
      label: { type: "plain_text", text: "标题" },
      hint: { type: "plain_text", text: "至少4个字" },
      element: { type: "plain_text_input", action_id: "v", initial_value: "初始" },
    };
    const out = renderBlocks([input], {
      ...ctx,
      state: { title: { v: { type: "plain_text_input", value: "已输入" } } },
      errors: { title: "太短" },
    }).value;
    expect(out).toContain('<label class="bk-label" for="in-title-v">标题</label>');
    expect(out).toContain('value="已输入"');
    expect(out).toContain('aria-invalid="true"');
    expect(out).toContain('<p class="bk-error" id="in-title-v-error" role="alert">太短</p>');
    expect(out).toContain('aria-describedby="in-title-v-hint in-title-v-error"');
  });

  it("renders a file_input as a file picker with its types and count, and the files attached", () => {
    const field = (element: Record<string, unknown>) => ({
      type: "input",
      block_id: "ev",
      label: { type: "plain_text", text: "Evidence" },
      element: { type: "file_input", action_id: "f", ...element },
    });
    const one = renderBlocks([field({ filetypes: ["jpg", "pdf"], max_files: 1 })], ctx).value;
    expect(one).toContain(
      '<input class="bk-file" type="file" id="in-ev-f" data-key="ev.f" data-input="file_input" aria-describedby="in-ev-f-limit" accept=".jpg,.pdf" data-max-files="1" data-max-bytes="10485760">',
    );
    expect(one).toContain(
      '<small class="bk-file-limit" id="in-ev-f-limit">One file, up to 10.0 MB</small>',
    );
    expect(one).not.toContain("bk-text-input");

    const several = renderBlocks([field({ max_files: 3 })], {
      ...ctx,
      t: translator("zh-CN"),
      state: {
        ev: { f: { type: "file_input", files: [{ id: "F1", name: "<a>.pdf", size: 2048 }] } },
      },
    }).value;
    expect(several).toContain(
      'data-input="file_input" aria-describedby="in-ev-f-limit" multiple data-max-files="3"',
    );
    expect(several).not.toContain("accept=");
    expect(several).toContain("最多3个文件，每个不超过10.0 MB");
    expect(several).toContain(
      '<p class="bk-file-attached">已附加：&lt;a&gt;.pdf · 2.0 KB。重新选择文件即可替换。</p>',
    );
    // Without max_files Slack takes 10.
    expect(renderBlocks([field({})], ctx).value).toContain('multiple data-max-files="10"');
  });

  it("a link to a file the person uploaded opens its bytes on the page; other links stay", () => {
    const emulator = createSlackEmulator({ users: [{ id: "U0A" }] });
    const ws = emulator.workspace;
    ws.files.set("F0PDF", {
      id: "F0PDF",
      name: "visit.pdf",
      title: "visit.pdf",
      length: 3,
      bytes: Buffer.from("pdf"),
      completed: true,
      channels: [],
      created: 0,
      user: "U0A",
    });
    const permalink = `https://${ws.team.domain}.slack.com/files/U0A/F0PDF/visit.pdf`;
    const links = { ...names, fileLink: fileLinkIn(ws) };
    expect(mrkdwnToHtml(`<${permalink}|visit.pdf>`, links)).toBe(
      '<a href="/sandbox/files/F0PDF/visit.pdf" target="_blank" rel="noopener noreferrer">visit.pdf</a>',
    );
    for (const other of [
      `https://${ws.team.domain}.slack.com/files/U0A/F0NONE/visit.pdf`,
      `https://evil.example/files/U0A/F0PDF/visit.pdf`,
    ])
      expect(mrkdwnToHtml(`<${other}|x>`, links)).toContain(`href="${other}"`);
  });

  it("reads what a control shows from the state, else from the element's initial value", () => {
    const select = {
      type: "static_select",
      initial_option: { value: "a", text: { type: "plain_text", text: "A" } },
    };
    expect(currentValue(select, undefined)).toEqual(["a"]);
    expect(currentValue(select, { type: "static_select", selected_option: null })).toEqual([]);
    expect(currentValue({ type: "checkboxes" }, { selected_options: [{ value: "x" }] })).toEqual([
      "x",
    ]);
    expect(currentValue({ type: "datepicker", initial_date: "2026-12-01" }, undefined)).toEqual([
      "2026-12-01",
    ]);
  });

  it("escapes every value of the html template", () => {
    expect(html`<p title="${'"x"'}">${"<b>"}${raw("<i>ok</i>")}</p>`.value).toBe(
      '<p title="&quot;x&quot;">&lt;b&gt;<i>ok</i></p>',
    );
  });
});

describe("a person's screen", () => {
  it("lists their channels, shows ephemerals only to them, and the modal on top", () => {
    const em = createSlackEmulator({
      users: [
        { id: "U0SEC1", real_name: "王志强", locale: "zh-CN" },
        { id: "U0B", real_name: "周杰" },
      ],
      channels: [
        {
          id: "C0RESETTLE",
          name: "branch-resettlement",
          members: ["U0SEC1", "U0B"],
          botMember: true,
        },
        { id: "G0COMMITTEE", name: "committee", private: true, members: ["U0B"], botMember: true },
      ],
      now: () => Date.parse("2026-12-01T01:00:00Z"),
    });
    const ws = em.workspace;
    ws.addMessage({
      channel: "C0RESETTLE",
      user: ws.bot.userId,
      bot_id: "B0BOT",
      text: "提醒 <@U0SEC1>",
    });
    ws.addEphemeral({
      channel: "C0RESETTLE",
      user: "U0B",
      text: "只给周杰看",
      source: "chat.postEphemeral",
    });
    // Dates and the page's words follow the page's language (the org's), not each person's.
    const sec = renderScreen(
      ws,
      { user: "U0SEC1" },
      { timezone: "Asia/Shanghai", locale: "zh-CN" },
    );
    expect(sec.conversation).toBe("C0RESETTLE");
    expect(sec.regions.sidebar).toContain("branch-resettlement");
    expect(sec.regions.sidebar).not.toContain("committee");
    expect(sec.regions.messages).toContain("@王志强");
    expect(sec.regions.messages).toContain("09:00"); // Asia/Shanghai
    expect(sec.regions.messages).toContain("2026年12月1日星期二");
    expect(sec.regions.messages).not.toContain("只给周杰看");
    expect(sec.regions.sidebar).toContain("频道");
    expect(sec.lang).toBe("zh-CN");
    const b = renderScreen(ws, { user: "U0B", conversation: "C0RESETTLE" }, { timezone: "UTC" });
    expect(b.regions.messages).toContain("只给周杰看");
    expect(b.regions.messages).toContain("Only visible to you");
    expect(b.regions.sidebar).toContain("committee");
    const home = renderScreen(ws, { user: "U0B", conversation: HOME }, { timezone: "UTC" });
    expect(home.postTo).toBeNull();
    expect(home.regions.messages).toContain("has not published a Home tab");
  });
});

describe("emoji", () => {
  it("are images from the bundled set, outside tags, textareas and options", () => {
    const out = emojiImages(
      '<p title="✅">✅ 已完成 ⬜ 未完成</p><textarea>✅</textarea><option>🟢</option><span>🟢</span>',
    );
    expect(out).toContain('<p title="✅">');
    expect(out).toContain('<img class="emoji" src="/sandbox/emoji/2705.svg" alt="✅"');
    expect(out).toContain('src="/sandbox/emoji/2b1c.svg"');
    expect(out).toContain("<textarea>✅</textarea><option>🟢</option>");
    expect(out).toContain('<span><img class="emoji" src="/sandbox/emoji/1f7e2.svg"');
    expect(emojiFile("⚠️")).toBe("26a0.svg");
  });
});
