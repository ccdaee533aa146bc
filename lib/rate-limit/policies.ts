import { API_KEY_RATE_LIMIT } from "@/lib/api-keys/api-key-rate-limit";

// Every rate limit of the portal, in one place. Budgets are per key over a fixed window; a limit
// with `lockSeconds` locks the key for that long once its budget is spent. The counters live in
// PostgreSQL, so they hold across every portal process (lib/rate-limit/create-rate-limit.ts).
export interface RateLimitPolicy {
  /** Prefix of the stored keys, and the limit's name in logs. */
  name: string;
  /** Events allowed per window. */
  points: number;
  windowSeconds: number;
  /** Once the budget is spent, the key is refused for this long (from the event that spent it). */
  lockSeconds?: number;
}

/** Wrong passwords for one email: the 10th in 15 minutes locks that email for 15 minutes. */
export const SIGN_IN_FAILURES_PER_EMAIL: RateLimitPolicy = {
  name: "sign-in-email",
  points: 10,
  windowSeconds: 15 * 60,
  lockSeconds: 15 * 60,
};

/** Sign-in attempts from one client address, right or wrong: each costs a 128 MiB scrypt. */
export const SIGN_IN_ATTEMPTS_PER_ADDRESS: RateLimitPolicy = {
  name: "sign-in-address",
  points: 30,
  windowSeconds: 10 * 60,
};

/** New accounts from one client address (each costs a scrypt too, and makes a workspace). */
export const SIGN_UPS_PER_ADDRESS: RateLimitPolicy = { name: "sign-up-address", points: 5, windowSeconds: 60 * 60 };

/** Confirmation-link resends asked for from one client address. */
export const CONFIRMATION_RESENDS_PER_ADDRESS: RateLimitPolicy = {
  name: "resend-address",
  points: 10,
  windowSeconds: 60 * 60,
};

/**
 * Sign-up mails (confirmations, "someone tried") to one email address, whoever asks: beyond this
 * no mail is sent, silently, so sign-ups from many networks cannot flood someone's inbox and the
 * answer still says nothing about the address.
 */
export const SIGN_UP_MAILS_PER_EMAIL: RateLimitPolicy = {
  name: "sign-up-mails-email",
  points: 5,
  windowSeconds: 60 * 60,
};

/** Invites created or re-sent for one workspace (each may mail a stranger's address). */
export const INVITES_PER_WORKSPACE: RateLimitPolicy = { name: "invites-workspace", points: 30, windowSeconds: 60 * 60 };

/** Invites created or re-sent by one user, across their workspaces (a new workspace is a new budget above). */
export const INVITES_PER_USER: RateLimitPolicy = { name: "invites-user", points: 50, windowSeconds: 60 * 60 };

/** Password-reset requests from one client address. */
export const PASSWORD_RESETS_PER_ADDRESS: RateLimitPolicy = {
  name: "reset-address",
  points: 10,
  windowSeconds: 60 * 60,
};

/**
 * Password-reset mails to one email address, whoever asks: beyond this none is sent, silently
 * (the answer is the same for every address either way), like the sign-up mails.
 */
export const PASSWORD_RESET_MAILS_PER_EMAIL: RateLimitPolicy = {
  name: "reset-mails-email",
  points: 5,
  windowSeconds: 60 * 60,
};

/** Password changes by one user: each checks the current password (a scrypt), so a stolen session cannot guess it quickly. */
export const PASSWORD_CHANGES_PER_USER: RateLimitPolicy = {
  name: "password-change-user",
  points: 10,
  windowSeconds: 60 * 60,
};

/** Changes a signed-in user makes (every POST, PUT, PATCH and DELETE of the session routes). */
export const MUTATIONS_PER_USER: RateLimitPolicy = { name: "mutations-user", points: 60, windowSeconds: 60 };

/** Unknown or revoked API keys presented from one client address: beyond this, 429 before any lookup. */
export const API_KEY_FAILURES_PER_ADDRESS: RateLimitPolicy = {
  name: "api-key-failures-address",
  points: 20,
  windowSeconds: 60,
};

/** /v1 requests per API key: 10 a second on average, bursts of up to 20. */
export const REQUESTS_PER_API_KEY: RateLimitPolicy = {
  name: "api-key",
  points: API_KEY_RATE_LIMIT.burst,
  windowSeconds: API_KEY_RATE_LIMIT.burst / API_KEY_RATE_LIMIT.ratePerSecond,
};
