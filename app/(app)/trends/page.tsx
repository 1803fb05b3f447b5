import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageActor } from "@/lib/server/auth/page-guard";
import { access } from "@/lib/roles";

export const metadata: Metadata = { title: "Trends" };

export default async function TrendsPage() {
  await requirePageActor(access.trends, "/trends");
  return <PageHeader title="Trends" description="Not built yet: see the open issue for this page." />;
}
