import { defineArea } from "../define.ts";

/** What admins are told when the bot could not deliver a message, and how to fix it. */
export const delivery = defineArea(
  {
    "delivery.failed.text": "The bot could not {action} {where}: Slack answered `{error}`. {fix}",
    "delivery.failed.reference": "Reference: delivery {id} ({key}).",
    "delivery.action.post": "post a message in",
    "delivery.action.update": "update a message in",
    "delivery.action.ephemeral": "show a private note in",
    "delivery.action.delete": "delete a message in",
    "delivery.action.home": "update the App Home of",
    "delivery.action.dm": "send a direct message to",
    "delivery.action.upload": "share files with",
    "delivery.fix.channel_not_found":
      "The channel no longer exists or the bot cannot see it: set the right channel in the org file or the settings.",
    "delivery.fix.not_in_channel":
      "Invite the bot to the channel (/invite @bot), then ask for it again.",
    "delivery.fix.is_archived":
      "The channel is archived: unarchive it or set another channel in the org file or the settings.",
    "delivery.fix.user_disabled":
      "That person's Slack account is deactivated: remove or replace them in the org file or the settings.",
    "delivery.fix.user_not_found":
      "That user id is unknown in this workspace: correct it in the org file or the settings.",
    "delivery.fix.content":
      "Slack refused the message's content. This is a bug in the bot: please report it with the reference below.",
    "delivery.fix.missing_scope":
      "The app lacks a permission: reinstall it from its manifest so it has every scope it needs.",
    "delivery.fix.auth":
      "The bot token is no longer valid: reinstall the app and update SLACK_BOT_TOKEN.",
    "delivery.fix.gave_up":
      "Slack kept failing for a long time. Check Slack's status; the message was not sent.",
    "delivery.fix.dependency":
      "It depended on an earlier message that could not be sent (reported separately).",
    "delivery.fix.other": "Check the channel and the people involved, then ask for it again.",
  },
  {
    "delivery.failed.text": "机器人无法{action}{where}：Slack 返回 `{error}`。{fix}",
    "delivery.failed.reference": "参考：投递编号{id}（{key}）。",
    "delivery.action.post": "在以下频道发送消息：",
    "delivery.action.update": "在以下频道更新消息：",
    "delivery.action.ephemeral": "在以下频道显示仅本人可见的提示：",
    "delivery.action.delete": "在以下频道删除消息：",
    "delivery.action.home": "更新以下用户的应用主页：",
    "delivery.action.dm": "向以下用户发送私信：",
    "delivery.action.upload": "向以下频道或用户发送文件：",
    "delivery.fix.channel_not_found":
      "该频道已不存在或机器人无法访问：请在组织配置文件或设置中填写正确的频道。",
    "delivery.fix.not_in_channel": "请将机器人邀请进该频道（/invite @机器人），然后重试。",
    "delivery.fix.is_archived": "该频道已归档：请取消归档，或在组织配置文件或设置中改用其他频道。",
    "delivery.fix.user_disabled":
      "此人的 Slack 账号已停用：请在组织配置文件或设置中移除或替换此人。",
    "delivery.fix.user_not_found": "本工作区中没有该用户 ID：请在组织配置文件或设置中更正。",
    "delivery.fix.content": "Slack 拒绝了消息内容。这是机器人的缺陷，请附上下面的参考信息反馈。",
    "delivery.fix.missing_scope": "应用缺少权限：请按清单重新安装应用，使其具备所需的全部权限。",
    "delivery.fix.auth": "机器人令牌已失效：请重新安装应用并更新 SLACK_BOT_TOKEN。",
    "delivery.fix.gave_up": "Slack 长时间持续出错。请查看 Slack 的服务状态；该消息未发送。",
    "delivery.fix.dependency": "它依赖的前一条消息未能发送（已另行报告）。",
    "delivery.fix.other": "请检查相关频道和人员，然后重试。",
  },
);
