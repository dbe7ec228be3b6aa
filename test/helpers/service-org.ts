/** An English org whose branches name their joint-construction communities and services. */
export const SERVICE_ORG = `organization: { name: Test Committee, timezone: Asia/Shanghai, locale: en }
committee: { channel: C0COMMITTEE, members: [U0CHAIR, U0DEPUTY], admins: [U0CHAIR] }
branches:
  - { key: vets, name: Veterans Branch, channel: C0VETS, secretaries: [U0SEC1], members: [U0A, U0B], community: Elm Court }
  - { key: office, name: Office Branch, channel: C0OFFICE, secretaries: [U0SEC2], members: [U0C, U0D], community: Oak Lane }
schedules: { monthlyReminder: { day: 1, time: "09:00" }, deadline: { day: 5, time: "18:00" } }
services:
  - { branch: vets, category: policy-consultation, what: Pension questions answered, frequency: monthly, lead: U0SEC1 }
  - { branch: office, category: defence-education, what: Talks at the school, frequency: quarterly, lead: U0C }
`;

/** The same org with one practical project led by a committee member of no branch's secretaries. */
export const SERVICE_ORG_WITH_PROJECT = `${SERVICE_ORG}practicalProjects:
  - key: roof
    title: Renovate the Elm Court compound
    serves: veterans of Elm Court
    branch: vets
    lead: U0DEPUTY
    goal: A dry roof <before winter>
    beneficiaries: 120
    milestones:
      - { title: Survey residents, due: "2026-11-05" }
      - { title: Repair the roof, due: "2026-11-12" }
      - { title: Hand over, due: "2026-12-20" }
`;

/** The project led by U0B, a member of the vets branch. */
export const LED_BY_MEMBER = SERVICE_ORG_WITH_PROJECT.replace("lead: U0DEPUTY", "lead: U0B");
/** The same org after U0B left the vets branch (and so the organisation). */
export const LEAD_GONE = LED_BY_MEMBER.replace("members: [U0A, U0B]", "members: [U0A]");
