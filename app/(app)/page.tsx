import type { Metadata } from "next";
import Link from "next/link";
import { navItems } from "@/components/layout/nav-items";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageActor } from "@/lib/server/auth/page-guard";
import { access } from "@/lib/roles";

export const metadata: Metadata = { title: "Home" };

const descriptions: Record<string, string> = {
  "/alerts": "Triage PsExec alerts by playbook priority and work through the response steps.",
  "/uploads": "Bring EVTX, Sysmon XML, Winlogbeat/Elastic JSON or NXLog files; detection runs on upload.",
  "/baselines": "Approved admin activity: who may run PsExec, from where, to where, until when.",
  "/trends": "Priority trends, time to acknowledge and close, outcomes and backlog.",
  "/admin": "Users, roles and connections.",
};

export default async function HomePage() {
  const actor = await requirePageActor(access.anyone, "/");
  const items = navItems.filter((item) => item.roles.includes(actor.role));
  return (
    <>
      <PageHeader title={`Welcome, ${actor.name}`} description={`Signed in as ${actor.role}. Detection: PsExec Network Connection (Elastic rule 55d551c6).`} />
      <div className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3">
        {items.map((item) => (
          <Link
            key={item.href}
            href={item.href}
            className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm transition hover:border-sky-400 hover:shadow dark:border-slate-800 dark:bg-slate-900"
          >
            <h2 className="font-semibold">{item.label}</h2>
            <p className="mt-1 text-slate-600 dark:text-slate-400">{descriptions[item.href]}</p>
          </Link>
        ))}
      </div>
    </>
  );
}
