"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { apiFetch } from "@/lib/client/api";
import { Button } from "@/components/ui/button";
import { ThemeToggle } from "@/components/layout/theme-toggle";

export function UserMenu({ user }: { user: { name: string; email: string; role: string } }) {
  const router = useRouter();
  async function signOut() {
    await apiFetch("/api/auth/sign-out", { method: "POST", json: {} }).catch(() => undefined);
    router.replace("/sign-in");
    router.refresh();
  }
  return (
    <div className="flex items-center gap-3">
      <ThemeToggle />
      <Link href="/account" className="text-right leading-tight hover:underline">
        <span className="block text-xs font-medium">{user.email}</span>
        <span className="block text-[11px] text-slate-500 capitalize" data-testid="current-role">{user.role}</span>
      </Link>
      <Button variant="secondary" size="sm" onClick={signOut}>
        Sign out
      </Button>
    </div>
  );
}
