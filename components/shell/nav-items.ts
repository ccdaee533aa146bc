import { CodeIcon, JobsIcon, SettingsIcon } from "@/components/ui/icons";

// The portal's sections, in sidebar order.
export const NAV_ITEMS = [
  { href: "/jobs", label: "Jobs", Icon: JobsIcon },
  { href: "/api-docs", label: "API", Icon: CodeIcon },
  { href: "/settings", label: "Settings", Icon: SettingsIcon },
] as const;
