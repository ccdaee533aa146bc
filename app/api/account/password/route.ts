import { changePassword } from "@/lib/auth/change-password";
import { changePasswordSchema } from "@/lib/auth/schemas";
import { parseJsonBody } from "@/lib/http/parse-json-body";
import { withUserRoute } from "@/lib/route/with-user-route";

// POST /api/account/password {currentPassword, newPassword} — the signed-in user: a new password; every session is signed out.
export const POST = withUserRoute(async ({ request, user }) => {
  const { currentPassword, newPassword } = await parseJsonBody(request, changePasswordSchema);
  await changePassword(user.userId, currentPassword, newPassword);
  return new Response(null, { status: 204 });
});
