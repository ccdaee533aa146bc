import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { withNextAuthRoute } from "@/lib/route/with-next-auth-route";

// GET|POST /api/auth/* — next-auth's own routes (sign-in, sign-out, session, CSRF token); forms up to 16 KiB.
const handler = withNextAuthRoute(NextAuth(authOptions));

export { handler as GET, handler as POST };
