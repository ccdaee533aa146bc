import Link from "next/link";
import type { ReactNode } from "react";
import { buttonClassName } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export interface ResourceNotFoundProps {
  icon: ReactNode;
  title: string;
  description: string;
  /** The list the resource would be in, and the button's label for it. */
  back: { href: string; label: string };
}

/** A portal page's answer to an id this workspace does not have: what is missing, and the way back to its list. */
export function ResourceNotFound({ icon, title, description, back }: ResourceNotFoundProps) {
  return (
    <EmptyState
      className="mt-10"
      icon={icon}
      title={title}
      description={description}
      action={
        <Link href={back.href} className={buttonClassName("primary", "sm")}>
          {back.label}
        </Link>
      }
    />
  );
}
