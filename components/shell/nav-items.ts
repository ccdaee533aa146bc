import type { WorkspaceRoutes } from "@/components/routes";
import { CodeIcon, JobsIcon, SettingsIcon } from "@/components/ui/icons";

// The portal's sections, in sidebar order, in the current workspace.
export function navItems(routes: WorkspaceRoutes) {
  return [
    { href: routes.jobs, label: "Jobs", Icon: JobsIcon },
    { href: routes.apiDocs, label: "API", Icon: CodeIcon },
    { href: routes.settings, label: "Settings", Icon: SettingsIcon },
  ] as const;
}
