"use client";

import { routes, workspaceRoutes } from "@/components/routes";
import { cn } from "@/components/ui/cn";
import { CheckIcon, ChevronUpDownIcon, PlusIcon } from "@/components/ui/icons";
import { ROLE_LABELS } from "@/lib/auth/roles";
import type { WorkspaceSummary } from "@/lib/workspaces/types";
import { usePopover } from "./use-popover";

function Initial({ name, className }: { name: string; className?: string }) {
  return (
    <span
      aria-hidden="true"
      className={cn(
        "flex size-6 shrink-0 items-center justify-center rounded bg-brand text-2xs font-semibold text-brand uppercase",
        className,
      )}
    >
      {name.slice(0, 1)}
    </span>
  );
}

/**
 * The workspace this page is in, and the way to the others. Switching is a full page load of the
 * other workspace's URL, so nothing cached for this one (queries, live updates) follows along;
 * other tabs keep theirs, since the workspace is in each tab's URL.
 */
export function WorkspaceSwitcher({
  current,
  workspaces,
}: {
  current: WorkspaceSummary;
  workspaces: WorkspaceSummary[];
}) {
  const { open, rootRef, panelId, buttonProps } = usePopover();
  return (
    <div ref={rootRef} className="relative">
      <button
        type="button"
        {...buttonProps}
        className={cn(
          "flex w-full items-center gap-2.5 rounded-md border border-subtle bg-default px-2.5 py-2 text-left transition-colors",
          "hover:border-default focus-visible:outline-2 focus-visible:outline-focus",
        )}
      >
        <Initial name={current.name} />
        <span className="min-w-0 flex-1">
          <span className="block text-2xs font-medium tracking-wide text-subtle uppercase">
            Workspace · {ROLE_LABELS[current.role]}
          </span>
          <span className="block truncate text-ui font-medium text-emphasis" data-testid="workspace-name">
            {current.name}
          </span>
        </span>
        <ChevronUpDownIcon className="size-4 shrink-0 text-muted" />
        {/* Named by what it shows (WCAG 2.5.3: the visible words are in the name), then what it does. */}
        <span className="sr-only">Switch workspace</span>
      </button>
      {open && (
        <div
          id={panelId}
          className="absolute inset-x-0 top-full z-40 mt-2 rounded-lg border border-subtle bg-default p-1 shadow-lg"
        >
          <p className="px-2.5 pt-1.5 pb-1 text-2xs font-medium tracking-wide text-subtle uppercase">Your workspaces</p>
          <ul aria-label="Your workspaces" className="max-h-72 overflow-y-auto">
            {workspaces.map((workspace) => {
              const isCurrent = workspace.id === current.id;
              return (
                <li key={workspace.id}>
                  {/* A plain link: a full page load, so the other workspace starts with a fresh cache. */}
                  <a
                    href={workspaceRoutes(workspace.id).jobs}
                    aria-current={isCurrent ? "page" : undefined}
                    className="flex items-center gap-2.5 rounded-md px-2.5 py-1.5 text-sm text-default hover:bg-subtle focus-visible:outline-2 focus-visible:outline-focus"
                  >
                    <Initial name={workspace.name} className="size-5" />
                    <span className="min-w-0 flex-1">
                      <span className="block truncate font-medium text-emphasis">{workspace.name}</span>
                      <span className="block text-xs text-subtle">{ROLE_LABELS[workspace.role]}</span>
                    </span>
                    {isCurrent && <CheckIcon className="size-4 shrink-0 text-brand" />}
                  </a>
                </li>
              );
            })}
          </ul>
          <div className="mt-1 border-t border-subtle pt-1">
            <a
              href={routes.newWorkspace}
              className="flex h-8 items-center gap-2 rounded-md px-2.5 text-sm text-default hover:bg-subtle focus-visible:outline-2 focus-visible:outline-focus"
            >
              <PlusIcon />
              Create workspace
            </a>
          </div>
        </div>
      )}
    </div>
  );
}
