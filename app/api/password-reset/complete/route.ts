import { completePasswordReset } from "@/lib/auth/complete-password-reset";
import { completePasswordResetSchema } from "@/lib/auth/schemas";
import { parseJsonBody } from "@/lib/http/parse-json-body";
import { rateLimits } from "@/lib/rate-limit/rate-limits";
import { withPublicRoute } from "@/lib/route/with-public-route";

// POST /api/password-reset/complete {token, password} — whoever holds a reset link: the new password
// (every session signed out); answers the account's email so the page can sign in with it.
export const POST = withPublicRoute(
  async ({ request }) => {
    const { token, password } = await parseJsonBody(request, completePasswordResetSchema);
    return Response.json(await completePasswordReset(token, password));
  },
  // Each costs a scrypt, like a sign-in: the address's sign-in budget.
  {
    rateLimit: {
      limit: rateLimits.signInAttemptsPerAddress,
      message: (wait) => `Too many attempts from your network. Try again in ${wait}.`,
    },
  },
);
