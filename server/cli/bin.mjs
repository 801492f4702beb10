#!/usr/bin/env node
// The published entry point. It loads the TypeScript CLI through tsx so `npx goldloop` needs no build step.
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

register({ tsconfig: fileURLToPath(new URL("../../tsconfig.json", import.meta.url)) });
const { runCli } = await import("./main.ts");
process.exitCode = await runCli(process.argv.slice(2));
