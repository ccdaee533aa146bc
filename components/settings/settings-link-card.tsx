import Link from "next/link";
import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { ArrowRightIcon } from "@/components/ui/icons";

export interface SettingsLinkCardProps {
  href: string;
  icon: ReactNode;
  title: string;
  description: string;
}

/** The way from Settings to a settings page of its own (webhooks, API keys, members, audit log). */
export function SettingsLinkCard({ href, icon, title, description }: SettingsLinkCardProps) {
  return (
    <Card>
      <Link
        href={href}
        className="group flex items-center gap-4 rounded-lg px-6 py-5 transition-colors hover:bg-subtle/60 focus-visible:outline-2 focus-visible:outline-focus"
      >
        <span className="flex size-9 shrink-0 items-center justify-center rounded-md bg-brand text-brand ring-1 ring-brand/10 ring-inset">
          {icon}
        </span>
        <span className="min-w-0 flex-1">
          <span className="block text-sm font-medium text-emphasis">{title}</span>
          <span className="block text-ui text-subtle">{description}</span>
        </span>
        <ArrowRightIcon className="size-4 text-muted transition-transform group-hover:translate-x-0.5" />
      </Link>
    </Card>
  );
}
