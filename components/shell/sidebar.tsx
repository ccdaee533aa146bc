import Link from "next/link";
import { ProductMark } from "@/components/product-mark";
import { ThemeToggle } from "@/components/theme-toggle";
import { NAV_ITEMS } from "./nav-items";
import { NavLink } from "./nav-link";
import { UserMenu } from "./user-menu";

export interface SidebarProps {
  workspaceName: string;
  email: string;
  /** Called when a link is followed, so the mobile drawer can close. */
  onNavigate?: () => void;
}

export function Sidebar({ workspaceName, email, onNavigate }: SidebarProps) {
  return (
    <div className="flex h-full flex-col gap-6 px-3 py-4">
      <Link href="/jobs" onClick={onNavigate} className="rounded-md px-2 focus-visible:outline-2 focus-visible:outline-brand-500">
        <ProductMark />
      </Link>
      <div className="flex items-center gap-2.5 rounded-md border border-zinc-200 bg-white px-2.5 py-2 dark:border-zinc-800 dark:bg-zinc-900">
        <span aria-hidden="true" className="flex size-6 shrink-0 items-center justify-center rounded bg-brand-100 text-[11px] font-semibold text-brand-700 uppercase dark:bg-brand-500/20 dark:text-brand-100">
          {workspaceName.slice(0, 1)}
        </span>
        <div className="min-w-0">
          <p className="text-[11px] font-medium tracking-wide text-zinc-500 uppercase dark:text-zinc-500">Workspace</p>
          <p className="truncate text-[13px] font-medium text-zinc-900 dark:text-zinc-100" data-testid="workspace-name">
            {workspaceName}
          </p>
        </div>
      </div>
      <nav aria-label="Main" className="flex-1">
        <ul className="space-y-0.5">
          {NAV_ITEMS.map((item) => (
            <li key={item.href}>
              <NavLink {...item} onNavigate={onNavigate} />
            </li>
          ))}
        </ul>
      </nav>
      <div className="space-y-3">
        <ThemeToggle />
        <UserMenu email={email} />
      </div>
    </div>
  );
}
