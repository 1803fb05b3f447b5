"use client";

import { useEffect, useRef } from "react";

type Handlers = { next: () => void; previous: () => void; open: () => void; assignToMe: () => void; close: () => void; search: () => void; help: () => void };

/** Queue shortcuts (j/k, Enter, a, c, /, ?); ignored while typing in a field or when a dialog is open. */
export function useQueueKeyboard(handlers: Handlers, enabled: boolean) {
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    if (!enabled) return;
    function onKey(event: KeyboardEvent) {
      const target = event.target as HTMLElement;
      if (event.metaKey || event.ctrlKey || event.altKey) return;
      if (target.closest("input, textarea, select, [contenteditable], dialog")) return;
      const action = ({ j: "next", k: "previous", Enter: "open", a: "assignToMe", c: "close", "/": "search", "?": "help" } as const)[event.key as "j"];
      if (!action) return;
      event.preventDefault();
      ref.current[action]();
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [enabled]);
}
