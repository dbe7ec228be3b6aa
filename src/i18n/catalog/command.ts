import { defineArea } from "../define.ts";

export const command = defineArea(
  {
    "command.help.title": "*/pbb* — what you can ask",
    "command.help.line": "`/pbb {usage}` — {description}",
    "command.help.help": "this help",
    "command.unknown": "There is no `/pbb {name}` command. Try `/pbb help`.",
    "command.noOrg": "The bot is not set up yet: a system admin needs to apply the org file first.",
  },
  {
    "command.help.title": "*/pbb* 可用命令",
    "command.help.line": "`/pbb {usage}` — {description}",
    "command.help.help": "显示本帮助",
    "command.unknown": "没有 `/pbb {name}` 这个命令，请试试 `/pbb help`。",
    "command.noOrg": "机器人尚未配置：请系统管理员先应用组织配置文件。",
  },
);
