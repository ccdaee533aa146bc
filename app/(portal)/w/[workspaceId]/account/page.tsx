import { ChangePasswordForm } from "@/components/account/change-password-form";
import { SignOutEverywhereButton } from "@/components/account/sign-out-everywhere-button";
import { SettingsSection } from "@/components/settings/settings-section";
import { PageHeader } from "@/components/ui/page-header";
import { requireMembership } from "@/lib/auth/session";

export const metadata = { title: "Account" };

// GET /w/{workspaceId}/account — the signed-in user: their password and sessions (they belong to no workspace).
export default async function AccountPage() {
  const membership = await requireMembership();
  return (
    <>
      <PageHeader title="Account" description={`Signed in as ${membership.email}.`} />
      <div className="divide-y divide-subtle">
        <SettingsSection
          id="password"
          title="Password"
          description="Changing it signs you out of every other browser and device."
        >
          <ChangePasswordForm email={membership.email} />
        </SettingsSection>
        <SettingsSection
          id="sessions"
          title="Sessions"
          description="Lost a laptop or signed in on a shared computer? End every session of yours at once."
        >
          <SignOutEverywhereButton />
        </SettingsSection>
      </div>
    </>
  );
}
