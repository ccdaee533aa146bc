import { addressKey } from "@/lib/rate-limit/address-key";
import { rateLimits } from "@/lib/rate-limit/rate-limits";
import { authenticateWithPassword } from "./authenticate";
import { signInSchema } from "./schemas";
import { signInErrorCode } from "./sign-in-errors";

export type AuthorizedUser = NonNullable<Awaited<ReturnType<typeof authenticateWithPassword>>>;

/**
 * next-auth's credentials check, behind two limits checked before the password is hashed (a
 * 128 MiB scrypt): a locked email (10 wrong passwords in 15 minutes lock it for 15) and the client
 * address's budget of attempts. A refusal is thrown as an Error whose message is a code with the
 * time to try again (lib/auth/sign-in-errors.ts); a wrong password is null, as next-auth expects.
 */
export async function authorizeCredentials(
  credentials: unknown,
  clientAddress: string,
): Promise<AuthorizedUser | null> {
  const parsed = signInSchema.safeParse(credentials);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;

  const lock = await rateLimits.signInFailuresPerEmail.peek(email);
  if (!lock.allowed) throw new Error(signInErrorCode("SignInLocked", lock.until));
  const attempts = await rateLimits.signInAttemptsPerAddress.consume(addressKey(clientAddress));
  if (!attempts.allowed) throw new Error(signInErrorCode("SignInRateLimited", attempts.until));

  const user = await authenticateWithPassword(email, password);
  if (user) {
    await rateLimits.signInFailuresPerEmail.reset(email);
    return user;
  }
  // The failure that spends the email's budget locks it, and says so at once.
  const failures = await rateLimits.signInFailuresPerEmail.consume(email);
  if (!failures.allowed) throw new Error(signInErrorCode("SignInLocked", failures.until));
  return null;
}
