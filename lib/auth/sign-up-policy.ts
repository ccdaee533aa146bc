import "server-only";
import { type Env, env } from "@/lib/env";
import { ApiError } from "@/lib/http/api-error";

export type SignUpPolicy = Env["SIGN_UP"];

export function signUpPolicy(): SignUpPolicy {
  return env.SIGN_UP;
}

/** Whether an address may create an account without an invite (SIGN_UP). */
export function maySignUpWithoutInvite(email: string, policy: SignUpPolicy = signUpPolicy()): boolean {
  if (policy.kind === "open") return true;
  if (policy.kind === "invite-only") return false;
  const domain = email.slice(email.lastIndexOf("@") + 1).toLowerCase();
  return policy.domains.includes(domain);
}

/** The refusal of a sign-up SIGN_UP does not allow, saying what would be allowed. */
export function signUpRefusal(policy: SignUpPolicy = signUpPolicy()): ApiError {
  const message =
    policy.kind === "domains"
      ? `Sign-up here is for addresses at ${policy.domains.join(", ")}. For another address, ask a teammate for an invite.`
      : "Sign-up here needs an invite. Ask a teammate to invite you, then follow the link in the invite.";
  return new ApiError("FORBIDDEN", message, { details: [{ field: "email", issue: message }] });
}

/** Refuses (403) a sign-up without an invite that SIGN_UP does not allow. Decided by the address alone, so it tells nothing about accounts. */
export function assertMaySignUp(email: string, policy: SignUpPolicy = signUpPolicy()): void {
  if (!maySignUpWithoutInvite(email, policy)) throw signUpRefusal(policy);
}
