/** Typed query-key factories: every cache key in the app comes from here, never an inline string. */
export const queryKeys = {
  users: () => ["users"] as const,
  tokens: () => ["tokens"] as const,
  uploads: () => ["uploads"] as const,
  upload: (id: string) => ["uploads", id] as const,
  alerts: (filters: unknown) => ["alerts", "list", filters] as const,
  alert: (id: string) => ["alerts", "detail", id] as const,
  alertGroups: (filters: unknown) => ["alerts", "groups", filters] as const,
  views: () => ["views"] as const,
  trends: (params: unknown) => ["trends", params] as const,
  me: () => ["me"] as const,
  baselines: (filter: { state: string; alertId?: string }) => ["baselines", "list", filter] as const,
  baseline: (id: string) => ["baselines", "detail", id] as const,
  baselinePreview: (scope: unknown) => ["baselines", "preview", scope] as const,
  connections: () => ["connections", "list"] as const,
  connection: (id: string) => ["connections", "detail", id] as const,
};
