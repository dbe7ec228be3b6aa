#!/usr/bin/env node
// Runs the TypeScript sources through tsx, so `npx pbb` works in a checkout with no build step.
import { register } from "tsx/esm/api";

register();
await import("../src/cli/main.ts");
