import { redirectIntoWorkspace } from "@/lib/auth/redirect-into-workspace";

// GET /account — a link without a workspace: the same page in the user's workspace (lib/auth/redirect-into-workspace.ts).
export default async function AccountWithoutWorkspace({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  return redirectIntoWorkspace("/account", await searchParams);
}
