import Link from "next/link";
import { PageHeader, type PageHeaderProps } from "@/components/ui/page-header";

export interface SettingsPageHeaderProps extends Omit<PageHeaderProps, "eyebrow"> {
  /** The Settings page, linked above the title. */
  settingsHref: string;
}

/** The header of a page of its own under Settings (API keys, webhooks): its title under the way back to Settings. */
export function SettingsPageHeader({ settingsHref, ...props }: SettingsPageHeaderProps) {
  return (
    <PageHeader
      eyebrow={
        <Link href={settingsHref} className="hover:text-emphasis">
          Settings
        </Link>
      }
      {...props}
    />
  );
}
