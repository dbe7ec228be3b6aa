export * from "./messages.ts";
export * from "./modals.ts";
export * from "./summary.ts";
