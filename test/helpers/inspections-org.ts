/** A two-branch org with a mutual round in June and supervision in March, for the inspections' service tests. */
export const inspectionsOrg = (
  locale = "en",
) => `organization: { name: T, timezone: Asia/Shanghai, locale: ${locale} }
committee: { channel: C0COMMITTEE, members: [U0CHAIR, U0DEP] }
branches:
  - { key: b0, name: B0, channel: C0B0, secretaries: [U0SEC0] }
  - { key: b1, name: B1, channel: C0B1, secretaries: [U0SEC1] }
schedules: { monthlyReminder: { day: 1, time: "09:00" }, deadline: { day: 5, time: "18:00" } }
calendar: { useStatutoryHolidays: false }
inspections:
  mutual: { months: [6] }
  supervision: { months: [3] }
  checklist:
    - { key: meetings, title: Meetings, maxScore: 60 }
    - { key: dues, title: Dues, maxScore: 40 }
`;
