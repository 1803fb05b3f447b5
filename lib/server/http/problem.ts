/** Stable error codes of the API; each maps to one HTTP status. */
export const problemStatus = {
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  body_too_large: 413,
  unsupported_media_type: 415,
  validation_failed: 422,
  invalid_json: 400,
  bad_request: 400,
  csrf_failed: 403,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
} as const;

export type ProblemCode = keyof typeof problemStatus;

/** A failure the client should see, rendered as RFC 9457 problem+json. */
export class AppError extends Error {
  constructor(
    readonly code: ProblemCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return problemStatus[this.code];
  }
}

export function problemResponse(error: AppError, requestId: string): Response {
  const body = {
    type: `https://lateral.invalid/problems/${error.code}`,
    title: error.code.replaceAll("_", " "),
    status: error.status,
    code: error.code,
    detail: error.message,
    requestId,
    ...error.details,
  };
  return Response.json(body, {
    status: error.status,
    headers: { "content-type": "application/problem+json", "x-request-id": requestId },
  });
}
