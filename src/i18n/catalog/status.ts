import { defineArea } from "../define.ts";

export const status = defineArea(
  {
    "status.describe": "this month's lists: who has submitted, who is waiting, who is late",
    "status.title": "*{month}* — {branches} branches",
    "status.line": "• {state}: {count}{names}",
    "status.overdue": "• overdue (not submitted after the deadline): {count}{names}",
    "status.none": "No active branches yet.",
  },
  {
    "status.describe": "本月清单：已报送、待审核、逾期的支部",
    "status.title": "*{month}* — 共{branches}个支部",
    "status.line": "• {state}：{count}{names}",
    "status.overdue": "• 逾期未报送：{count}{names}",
    "status.none": "尚无在用的支部。",
  },
);
