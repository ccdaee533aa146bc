import Link from "next/link";
import { redirect } from "next/navigation";
import { AUTH_LINK_CLASSES, AuthCard } from "@/components/auth/auth-card";
import { routes } from "@/components/routes";
import { CreateWorkspaceForm } from "@/components/workspaces/create-workspace-form";
import { getSignedInUser } from "@/lib/auth/signed-in-user";
import { listUserWorkspaces } from "@/lib/workspaces/list-user-workspaces";

export const metadata = { title: "Create a workspace" };

// GET /workspaces/new — any signed-in user: a new workspace they own (also where a user with none lands).
export default async function NewWorkspacePage() {
  const user = await getSignedInUser();
  if (!user) redirect(`${routes.signIn}?${new URLSearchParams({ callbackUrl: routes.newWorkspace })}`);
  const workspaces = await listUserWorkspaces(user.userId);
  return (
    <AuthCard
      title={workspaces.length > 0 ? "Create another workspace" : "Create a workspace"}
      footer={
        workspaces.length > 0 ? (
          <Link href={routes.jobs} className={AUTH_LINK_CLASSES}>
            Back to your workspace
          </Link>
        ) : (
          "You are in no workspace yet: create one, or ask a teammate to invite you to theirs."
        )
      }
    >
      <CreateWorkspaceForm />
    </AuthCard>
  );
}
