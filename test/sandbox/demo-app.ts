/**
 * A small Bolt app, unrelated to the bot, that uses what the sandbox page must show: rich
 * message blocks, a modal with every common input and `response_action: errors`, a pushed and
 * updated view, notify_on_close, threads, ephemerals, a slash command and App Home.
 */
import type { App, BlockAction, ButtonAction, OverflowAction } from "@slack/bolt";
import type { KnownBlock, ModalView } from "@slack/types";

export const CHANNEL = "C0BRANCH";

export const richMessage: KnownBlock[] = [
  { type: "header", text: { type: "plain_text", text: "十二月任务清单" } },
  {
    type: "section",
    text: {
      type: "mrkdwn",
      text: "*加粗* _斜体_ ~删除~ `代码` <@U0SEC> 请在 <#C0BRANCH> 提交，<https://example.org|说明文档>\n第二行 &lt;tag&gt; &amp; co",
    },
    accessory: {
      type: "overflow",
      action_id: "more",
      options: [
        { text: { type: "plain_text", text: "提醒我" }, value: "remind" },
        { text: { type: "plain_text", text: "静音" }, value: "mute" },
      ],
    },
  },
  {
    type: "section",
    fields: [
      { type: "mrkdwn", text: "*支部*\n移交安置处" },
      { type: "mrkdwn", text: "*截止*\n12月5日" },
    ],
  },
  { type: "context", elements: [{ type: "mrkdwn", text: "由 <@U0CHAIR> 发起" }] },
  { type: "divider" },
  {
    type: "actions",
    block_id: "list_actions",
    elements: [
      {
        type: "button",
        action_id: "open_form",
        text: { type: "plain_text", text: "填写表单" },
        style: "primary",
      },
      {
        type: "button",
        action_id: "reject",
        text: { type: "plain_text", text: "退回" },
        style: "danger",
      },
      {
        type: "static_select",
        action_id: "pick_month",
        placeholder: { type: "plain_text", text: "选择月份" },
        options: [
          { text: { type: "plain_text", text: "十一月" }, value: "2026-11" },
          { text: { type: "plain_text", text: "十二月" }, value: "2026-12" },
        ],
      },
    ],
  },
  {
    type: "image",
    image_url: "http://127.0.0.1:9/chart.png",
    alt_text: "完成情况图表",
    title: { type: "plain_text", text: "完成情况" },
  },
];

const formView: ModalView = {
  type: "modal",
  callback_id: "form",
  notify_on_close: true,
  title: { type: "plain_text", text: "任务表单" },
  submit: { type: "plain_text", text: "提交" },
  close: { type: "plain_text", text: "取消" },
  blocks: [
    {
      type: "input",
      block_id: "title",
      label: { type: "plain_text", text: "标题" },
      element: { type: "plain_text_input", action_id: "v" },
    },
    {
      type: "input",
      block_id: "notes",
      optional: true,
      label: { type: "plain_text", text: "说明" },
      hint: { type: "plain_text", text: "可以写多行" },
      element: { type: "plain_text_input", action_id: "v", multiline: true },
    },
    {
      type: "input",
      block_id: "category",
      label: { type: "plain_text", text: "类别" },
      element: {
        type: "static_select",
        action_id: "v",
        placeholder: { type: "plain_text", text: "选择类别" },
        options: [
          { text: { type: "plain_text", text: "理论学习" }, value: "study" },
          { text: { type: "plain_text", text: "主题党日" }, value: "party-day" },
        ],
      },
    },
    {
      type: "input",
      block_id: "owner",
      label: { type: "plain_text", text: "责任人" },
      element: { type: "users_select", action_id: "v" },
    },
    {
      type: "input",
      block_id: "due",
      label: { type: "plain_text", text: "完成时限" },
      element: { type: "datepicker", action_id: "v" },
    },
    {
      type: "input",
      block_id: "flags",
      optional: true,
      label: { type: "plain_text", text: "选项" },
      element: {
        type: "checkboxes",
        action_id: "v",
        options: [
          { text: { type: "plain_text", text: "重点任务" }, value: "key" },
          { text: { type: "plain_text", text: "需要协助" }, value: "help" },
        ],
      },
    },
    {
      type: "input",
      block_id: "files",
      optional: true,
      label: { type: "plain_text", text: "附件" },
      element: { type: "file_input", action_id: "v", filetypes: ["pdf", "jpg"], max_files: 2 },
    },
  ],
};

