import type { Role } from "@/lib/roles";

export type NavItem = { href: string; label: string; roles: readonly Role[] };

const everyone: readonly Role[] = ["analyst", "lead", "manager", "admin"];

export const navItems: NavItem[] = [
  { href: "/alerts", label: "Alerts", roles: everyone },
  { href: "/uploads", label: "Uploads", roles: ["analyst", "lead", "admin"] },
  { href: "/baselines", label: "Baselines", roles: everyone },
  { href: "/trends", label: "Trends", roles: everyone },
  { href: "/admin", label: "Admin", roles: ["admin"] },
];
