/** Role hints for the person switcher, from the org in force: "committee admin; secretary, …". */
import type { Org } from "../config/org-schema.ts";

export function rolesOf(org: Org): Map<string, string> {
  const roles = new Map<string, string[]>();
  const add = (id: string, role: string) => roles.set(id, [...(roles.get(id) ?? []), role]);
  for (const id of org.committee.members) {
    add(id, org.committee.admins.includes(id) ? "committee admin" : "committee member");
  }
  for (const id of org.committee.admins) {
    if (!org.committee.members.includes(id)) add(id, "committee admin");
  }
  for (const b of org.branches) {
    for (const id of b.secretaries) add(id, `secretary, ${b.name}`);
    for (const id of b.members) if (!b.secretaries.includes(id)) add(id, `member, ${b.name}`);
  }
  return new Map([...roles].map(([id, list]) => [id, list.join("; ")]));
}
