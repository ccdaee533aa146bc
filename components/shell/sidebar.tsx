import Link from "next/link";
import { ProductMark } from "@/components/product-mark";
import { workspaceRoutes } from "@/components/routes";
import { ThemeToggle } from "@/components/theme-toggle";
import type { WorkspaceSummary } from "@/lib/workspaces/types";
import { navItems } from "./nav-items";
import { NavLink } from "./nav-link";
import { UserMenu } from "./user-menu";
import { WorkspaceSwitcher } from "./workspace-switcher";

export interface SidebarProps {
  /** The workspace this page is in. */
  workspace: WorkspaceSummary;
  /** Every workspace of the user, for the switcher. */
  workspaces: WorkspaceSummary[];
  email: string;
  /** Called when a link is followed, so the mobile drawer can close. */
  onNavigate?: () => void;
}

export function Sidebar({ workspace, workspaces, email, onNavigate }: SidebarProps) {
  const routes = workspaceRoutes(workspace.id);
  return (
    <div className="flex h-full flex-col gap-6 px-3 py-4">
      <Link
        href={routes.jobs}
        onClick={onNavigate}
        className="rounded-md px-2 focus-visible:outline-2 focus-visible:outline-focus"
      >
        <ProductMark />
      </Link>
      <WorkspaceSwitcher current={workspace} workspaces={workspaces} />
      <nav aria-label="Main" className="flex-1">
        <ul className="space-y-0.5">
          {navItems(routes).map((item) => (
            <li key={item.href}>
              <NavLink {...item} onNavigate={onNavigate} />
            </li>
          ))}
        </ul>
      </nav>
      <div className="space-y-3">
        <ThemeToggle />
        <UserMenu email={email} accountHref={routes.account} onNavigate={onNavigate} />
      </div>
    </div>
  );
}
