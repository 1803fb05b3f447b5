import type { Metadata } from "next";
import { AdminTabs } from "@/components/admin/admin-tabs";
import { ConnectionsPage } from "@/components/connections/connections-page";
import { requirePageActor } from "@/lib/server/auth/page-guard";
import { access } from "@/lib/roles";

export const metadata: Metadata = { title: "Connections" };

export default async function Page() {
  await requirePageActor(access.admin, "/admin/connections");
  return (
    <>
      <AdminTabs />
      <ConnectionsPage />
    </>
  );
}
