import type { z } from "zod";
import type {
  clusterAuthInput, connectionRunSchema, connectionSchema, createConnectionBody, testConnectionResult,
} from "@/lib/server/api/contracts/connections";

export type Connection = z.output<typeof connectionSchema>;
export type ConnectionRun = z.output<typeof connectionRunSchema>;
export type ConnectionHealth = Connection["health"];
export type ConnectionMode = Connection["mode"];
export type ClusterAuth = z.input<typeof clusterAuthInput>;
export type ConnectionBody = z.input<typeof createConnectionBody>;
export type TestResult = z.output<typeof testConnectionResult>;
export type RuleOption = { id: string; name: string; enabled: boolean };
export type ConnectionList = { connections: Connection[]; rules: RuleOption[] };
export type ConnectionDetail = { connection: Connection; runs: ConnectionRun[] };
/** What the test endpoint takes: the unsaved settings, plus the id when editing so a left-out secret is the stored one. */
export type TestBody = Pick<ConnectionBody, "urls" | "auth" | "caCert" | "verifyTls" | "indexPatterns"> & { id?: string };

/** The server's defaults, handed down by the page so the browser never imports server modules. */
export type ConnectionDefaults = { indexPatterns: string[]; intervalSeconds: number; lookbackSeconds: number };
