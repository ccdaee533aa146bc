// Sign-in refusals that carry a time, as next-auth passes them to the sign-in page: the message
// of the Error thrown in `authorize` becomes `?error=<code>` (and signIn()'s `error`). The page
// turns a code into words with describeAuthError. Shared by server and browser: no imports.
export type SignInRefusal = "SignInLocked" | "SignInRateLimited";

export function signInErrorCode(refusal: SignInRefusal, until: Date): string {
  return `${refusal}:${Math.ceil(until.getTime() / 1000)}`;
}

export function parseSignInErrorCode(code: string): { refusal: SignInRefusal; until: Date } | null {
  const match = /^(SignInLocked|SignInRateLimited):(\d{1,12})$/.exec(code);
  if (!match) return null;
  return { refusal: match[1] as SignInRefusal, until: new Date(Number(match[2]) * 1000) };
}
