import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageActor } from "@/lib/server/auth/page-guard";
import { access } from "@/lib/roles";

export const metadata: Metadata = { title: "Baselines" };

export default async function BaselinesPage() {
  await requirePageActor(access.anyone, "/baselines");
  return <PageHeader title="Baselines" description="Not built yet: see the open issue for this page." />;
}
