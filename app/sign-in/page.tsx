import type { Metadata } from "next";
import { SignInForm } from "@/components/auth/sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  // Only same-site paths are accepted as a return address (no open redirect).
  const returnTo = next && next.startsWith("/") && !next.startsWith("//") ? next : "/";
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex items-center gap-2">
          <span className="inline-flex h-8 w-8 items-center justify-center rounded-md bg-sky-600 font-bold text-white">L</span>
          <span className="text-lg font-semibold">Lateral</span>
        </div>
        <SignInForm returnTo={returnTo} />
        <p className="mt-4 text-xs text-slate-500">PsExec lateral-movement detection and triage.</p>
      </div>
    </main>
  );
}
