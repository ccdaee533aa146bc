import { createRateLimit } from "./create-rate-limit";
import {
  API_KEY_FAILURES_PER_ADDRESS,
  CONFIRMATION_RESENDS_PER_ADDRESS,
  INVITES_PER_USER,
  INVITES_PER_WORKSPACE,
  MUTATIONS_PER_USER,
  PASSWORD_CHANGES_PER_USER,
  PASSWORD_RESET_MAILS_PER_EMAIL,
  PASSWORD_RESETS_PER_ADDRESS,
  REQUESTS_PER_API_KEY,
  SIGN_IN_ATTEMPTS_PER_ADDRESS,
  SIGN_IN_FAILURES_PER_EMAIL,
  SIGN_UP_MAILS_PER_EMAIL,
  SIGN_UPS_PER_ADDRESS,
} from "./policies";

// One limiter per policy per process; their counters are shared through PostgreSQL.
export const rateLimits = {
  signInFailuresPerEmail: createRateLimit(SIGN_IN_FAILURES_PER_EMAIL),
  signInAttemptsPerAddress: createRateLimit(SIGN_IN_ATTEMPTS_PER_ADDRESS),
  signUpsPerAddress: createRateLimit(SIGN_UPS_PER_ADDRESS),
  confirmationResendsPerAddress: createRateLimit(CONFIRMATION_RESENDS_PER_ADDRESS),
  signUpMailsPerEmail: createRateLimit(SIGN_UP_MAILS_PER_EMAIL),
  mutationsPerUser: createRateLimit(MUTATIONS_PER_USER),
  invitesPerWorkspace: createRateLimit(INVITES_PER_WORKSPACE),
  invitesPerUser: createRateLimit(INVITES_PER_USER),
  passwordResetsPerAddress: createRateLimit(PASSWORD_RESETS_PER_ADDRESS),
  passwordResetMailsPerEmail: createRateLimit(PASSWORD_RESET_MAILS_PER_EMAIL),
  passwordChangesPerUser: createRateLimit(PASSWORD_CHANGES_PER_USER),
  apiKeyFailuresPerAddress: createRateLimit(API_KEY_FAILURES_PER_ADDRESS),
  requestsPerApiKey: createRateLimit(REQUESTS_PER_API_KEY),
};
