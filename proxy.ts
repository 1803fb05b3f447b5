import { NextResponse, type NextRequest } from "next/server";

// Pages are guarded on the server (requirePageActor); this only tells the layout which page was asked
// for, so the sign-in redirect can come back to it.
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set("x-lateral-path", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.next({ request: { headers } });
}

export const config = { matcher: ["/((?!api/|_next/|favicon.ico).*)"] };
