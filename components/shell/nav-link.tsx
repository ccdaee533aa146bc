"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ComponentType, SVGProps } from "react";
import { cn } from "@/components/ui/cn";

export interface NavLinkProps {
  href: string;
  label: string;
  Icon: ComponentType<SVGProps<SVGSVGElement>>;
  onNavigate?: () => void;
}

/** A sidebar link; a section's sub-pages (a job under /jobs) keep it current. */
export function NavLink({ href, label, Icon, onNavigate }: NavLinkProps) {
  const pathname = usePathname();
  const current = pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link
      href={href}
      onClick={onNavigate}
      aria-current={current ? "page" : undefined}
      className={cn(
        "group flex h-8 items-center gap-2.5 rounded-md px-2.5 text-sm font-medium transition-colors",
        "focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-focus",
        current
          ? "bg-default text-emphasis shadow-xs ring-1 ring-subtle"
          : "text-subtle hover:bg-emphasis/50 hover:text-emphasis",
      )}
    >
      <Icon className={cn("size-4", current ? "text-brand" : "text-muted group-hover:text-subtle")} />
      {label}
    </Link>
  );
}
