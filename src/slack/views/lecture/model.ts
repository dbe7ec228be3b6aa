/** The view models the lecture builders render: declared by the use cases' port. */
export type * from "../../../ports/lecture.ts";
