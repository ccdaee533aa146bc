import { redirectIntoWorkspace } from "@/lib/auth/redirect-into-workspace";

type Props = {
  params: Promise<{ rest?: string[] }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// GET /settings/… — a link without a workspace: the same page in the user's workspace (lib/auth/redirect-into-workspace.ts).
export default async function SettingsWithoutWorkspace({ params, searchParams }: Props) {
  const [{ rest = [] }, query] = await Promise.all([params, searchParams]);
  return redirectIntoWorkspace(["/settings", ...rest.map(encodeURIComponent)].join("/"), query);
}
