// `npm start`: one command from a fresh clone to a running app (see README).
import { spawnSync } from "node:child_process";

const args = ["bin/lateral.mjs", "serve", ...process.argv.slice(2)];
const result = spawnSync(process.execPath, args, { stdio: "inherit" });
process.exit(result.status ?? 1);
