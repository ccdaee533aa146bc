import { requestPasswordReset } from "@/lib/auth/password-reset";
import { requestPasswordResetSchema } from "@/lib/auth/schemas";
import { getMailer } from "@/lib/email/mailer";
import { ApiError } from "@/lib/http/api-error";
import { parseJsonBody } from "@/lib/http/parse-json-body";
import { rateLimits } from "@/lib/rate-limit/rate-limits";
import { withPublicRoute } from "@/lib/route/with-public-route";

// POST /api/password-reset {email} — anyone, 10 an hour per client address: 202 for every email (a link is mailed when it has an account).
export const POST = withPublicRoute(
  async ({ request }) => {
    const mailer = getMailer();
    if (!mailer) {
      throw new ApiError(
        "CONFLICT",
        "This portal sends no email. Ask your operator for a reset link: npm run user:reset-password -- you@example.com",
      );
    }
    const { email } = await parseJsonBody(request, requestPasswordResetSchema);
    await requestPasswordReset(email, mailer);
    return Response.json({ status: "check_email" }, { status: 202 });
  },
  {
    rateLimit: {
      limit: rateLimits.passwordResetsPerAddress,
      message: (wait) => `Too many reset requests from your network. Try again in ${wait}.`,
    },
  },
);
