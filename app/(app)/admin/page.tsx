import type { Metadata } from "next";
import { AdminTabs } from "@/components/admin/admin-tabs";
import { UsersPanel } from "@/components/admin/users-panel";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageActor } from "@/lib/server/auth/page-guard";
import { access } from "@/lib/roles";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminPage() {
  await requirePageActor(access.admin, "/admin");
  return (
    <>
      <AdminTabs />
      <PageHeader title="Admin" description="Users and their roles. Role changes end the user's sessions at once." />
      <UsersPanel />
    </>
  );
}
