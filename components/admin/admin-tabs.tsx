"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const TABS = [
  { href: "/admin", label: "Users" },
  { href: "/admin/connections", label: "Connections" },
];

/** The admin area's sections; the main nav has one "Admin" entry for all of them. */
export function AdminTabs() {
  const pathname = usePathname();
  const current = TABS.findLast((tab) => pathname === tab.href || pathname.startsWith(`${tab.href}/`));
  return (
    <nav aria-label="Admin sections" className="mb-4 flex gap-1 border-b border-slate-200 dark:border-slate-800">
      {TABS.map((tab) => (
        <Link
          key={tab.href}
          href={tab.href}
          aria-current={tab === current ? "page" : undefined}
          className={`-mb-px border-b-2 px-3 py-1.5 text-sm ${tab === current
            ? "border-sky-600 font-medium text-sky-700 dark:text-sky-300"
            : "border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-slate-100"}`}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
