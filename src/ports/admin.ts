/** What the admin modals' views exchange with the admin service: the forms it takes, the errors it gives. */
export type { FieldError } from "../services/admin/fields.ts";
export type {
  AdminChange,
  BranchForm,
  CommitteeForm,
  LectureForm,
  SchedulesForm,
  ServiceRow,
} from "../services/admin/forms.ts";
