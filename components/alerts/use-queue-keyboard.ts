"use client";

import { useEffect, useRef } from "react";

type Handlers = { next: () => void; previous: () => void; open: () => void; assignToMe: () => void; close: () => void; search: () => void; help: () => void };

/** Queue shortcuts (j/k, Enter, a, c, /, ?); ignored while typing in a field or when a dialog is open. */
export function useQueueKeyboard(handlers: Handlers) {
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const target = event.target as HTMLElement;
      if (event.metaKey || event.ctrlKey || event.altKey) return;
      // Checked at key time (not by re-subscribing) so a key right after a dialog closes is not lost.
      if (document.querySelector("dialog[open]")) return;
      if (target.closest?.("input, textarea, select, [contenteditable]")) return;
      const action = ({ j: "next", k: "previous", Enter: "open", a: "assignToMe", c: "close", "/": "search", "?": "help" } as const)[event.key as "j"];
      if (!action) return;
      event.preventDefault();
      ref.current[action]();
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}
