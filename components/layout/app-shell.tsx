import Link from "next/link";
import type { ReactNode } from "react";
import { NavLinks } from "@/components/layout/nav-links";
import { UserMenu } from "@/components/layout/user-menu";
import { navItems } from "@/components/layout/nav-items";
import type { Role } from "@/lib/roles";

export function AppShell({ user, children }: { user: { name: string; email: string; role: Role }; children: ReactNode }) {
  const items = navItems.filter((item) => item.roles.includes(user.role));
  return (
    <div className="flex min-h-screen flex-col">
      <header className="sticky top-0 z-20 print:hidden border-b border-slate-200 bg-white/95 backdrop-blur dark:border-slate-800 dark:bg-slate-950/95">
        <div className="flex h-12 items-center gap-6 px-4">
          <Link href="/" className="flex items-center gap-2 font-semibold">
            <span className="inline-flex h-6 w-6 items-center justify-center rounded bg-sky-600 text-xs font-bold text-white">L</span>
            Lateral
          </Link>
          <NavLinks items={items.map(({ href, label }) => ({ href, label }))} />
          <div className="ml-auto">
            <UserMenu user={user} />
          </div>
        </div>
      </header>
      <main className="flex-1 px-4 py-5">{children}</main>
    </div>
  );
}
