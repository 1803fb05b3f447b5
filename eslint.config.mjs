import js from "@eslint/js";
import tseslint from "typescript-eslint";

const pureDomain = ["lib/detection/**", "lib/ingest/**", "lib/triage/**", "lib/ecs/**", "lib/roles.ts"];
const serverOnly = ["@/lib/server/*", "@/lib/server/**"];

// The layering in docs/style.md, enforced: pure domain code imports no framework or I/O; the browser
// never imports server modules; process.env is read in one validated module (plus CLI/scripts/tests).
export default tseslint.config(
  { ignores: ["node_modules/", ".next/", ".next-*/", "lib/server/db/generated/", "bench/out/", "test-results/", "playwright-report/", "next-env.d.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
      "no-restricted-syntax": [
        "error",
        { selector: "MemberExpression[object.name='process'][property.name='env']", message: "Read configuration through lib/server/env.ts" },
      ],
    },
  },
  {
    files: ["lib/server/env.ts", "cli/**", "scripts/**", "bench/**", "test/**", "e2e/**", "*.config.*", "bin/**", "lib/server/db/**"],
    rules: { "no-restricted-syntax": "off" },
  },
  {
    files: ["**/*.mjs"],
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly", Buffer: "readonly", setTimeout: "readonly" } },
  },
  {
    files: pureDomain,
    ignores: ["**/*.test.ts", "**/*test-helpers.ts", "**/test-support/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["next", "next/*", "react", "react-dom", "@prisma/*", "pg", "@tanstack/*"], message: "Domain code is framework-free" },
            { group: [...serverOnly, "@/components/**", "@/app/**", "@/cli/**"], message: "Domain code must not depend on outer layers" },
            { group: ["node:fs", "node:fs/*", "fs", "fs/*", "node:net", "node:http", "node:child_process"], message: "Domain code does no I/O; take bytes or streams" },
          ],
        },
      ],
    },
  },
  {
    files: ["components/**", "lib/client/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        { patterns: [{ group: serverOnly, allowTypeImports: true, message: "Browser code talks to the server through the API" }] },
      ],
    },
  },
);
