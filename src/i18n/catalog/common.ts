import { defineArea } from "../define.ts";

/** The months' English names, January first (the catalogs' dates in English). */
export const EN_MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

export const common = defineArea(
  {
    "common.notAllowed": "You can't do that: {reason}",
    "common.somethingWrong": "Something went wrong. Nothing was changed; please try again.",
    "common.busy":
      "The bot is too busy to take this right now. Nothing was changed; please try again in a minute.",
    "common.retiredButton":
      "This button is no longer in use (the bot was updated since this message was sent). Nothing was changed; please use the bot's latest message or the Home tab.",
    "date.day": "{iso}",
    "date.dateTime": "{iso} {time}",
    "date.month": "{key}",
    "date.quarter": "{key}",
    "date.year": "{key}",
  },
  {
    "common.notAllowed": "无法执行此操作：{reason}",
    "common.somethingWrong": "出了点问题，未做任何更改，请重试。",
    "common.busy": "机器人当前过于繁忙，暂时无法处理此操作，未做任何更改，请一分钟后重试。",
    "common.retiredButton":
      "此按钮已停用（发送这条消息后机器人已更新），未做任何更改，请使用机器人的最新消息或主页标签页。",
    "date.day": "{year}年{month}月{day}日",
    "date.dateTime": "{year}年{month}月{day}日{hour}:{minute}",
    "date.month": "{year}年{month}月",
    "date.quarter": (p) => `${p.year}年第${"一二三四"[Number(p.quarter) - 1]}季度`,
    "date.year": "{year}年",
  },
);
