/**
 * Who may pull reports and change the configuration: a person's committee roles, read from the
 * database on every request (never from what Slack echoes back).
 */
import type { Database } from "../client.ts";

export interface CommitteeRoles {
  member: boolean;
  admin: boolean;
}

export async function committeeRolesOf(db: Database, userId: string): Promise<CommitteeRoles> {
  const roles = await db.prisma.committeeRole.findMany({
    where: { person: { slackUserId: userId } },
    select: { role: true },
  });
  return {
    member: roles.some((r) => r.role === "MEMBER"),
    admin: roles.some((r) => r.role === "ADMIN"),
  };
}
