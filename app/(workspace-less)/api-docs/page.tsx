import { redirectIntoWorkspace } from "@/lib/auth/redirect-into-workspace";

// GET /api-docs — a link without a workspace: the same page in the user's workspace (lib/auth/redirect-into-workspace.ts).
export default async function ApiDocsWithoutWorkspace({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  return redirectIntoWorkspace("/api-docs", await searchParams);
}
