import type { Metadata } from "next";
import { TokensPanel } from "@/components/account/tokens-panel";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageActor } from "@/lib/server/auth/page-guard";
import { access } from "@/lib/roles";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const actor = await requirePageActor(access.anyone, "/account");
  return (
    <>
      <PageHeader title="Account" description={`${actor.email} · ${actor.role}`} />
      <TokensPanel />
    </>
  );
}
