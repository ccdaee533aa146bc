import { env } from "@/lib/env";

// Sign-up leaves a random nonce in the browser; the pending sign-up keeps its hash. The emailed
// link then confirms without asking anything only in that browser — anyone else who holds the
// link (the mailbox owner clicking a sign-up someone else made in their name) must also know the
// password chosen at sign-up.
const MAX_AGE_SECONDS = 24 * 60 * 60;

function isSecure(): boolean {
  return env.NEXTAUTH_URL?.startsWith("https:") ?? false;
}

/** `__Host-` (Secure, whole site, no Domain) whenever the portal is served over https. */
export function signUpCookieName(): string {
  return isSecure() ? "__Host-jobs-portal.sign-up" : "jobs-portal.sign-up";
}

export function serializeSignUpCookie(nonce: string): string {
  const attributes = [
    `${signUpCookieName()}=${nonce}`,
    "Path=/",
    `Max-Age=${MAX_AGE_SECONDS}`,
    "HttpOnly",
    "SameSite=Lax",
  ];
  if (isSecure()) attributes.push("Secure");
  return attributes.join("; ");
}

/** The nonce from a Cookie header, if the browser has one. */
export function readSignUpCookie(cookieHeader: string | null | undefined): string | undefined {
  const name = signUpCookieName();
  for (const part of cookieHeader?.split(";") ?? []) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return value.join("=") || undefined;
  }
  return undefined;
}
