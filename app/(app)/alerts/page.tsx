import type { Metadata } from "next";
import { Suspense } from "react";
import { AlertQueue } from "@/components/alerts/alert-queue";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageActor } from "@/lib/server/auth/page-guard";
import { access, hasRole } from "@/lib/roles";

export const metadata: Metadata = { title: "Alerts" };

export default async function AlertsPage() {
  const actor = await requirePageActor(access.anyone, "/alerts");
  return (
    <>
      <PageHeader title="Alerts" description="PsExec activity by playbook priority. j/k to move, Enter to open, ? for shortcuts." />
      <Suspense>
        <AlertQueue me={{ id: actor.userId, email: actor.email }} canTriage={hasRole(actor.role, access.triage)} />
      </Suspense>
    </>
  );
}
