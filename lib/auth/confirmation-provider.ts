import CredentialsProvider from "next-auth/providers/credentials";
import { getClientAddress } from "@/lib/http/get-client-address";
import { addressKey } from "@/lib/rate-limit/address-key";
import { rateLimits } from "@/lib/rate-limit/rate-limits";
import { ConfirmSignUpError, confirmSignUp } from "./confirm-sign-up";
import { confirmSignUpSchema } from "./schemas";
import { signInErrorCode } from "./sign-in-errors";
import { readSignUpCookie } from "./sign-up-cookie";
import { CONFIRMATION_PROVIDER_ID } from "./types";

/**
 * Following a confirmation link signs the new user in: the confirm page posts the link's token to
 * next-auth's credentials callback (CSRF-checked), which sets the session cookie like any sign-in.
 * Failures travel as next-auth's `error` code (ConfirmSignUpFailure).
 */
export const confirmationProvider = CredentialsProvider({
  id: CONFIRMATION_PROVIDER_ID,
  name: "Email confirmation",
  credentials: { token: { type: "text" }, password: { type: "password" } },
  async authorize(credentials, request) {
    const parsed = confirmSignUpSchema.safeParse(credentials);
    if (!parsed.success) throw new ConfirmSignUpError("ConfirmationInvalid");
    // A password typed here costs a scrypt, like a sign-in: it spends the address's sign-in budget.
    if (parsed.data.password) {
      const attempts = await rateLimits.signInAttemptsPerAddress.consume(
        addressKey(getClientAddress(request.headers ?? {})),
      );
      if (!attempts.allowed) throw new Error(signInErrorCode("SignInRateLimited", attempts.until));
    }
    const cookie = request.headers?.cookie as string | undefined;
    const user = await confirmSignUp({ ...parsed.data, browserNonce: readSignUpCookie(cookie) });
    return { id: user.userId, email: user.email, name: user.name };
  },
});
