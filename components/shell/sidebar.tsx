import Link from "next/link";
import { ProductMark } from "@/components/product-mark";
import { routes } from "@/components/routes";
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
      <Link href={routes.overview} onClick={onNavigate} className="rounded-md px-2 focus-visible:outline-2 focus-visible:outline-focus">
        <ProductMark />
      </Link>
      <div className="flex items-center gap-2.5 rounded-md border border-subtle bg-default px-2.5 py-2">
        <span aria-hidden="true" className="flex size-6 shrink-0 items-center justify-center rounded bg-brand text-2xs font-semibold text-brand uppercase">
          {workspaceName.slice(0, 1)}
        </span>
        <div className="min-w-0">
          <p className="text-2xs font-medium tracking-wide text-subtle uppercase">Workspace</p>
          <p className="truncate text-ui font-medium text-emphasis" data-testid="workspace-name">
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
