/** The queue's filter state lives in the URL, so a view can be bookmarked, shared and saved. */
export const FILTER_KEYS = ["priority", "status", "assignee", "host", "user", "destination", "rule", "from", "to", "q", "classification", "escalated"] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type QueueFilters = Partial<Record<FilterKey, string>> & { sort?: string; order?: string };

export function filtersFromSearch(params: URLSearchParams): QueueFilters {
  const filters: QueueFilters = {};
  for (const key of [...FILTER_KEYS, "sort", "order"] as const) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  return filters;
}

export function toSearch(filters: QueueFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  return params.toString();
}

export function toggleListValue(list: string | undefined, value: string): string | undefined {
  const values = new Set((list ?? "").split(",").filter(Boolean));
  if (values.has(value)) values.delete(value);
  else values.add(value);
  return values.size ? [...values].join(",") : undefined;
}
