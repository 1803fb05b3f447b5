import { Dialog } from "@/components/ui/dialog";
import { Button } from "@/components/ui/button";

const SHORTCUTS = [
  ["j / k", "next / previous alert"],
  ["Enter", "open the focused alert"],
  ["a", "assign the focused alert to me"],
  ["c", "close the focused alert (with a classification)"],
  ["/", "search command lines"],
  ["?", "this help"],
] as const;

export function KeyboardHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} onClose={onClose} title="Keyboard shortcuts">
      <dl className="grid grid-cols-[6rem_1fr] gap-y-1.5 text-sm">
        {SHORTCUTS.map(([key, text]) => (
          <div key={key} className="contents">
            <dt><kbd className="rounded border border-slate-300 bg-slate-100 px-1.5 py-0.5 font-mono text-xs dark:border-slate-600 dark:bg-slate-800">{key}</kbd></dt>
            <dd>{text}</dd>
          </div>
        ))}
      </dl>
      <div className="mt-4 flex justify-end"><Button variant="secondary" onClick={onClose}>Done</Button></div>
    </Dialog>
  );
}
