import { signOutEverywhere } from "@/lib/auth/change-password";
import { withUserRoute } from "@/lib/route/with-user-route";

// POST /api/account/sign-out-everywhere — the signed-in user: every session of theirs, this one included, ends.
export const POST = withUserRoute(async ({ user }) => {
  await signOutEverywhere(user.userId);
  return new Response(null, { status: 204 });
});
