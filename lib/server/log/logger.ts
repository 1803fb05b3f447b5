import pino from "pino";
import { env } from "@/lib/server/env";

// JSON logs; anything that could carry a secret is redacted before it is written.
export const logger = pino({
  level: env().LOG_LEVEL,
  base: { app: "lateral" },
  redact: {
    paths: ["password", "*.password", "token", "*.token", "authorization", "*.authorization", "cookie", "*.cookie", "secret", "*.secret"],
    censor: "[redacted]",
  },
});
