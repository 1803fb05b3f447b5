"use client";

import { Button } from "@/components/ui/button";

export function ThemeToggle() {
  function toggle() {
    const dark = document.documentElement.classList.toggle("dark");
    localStorage.setItem("theme", dark ? "dark" : "light");
  }
  return (
    <Button variant="ghost" size="sm" onClick={toggle} aria-label="Toggle dark mode" title="Toggle dark mode">
      ◐
    </Button>
  );
}
