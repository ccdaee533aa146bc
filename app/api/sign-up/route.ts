import { signUpSchema } from "@/lib/auth/schemas";
import { signUpUser } from "@/lib/auth/sign-up-user";
import { parseJsonBody } from "@/lib/http/parse-json-body";
import { withPublicRoute } from "@/lib/http/with-public-route";

// POST /api/sign-up — anyone, same origin: a new account with its own workspace; 409 if the email is taken.
export const POST = withPublicRoute(async ({ request }) => {
  const account = await signUpUser(await parseJsonBody(request, signUpSchema));
  return Response.json(account, { status: 201 });
});
