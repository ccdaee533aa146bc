import { JobsIcon, SettingsIcon } from "@/components/ui/icons";

// The portal's sections. An "API" entry joins when the API docs page exists.
export const NAV_ITEMS = [
  { href: "/jobs", label: "Jobs", Icon: JobsIcon },
  { href: "/settings", label: "Settings", Icon: SettingsIcon },
] as const;
