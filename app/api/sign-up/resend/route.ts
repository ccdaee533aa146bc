import { after } from "next/server";
import { resendSignUpConfirmation } from "@/lib/auth/resend-sign-up-confirmation";
import { resendConfirmationSchema } from "@/lib/auth/schemas";
import { readSignUpCookie } from "@/lib/auth/sign-up-cookie";
import { getMailer } from "@/lib/email/mailer";
import { parseJsonBody } from "@/lib/http/parse-json-body";
import { logger } from "@/lib/log/logger";
import { rateLimits } from "@/lib/rate-limit/rate-limits";
import { withPublicRoute } from "@/lib/route/with-public-route";

// POST /api/sign-up/resend — anyone, same origin, 10 an hour per client address: 202 for every email. The mail, if a sign-up waits
// there, goes out after the answer, so neither the answer nor its timing tells who is waiting.
export const POST = withPublicRoute(
  async ({ request }) => {
    const { email } = await parseJsonBody(request, resendConfirmationSchema);
    const browserNonce = readSignUpCookie(request.headers.get("cookie"));
    after(() =>
      resendSignUpConfirmation(email, browserNonce, getMailer()).catch((error: unknown) =>
        logger.error({ error }, "resend confirmation failed"),
      ),
    );
    return Response.json({ status: "check_email" }, { status: 202 });
  },
  {
    rateLimit: {
      limit: rateLimits.confirmationResendsPerAddress,
      message: (wait) => `Too many requests for confirmation mails. Try again in ${wait}.`,
    },
  },
);
