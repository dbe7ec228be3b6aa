/**
 * What the Home's presenter is given: the rows the Home's queries loaded (one person's roles,
 * the committee's lists, their own branches' lists, their lecture turns).
 */
export type {
  BranchListRow,
  BranchRef,
  BranchRevisionRow,
  CommitteeRows,
  CurrentListRow,
  LectureRows,
  ViewerRow,
} from "../../db/repositories/home.ts";
