import { parseSignInErrorCode } from "./sign-in-errors";

// next-auth redirects back to the sign-in page with `?error=<code>`; these are the codes it uses
// (next-auth 4, pages.signIn), in words a user can act on.
const MESSAGES: Record<string, string> = {
  CredentialsSignin: "Incorrect email or password.",
  OAuthAccountNotLinked: "This email is already registered with another sign-in method. Use that one.",
  EmailSignin: "The sign-in email could not be sent. Try again in a moment.",
  Verification: "That sign-in link has expired or was already used. Request a new one.",
  SessionRequired: "Sign in to continue.",
  // lib/auth/allow-sign-in.ts: SIGN_UP does not let this address create an account.
  SignUpClosed:
    "This portal creates accounts by invite only (or for some email domains). Ask a teammate to invite you.",
  // lib/auth/allow-sign-in.ts: an email link refused for an account whose email was never confirmed.
  UnconfirmedAccount:
    "This email's account was created with a password or GitHub and its address was never confirmed, so a sign-in link cannot open it. Sign in the way the account was created.",
};

function minutesUntil(until: Date, now: number): string {
  // To the nearest minute: the code's time is rounded up to the second, so a 15-minute lock must not read "16".
  const minutes = Math.max(1, Math.round((until.getTime() - now) / 60_000));
  return minutes === 1 ? "1 minute" : `${minutes} minutes`;
}

export function describeAuthError(code: string | string[] | null | undefined, now: number = Date.now()): string | null {
  if (typeof code !== "string" || code === "") return null;
  const refusal = parseSignInErrorCode(code);
  if (refusal?.refusal === "SignInLocked") {
    return `Too many failed sign-ins for this email. It is locked for now: try again in ${minutesUntil(refusal.until, now)}.`;
  }
  if (refusal?.refusal === "SignInRateLimited") {
    return `Too many sign-in attempts from your network. Try again in ${minutesUntil(refusal.until, now)}.`;
  }
  return MESSAGES[code] ?? "Sign-in failed. Try again.";
}
