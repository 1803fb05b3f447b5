import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { AdminTabs } from "@/components/admin/admin-tabs";
import { ConnectionDetailPage } from "@/components/connections/connection-detail-page";
import { requirePageActor } from "@/lib/server/auth/page-guard";
import { access } from "@/lib/roles";

export const metadata: Metadata = { title: "Connection" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePageActor(access.admin, `/admin/connections/${encodeURIComponent(id)}`);
  if (!z.string().uuid().safeParse(id).success) notFound();
  return (
    <>
      <AdminTabs />
      <ConnectionDetailPage id={id} />
    </>
  );
}
