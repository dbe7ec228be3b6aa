export * from "./messages.ts";
export * from "./modals.ts";
export * from "./new-project.ts";
export * from "./present.ts";
export * from "./projects.ts";
export * from "./summary.ts";
