import type { Metadata } from "next";
import { AdminTabs } from "@/components/admin/admin-tabs";
import { NewConnectionPage } from "@/components/connections/new-connection-page";
import { createConnectionBody, DEFAULT_INDEX_PATTERNS } from "@/lib/server/api/contracts/connections";
import { requirePageActor } from "@/lib/server/auth/page-guard";
import { access } from "@/lib/roles";

export const metadata: Metadata = { title: "Add a connection" };

export default async function Page() {
  await requirePageActor(access.admin, "/admin/connections/new");
  // The API's own defaults, so the form and a body without them agree.
  const { intervalSeconds, lookbackSeconds } = createConnectionBody.parse({ name: "x", urls: ["http://x"], auth: { kind: "none" } });
  return (
    <>
      <AdminTabs />
      <NewConnectionPage defaults={{ indexPatterns: DEFAULT_INDEX_PATTERNS, intervalSeconds, lookbackSeconds }} />
    </>
  );
}
