"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useWorkspaceRoutes } from "@/components/shell/use-workspace-routes";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useShortcuts } from "@/components/ui/use-shortcuts";

// The Jobs pages' keyboard: "/" to search, j/k through the list, Enter to open, Esc back to the
// list — and "?" for this overlay, which lists them.
const SHORTCUTS: Array<[keys: string[], what: string]> = [
  [["/"], "Search by job id"],
  [["j"], "Next job in the list"],
  [["k"], "Previous job in the list"],
  [["Enter"], "Open the selected job"],
  [["Esc"], "Back to the Jobs list (from a job)"],
  [["?"], "Show these shortcuts"],
];

const ROW_LINKS = '[data-testid="job-row"] a';

/** Moves focus to the next (1) or previous (-1) job's link; from outside the list, to the first. */
function moveThroughJobs(step: 1 | -1) {
  const links = [...document.querySelectorAll<HTMLAnchorElement>(ROW_LINKS)];
  if (links.length === 0) return;
  const at = links.indexOf(document.activeElement as HTMLAnchorElement);
  const next = at === -1 ? 0 : Math.min(links.length - 1, Math.max(0, at + step));
  links[next].focus();
  links[next].scrollIntoView({ block: "nearest" });
}

function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Keyboard shortcuts"
      footer={
        <Button variant="secondary" onClick={onClose}>
          Close
        </Button>
      }
    >
      <dl className="divide-y divide-muted text-sm">
        {SHORTCUTS.map(([keys, what]) => (
          <div key={what} className="flex items-center justify-between gap-4 py-2">
            <dt className="text-default">{what}</dt>
            <dd className="flex gap-1">
              {keys.map((key) => (
                <kbd
                  key={key}
                  className="min-w-6 rounded border border-default bg-muted px-1.5 py-0.5 text-center font-mono text-caption text-emphasis shadow-xs"
                >
                  {key}
                </kbd>
              ))}
            </dd>
          </div>
        ))}
      </dl>
    </Dialog>
  );
}

/** On the Jobs list (`searchId` names its search box) or on a job page (none). */
export function KeyboardShortcuts({ searchId }: { searchId?: string }) {
  const router = useRouter();
  const routes = useWorkspaceRoutes();
  const [open, setOpen] = useState(false);
  useShortcuts(
    searchId
      ? {
          "/": () => document.getElementById(searchId)?.focus(),
          j: () => moveThroughJobs(1),
          k: () => moveThroughJobs(-1),
          "?": () => setOpen(true),
        }
      : {
          // biome-ignore lint/correctness/noComponentHookFactories: "Escape" is a KeyboardEvent key, not a component.
          Escape: () => router.push(routes.jobs),
          "?": () => setOpen(true),
        },
  );
  return <ShortcutsDialog open={open} onClose={() => setOpen(false)} />;
}
