import { common } from "./common.ts";

/** Every area's catalog. Add an area here when a feature adds `catalog/<area>.ts`. */
export const areas = [common] as const;
