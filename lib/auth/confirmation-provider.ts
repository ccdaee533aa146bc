import CredentialsProvider from "next-auth/providers/credentials";
import { confirmSignUp, ConfirmSignUpError } from "./confirm-sign-up";
import { confirmSignUpSchema } from "./schemas";
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
    const cookie = request.headers?.cookie as string | undefined;
    const user = await confirmSignUp({ ...parsed.data, browserNonce: readSignUpCookie(cookie) });
    return { id: user.userId, email: user.email, name: user.name };
  },
});
