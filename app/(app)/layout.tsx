import { headers } from "next/headers";
import type { ReactNode } from "react";
import { AppShell } from "@/components/layout/app-shell";
import { Providers } from "@/components/providers";
import { requirePageActor } from "@/lib/server/auth/page-guard";
import { access } from "@/lib/roles";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const actor = await requirePageActor(access.anyone, (await headers()).get("x-lateral-path") ?? "/");
  return (
    <Providers>
      <AppShell user={{ name: actor.name, email: actor.email, role: actor.role }}>{children}</AppShell>
    </Providers>
  );
}
