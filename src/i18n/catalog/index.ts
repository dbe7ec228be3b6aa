import { command } from "./command.ts";
import { common } from "./common.ts";
import { delivery } from "./delivery.ts";
import { tasklist } from "./tasklist.ts";

/** Every area's catalog. Add an area here when a feature adds `catalog/<area>.ts`. */
export const areas = [common, command, delivery, tasklist] as const;
