import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto mt-24 max-w-md rounded-lg border border-slate-200 bg-white p-8 text-center shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <p className="text-xs font-semibold tracking-wide text-slate-500 uppercase">404 · Not found</p>
      <h1 className="mt-2 text-xl font-semibold">Nothing here</h1>
      <Link href="/" className="mt-6 inline-block rounded-md bg-slate-900 px-4 py-2 text-white dark:bg-slate-100 dark:text-slate-900">
        Back to Lateral
      </Link>
    </main>
  );
}
