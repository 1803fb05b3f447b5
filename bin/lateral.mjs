#!/usr/bin/env node
// The CLI is TypeScript; tsx compiles it on the fly so there is no separate build step.
import { register } from "tsx/esm/api";

register({ tsconfig: new URL("../tsconfig.json", import.meta.url).pathname });
const { main } = await import("../cli/main.ts");
process.exitCode = await main(process.argv);
