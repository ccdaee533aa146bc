import { routes } from "@/components/routes";
import { ChartIcon, CodeIcon, JobsIcon, SettingsIcon } from "@/components/ui/icons";

// The portal's sections, in sidebar order.
export const NAV_ITEMS = [
  { href: routes.overview, label: "Overview", Icon: ChartIcon },
  { href: routes.jobs, label: "Jobs", Icon: JobsIcon },
  { href: routes.apiDocs, label: "API", Icon: CodeIcon },
  { href: routes.settings, label: "Settings", Icon: SettingsIcon },
] as const;
