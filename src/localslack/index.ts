/** The local Slack: a Web API emulator and a driver that plays Slack towards the app. */
export * from "./driver/index.ts";
export * from "./emulator/index.ts";
