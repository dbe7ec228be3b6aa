/** An org file with N branches and the Slack workspace it names, for the replica tests. */
import type { ChannelInit, UserInit } from "../../src/localslack/index.ts";

export interface OrgFixture {
  text: string;
  users: UserInit[];
  channels: ChannelInit[];
  branchChannels: string[];
  committeeChannel: string;
}

const pad = (n: number) => String(n).padStart(3, "0");

export function orgFixture(branches: number, timezone = "Asia/Shanghai"): OrgFixture {
  const committeeChannel = "C0COMMITTEE";
  const chair = "U0CHAIR";
  const rows = Array.from({ length: branches }, (_, i) => ({
    key: `b${pad(i + 1)}`,
    channel: `C0BR${pad(i + 1)}`,
    secretary: `U0SEC${pad(i + 1)}`,
  }));
  const text = [
    "organization:",
    "  name: Replica Test Committee",
    `  timezone: ${timezone}`,
    "  locale: en",
    "committee:",
    `  channel: ${committeeChannel}`,
    `  members: [${chair}]`,
    `  admins: [${chair}]`,
    "branches:",
    ...rows.flatMap((r) => [
      `  - key: ${r.key}`,
      `    name: Branch ${r.key}`,
      `    channel: ${r.channel}`,
      `    secretaries: [${r.secretary}]`,
    ]),
    "schedules:",
    '  monthlyReminder: { day: 1, time: "09:00" }',
    '  deadline: { day: 5, time: "18:00" }',
    "",
  ].join("\n");
  const user = (id: string): UserInit => ({
    id,
    name: id.toLowerCase(),
    email: `${id.toLowerCase()}@example.org`,
  });
  return {
    text,
    users: [user(chair), ...rows.map((r) => user(r.secretary))],
    channels: [
      { id: committeeChannel, name: "committee", members: [chair], botMember: true },
      ...rows.map((r) => ({
        id: r.channel,
        name: `branch-${r.key}`,
        members: [r.secretary],
        botMember: true,
      })),
    ],
    branchChannels: rows.map((r) => r.channel),
    committeeChannel,
  };
}
