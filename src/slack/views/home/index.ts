export { buildHomeModel } from "./build-model.ts";
export { buildHomeView, MAX_HOME_BLOCKS } from "./home.ts";
export type { HomeInput } from "./input.ts";
export * from "./model.ts";
export * from "./values.ts";
