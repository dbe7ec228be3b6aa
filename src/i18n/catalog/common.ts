import { defineArea } from "../define.ts";

export const common = defineArea(
  {
    "common.notAllowed": "You can't do that: {reason}",
    "common.somethingWrong": "Something went wrong. Nothing was changed; please try again.",
    "common.busy":
      "The bot is too busy to take this right now. Nothing was changed; please try again in a minute.",
  },
  {
    "common.notAllowed": "无法执行此操作：{reason}",
    "common.somethingWrong": "出了点问题，未做任何更改，请重试。",
    "common.busy": "机器人当前过于繁忙，暂时无法处理此操作，未做任何更改，请一分钟后重试。",
  },
);
