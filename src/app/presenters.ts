/**
 * The features' presenters, given to the use cases that write messages in the transaction of
 * their change (each use case declares what it needs in its feature's `services/<f>/port.ts`).
 */
import { tasklistPresenter } from "../slack/views/tasklist/present.ts";

export const presenters = { tasklist: tasklistPresenter };

export type Presenters = typeof presenters;
