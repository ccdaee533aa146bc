// next-auth redirects back to the sign-in page with `?error=<code>`; these are the codes it uses
// (next-auth 4, pages.signIn), in words a user can act on.
const MESSAGES: Record<string, string> = {
  CredentialsSignin: "Incorrect email or password.",
  OAuthAccountNotLinked: "This email is already registered with another sign-in method. Use that one.",
  EmailSignin: "The sign-in email could not be sent. Try again in a moment.",
  Verification: "That sign-in link has expired or was already used. Request a new one.",
  SessionRequired: "Sign in to continue.",
  // lib/auth/allow-sign-in.ts: an email link refused for an account whose email was never confirmed.
  UnconfirmedAccount:
    "This email's account was created with a password or GitHub and its address was never confirmed, so a sign-in link cannot open it. Sign in the way the account was created.",
};

export function describeAuthError(code: string | string[] | undefined): string | null {
  if (typeof code !== "string" || code === "") return null;
  return MESSAGES[code] ?? "Sign-in failed. Try again.";
}
