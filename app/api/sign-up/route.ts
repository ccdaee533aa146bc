import { signUpSchema } from "@/lib/auth/schemas";
import { signUpUser } from "@/lib/auth/sign-up-user";
import { parseJsonBody } from "@/lib/http/parse-json-body";
import { withPublicRoute } from "@/lib/http/with-public-route";
import { rateLimits } from "@/lib/rate-limit/rate-limits";

// POST /api/sign-up — anyone, same origin, 5 an hour per client address: a new account with its own workspace; 409 if the email is taken.
export const POST = withPublicRoute(
  async ({ request }) => {
    const account = await signUpUser(await parseJsonBody(request, signUpSchema));
    return Response.json(account, { status: 201 });
  },
  { rateLimit: { limit: rateLimits.signUpsPerAddress, message: (wait) => `Too many sign-ups from your network. Try again in ${wait}.` } },
);