const summaryView = (lines: string): ModalView => ({
  type: "modal",
  callback_id: "summary",
  title: { type: "plain_text", text: "已收到" },
  close: { type: "plain_text", text: "返回" },
  blocks: [
    { type: "section", text: { type: "mrkdwn", text: lines } },
    {
      type: "actions",
      elements: [
        {
          type: "button",
          action_id: "refresh_summary",
          text: { type: "plain_text", text: "刷新" },
        },
      ],
    },
  ],
});

export function registerDemoApp(app: App): void {
  app.action<BlockAction<ButtonAction>>("open_form", async ({ ack, body, client }) => {
    await ack();
    await client.views.open({ trigger_id: body.trigger_id, view: formView });
  });
  app.action<BlockAction<OverflowAction>>("more", async ({ ack, respond, action }) => {
    await ack();
    await respond({
      response_type: "ephemeral",
      replace_original: false,
      text: `你选择了 ${action.selected_option.value}`,
    });
  });
  app.view("form", async ({ ack, view }) => {
    const v = view.state.values;
    const title = v.title?.v?.value ?? "";
    if (title.length < 4) {
      await ack({ response_action: "errors", errors: { title: "标题至少需要4个字" } });
      return;
    }
    const flags = (v.flags?.v?.selected_options ?? []).map((o) => o.value).join(",");
    const files = (
      (v.files?.v as { files?: { name: string; size: number; mimetype: string }[] })?.files ?? []
    ).map((f) => `${f.name} ${f.size} ${f.mimetype}`);
    const lines = [
      `标题：${title}`,
      `说明：${v.notes?.v?.value ?? ""}`,
      `类别：${v.category?.v?.selected_option?.value ?? ""}`,
      `责任人：<@${v.owner?.v?.selected_user ?? ""}>`,
      `时限：${v.due?.v?.selected_date ?? ""}`,
      `选项：${flags}`,
      `附件：${files.join(",")}`,
    ].join("\n");
    await ack({ response_action: "push", view: summaryView(lines) });
  });
  app.action<BlockAction<ButtonAction>>("refresh_summary", async ({ ack, body, client }) => {
    await ack();
    if (!body.view) return;
    await client.views.update({
      view_id: body.view.id,
      hash: body.view.hash,
      view: { ...summaryView("已刷新"), title: { type: "plain_text", text: "已更新" } },
    });
  });
  app.view({ callback_id: "form", type: "view_closed" }, async ({ ack, body, client }) => {
    await ack();
    await client.chat.postMessage({ channel: CHANNEL, text: `<@${body.user.id}> 关闭了表单` });
  });
  app.message(async ({ message, client }) => {
    if (!("thread_ts" in message) || !message.thread_ts || !("text" in message)) return;
    await client.chat.postMessage({
      channel: message.channel,
      thread_ts: message.thread_ts,
      text: `收到：${message.text}`,
    });
  });
  app.command("/demo", async ({ ack, command }) => {
    await ack({ response_type: "ephemeral", text: `命令参数：${command.text}` });
  });
  app.event("app_home_opened", async ({ event, client }) => {
    await client.views.publish({
      user_id: event.user,
      view: {
        type: "home",
        blocks: [
          { type: "header", text: { type: "plain_text", text: "主页" } },
          { type: "section", text: { type: "mrkdwn", text: `你好，<@${event.user}>` } },
        ],
      },
    });
  });
}
