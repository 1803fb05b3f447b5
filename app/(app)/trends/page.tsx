import type { Metadata } from "next";
import { Suspense } from "react";
import { TrendsDashboard } from "@/components/trends/trends-dashboard";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageActor } from "@/lib/server/auth/page-guard";
import { access, hasRole } from "@/lib/roles";
import { SEES_EVERYONE } from "@/lib/server/trends/get-trends-report";

export const metadata: Metadata = { title: "Trends" };

export default async function TrendsPage() {
  const actor = await requirePageActor(access.trends, "/trends");
  // The API enforces the same rule; this only explains it on the page.
  const ownFiguresOnly = !hasRole(actor.role, SEES_EVERYONE);
  return (
    <>
      <PageHeader title="Trends" description="PsExec alert volume, response times, outcomes and backlog: a report to read, print or export." />
      <Suspense>
        <TrendsDashboard ownFiguresOnly={ownFiguresOnly} />
      </Suspense>
    </>
  );
}
