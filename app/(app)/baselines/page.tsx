import type { Metadata } from "next";
import { BaselinesPage } from "@/components/baselines/baselines-page";
import { requirePageActor } from "@/lib/server/auth/page-guard";
import { access, hasRole } from "@/lib/roles";

export const metadata: Metadata = { title: "Baselines" };

export default async function Page({ searchParams }: { searchParams: Promise<{ state?: string }> }) {
  const actor = await requirePageActor(access.anyone, "/baselines");
  const { state } = await searchParams;
  return <BaselinesPage canWrite={hasRole(actor.role, access.baselineWrite)} initialState={state ?? "active"} />;
}
