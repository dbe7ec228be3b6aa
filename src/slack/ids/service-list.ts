/**
 * Every action_id, block_id and callback_id of the service list. Button values and
 * private_metadata carry one id (report, project); the use cases look up the rest and check
 * every right from the database.
 */
export const SERVICE_CALLBACK = {
  /** private_metadata: empty. */
  register: "svc_register",
  /** private_metadata: empty. */
  report: "svc_report",
  /** private_metadata: the report id. */
  query: "svc_query",
  /** private_metadata: the project id. */
  progress: "svc_project_progress",
  sendBack: "svc_project_send_back",
  /** Naming a new lead (private_metadata: the project id). */
  nameLead: "svc_project_name_lead",
  /** `/pbb project new` (private_metadata: empty). */
  newProject: "svc_project_new",
} as const;

export const SERVICE_ACTION = {
  /** `/pbb service` and the Home (value: empty). */
  openRegister: "svc_open_register",
  openReport: "svc_open_report",
  branchReports: "svc_branch_reports",
  /** A report in the secretary's list (value: report id). */
  openQuery: "svc_open_query",
  /** A project's committee message (value: project id). */
  projectProgress: "svc_project_open_progress",
  projectRequest: "svc_project_request",
  projectConfirm: "svc_project_confirm",
  projectSendBack: "svc_project_open_send_back",
  /** A project without a lead: its message and the committee's question (value: project id). */
  projectNameLead: "svc_project_open_name_lead",
  /** Modal inputs. */
  note: "svc_note",
  milestone: "svc_milestone",
  comment: "svc_comment",
  community: "svc_community",
  date: "svc_date",
  reportCommunity: "svc_report_community",
  category: "svc_category",
  hours: "svc_hours",
  what: "svc_what",
  link: "svc_link",
  question: "svc_question",
  projectTitle: "svc_p_title",
  projectServes: "svc_p_serves",
  projectBranch: "svc_p_branch",
  projectLead: "svc_p_lead",
  projectGoal: "svc_p_goal",
  projectBeneficiaries: "svc_p_beneficiaries",
  projectMilestones: "svc_p_milestones",
  newLead: "svc_p_new_lead",
  /** file_input of the report and progress modals (evidence). */
  file: "svc_file",
} as const;

export const SERVICE_BLOCK = {
  actions: "svc_actions",
  homeActions: "svc_home_actions",
  community: "svc_community_block",
  date: "svc_date_block",
  reportCommunity: "svc_report_community_block",
  category: "svc_category_block",
  hours: "svc_hours_block",
  what: "svc_what_block",
  link: "svc_link_block",
  question: "svc_question_block",
  projectActions: "svc_project_actions",
  note: "svc_note_block",
  milestone: "svc_milestone_block",
  comment: "svc_comment_block",
  projectTitle: "svc_p_title_block",
  projectServes: "svc_p_serves_block",
  projectBranch: "svc_p_branch_block",
  projectLead: "svc_p_lead_block",
  projectGoal: "svc_p_goal_block",
  projectBeneficiaries: "svc_p_beneficiaries_block",
  projectMilestones: "svc_p_milestones_block",
  newLead: "svc_p_new_lead_block",
  leadWanted: "svc_lead_wanted_actions",
  file: "svc_file_block",
} as const;
