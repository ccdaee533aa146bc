// Response types of the sign-up routes, for client code that must not import server modules.
export type SignUpResponse = { status: "created"; userId: string; workspaceId: string } | { status: "check_email" };

export interface ResendConfirmationResponse {
  status: "check_email";
}

/** The next-auth credentials provider that follows confirmation links (lib/auth/confirmation-provider.ts). */
export const CONFIRMATION_PROVIDER_ID = "email-confirmation";

/** A sign-in way offered beside the password form (GitHub, email link), as the sign-in page lists them. */
export interface SignInProvider {
  id: string;
  name: string;
}
