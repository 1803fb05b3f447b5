/** The problem+json shape every API error has. */
export type Problem = { status: number; code: string; detail: string; errors?: { path: string; message: string }[] };

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail);
  }
}

/** Fetches our own API with the session cookie; throws ApiError with the server's problem on failure. */
export async function apiFetch<T>(path: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const { json, ...rest } = init;
  const response = await fetch(path, {
    ...rest,
    credentials: "same-origin",
    headers: { ...(json !== undefined ? { "content-type": "application/json" } : {}), ...rest.headers },
    body: json !== undefined ? JSON.stringify(json) : rest.body,
  });
  const text = await response.text();
  const data: unknown = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const problem = (data ?? {}) as Partial<Problem>;
    throw new ApiError({
      status: response.status,
      code: problem.code ?? "http_error",
      detail: problem.detail ?? (problem as { message?: string }).message ?? `Request failed (${response.status})`,
      errors: problem.errors,
    });
  }
  return data as T;
}

/** A one-line, human message for any error thrown by apiFetch (field errors included). */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    const fields = error.problem.errors?.map((issue) => `${issue.path}: ${issue.message}`).join("; ");
    return fields ? `${error.problem.detail} (${fields})` : error.problem.detail;
  }
  return error instanceof Error ? error.message : "Something went wrong";
}
