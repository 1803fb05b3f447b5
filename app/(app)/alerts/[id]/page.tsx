import type { Metadata } from "next";
import { AlertPage } from "@/components/alert-page/alert-page";
import { requirePageActor } from "@/lib/server/auth/page-guard";
import { access, hasRole } from "@/lib/roles";

export const metadata: Metadata = { title: "Alert" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor(access.anyone, `/alerts/${id}`);
  return <AlertPage id={id} me={actor.userId} canTriage={hasRole(actor.role, access.triage)} />;
}
