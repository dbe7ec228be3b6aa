import { defineArea } from "../define.ts";

export const common = defineArea(
  {
    "common.notAllowed": "You can't do that: {reason}",
    "common.somethingWrong": "Something went wrong. Nothing was changed; please try again.",
  },
  {
    "common.notAllowed": "无法执行此操作：{reason}",
    "common.somethingWrong": "出了点问题，未做任何更改，请重试。",
  },
);
