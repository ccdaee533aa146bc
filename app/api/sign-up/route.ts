import { signUpSchema } from "@/lib/auth/schemas";
import { serializeSignUpCookie } from "@/lib/auth/sign-up-cookie";
import { signUpUser } from "@/lib/auth/sign-up-user";
import { parseJsonBody } from "@/lib/http/parse-json-body";
import { rateLimits } from "@/lib/rate-limit/rate-limits";
import { withPublicRoute } from "@/lib/route/with-public-route";

// POST /api/sign-up — anyone, same origin, 5 an hour per client address: with EMAIL_SERVER, 202 for every
// email (a confirmation or a "someone tried" mail goes out); without it, 201 with the new account, or 409
// if the email is taken.
export const POST = withPublicRoute(
  async ({ request }) => {
    const outcome = await signUpUser(await parseJsonBody(request, signUpSchema));
    if (outcome.status === "created") return Response.json(outcome, { status: 201 });
    return Response.json(
      { status: outcome.status },
      { status: 202, headers: { "set-cookie": serializeSignUpCookie(outcome.browserNonce) } },
    );
  },
  {
    rateLimit: {
      limit: rateLimits.signUpsPerAddress,
      message: (wait) => `Too many sign-ups from your network. Try again in ${wait}.`,
    },
  },
);
