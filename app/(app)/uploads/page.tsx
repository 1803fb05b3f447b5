import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { UploadsPage } from "@/components/uploads/uploads-page";
import { requirePageActor } from "@/lib/server/auth/page-guard";
import { access } from "@/lib/roles";

export const metadata: Metadata = { title: "Uploads" };

export default async function Page() {
  await requirePageActor(access.triage, "/uploads");
  return (
    <>
      <PageHeader title="Uploads" description="Logs are parsed, normalized to ECS and run through detection in the background." />
      <UploadsPage />
    </>
  );
}
