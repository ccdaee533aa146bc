import { randomUUID } from "node:crypto";
import type { AuthOptions } from "next-auth";
import { decode } from "next-auth/jwt";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

// getSignedInUser reads the session through next-auth's getServerSession, which needs a Next.js
// request scope: the test hands it the session the portal's own callbacks made.
// lib/auth/options.ts reads the secret when it loads, which signed-in-user.ts makes happen first.
const current = vi.hoisted(() => {
  process.env.NEXTAUTH_URL = "http://portal.test:3997";
  process.env.NEXTAUTH_SECRET = `account-test-${Math.random()}-${Date.now()}`;
  return { session: null as unknown };
});
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: async () => current.session,
}));

import { prisma } from "@/lib/db/client";
import { type LocalSmtpServer, startLocalSmtpServer } from "@/lib/email/local-smtp-server";
import { createMailer } from "@/lib/email/mailer";
import { UNKNOWN_CLIENT_ADDRESS } from "@/lib/http/get-client-address";
import { addressKey } from "@/lib/rate-limit/address-key";
import { rateLimits } from "@/lib/rate-limit/rate-limits";
import { authenticateWithPassword } from "./authenticate";
import { changePassword, signOutEverywhere } from "./change-password";
import { completePasswordReset, RESET_EXPIRED, RESET_INVALID } from "./complete-password-reset";
import { createOperatorResetLink, requestPasswordReset } from "./password-reset";
import { signUpSchema } from "./schemas";
import { signUpUser } from "./sign-up-user";
import { getSignedInUser } from "./signed-in-user";
import { createNextAuthClient } from "./testing/next-auth-client";

// Account recovery and revocable sessions: a session carries the user's session version, and a
// password change, a reset or "sign out everywhere" moves it on, so every older session is refused.
const PORTAL = "http://portal.test:3997";
let authOptions: AuthOptions;
let smtp: LocalSmtpServer;

beforeAll(async () => {
  smtp = await startLocalSmtpServer();
  ({ authOptions } = await import("./options"));
});
// Handlers called in tests see no client address: every file's sign-ins share the "unknown"
// address's budget, so each test starts with a full one and leaves none spent for the others.
beforeEach(() => rateLimits.signInAttemptsPerAddress.reset(addressKey(UNKNOWN_CLIENT_ADDRESS)));
afterAll(async () => {
  await rateLimits.signInAttemptsPerAddress.reset(addressKey(UNKNOWN_CLIENT_ADDRESS));
  current.session = null;
  await smtp.close();
});

async function newAccount(password = "first-password-1") {
  const email = `${randomUUID()}@example.com`;
  const outcome = await signUpUser(signUpSchema.parse({ name: "Account", email, password }), null);
  if (outcome.status !== "created") throw new Error("expected an account at once without a mailer");
  return { email, password, userId: outcome.userId };
}

/** Signs in through next-auth's real handler and returns the session its callbacks build from the JWT. */
async function signIn(email: string, password: string) {
  const client = createNextAuthClient(authOptions, PORTAL);
  await client.request("/api/auth/callback/credentials", {
    form: { csrfToken: await client.csrfToken(), email, password, json: "true" },
  });
  const token = await decode({
    token: client.jar.get("next-auth.session-token") ?? "",
    secret: authOptions.secret ?? "",
  });
  expect(token?.sub).toBeTruthy();
  const session = { user: { email }, expires: new Date(Date.now() + 60_000).toISOString() };
  return authOptions.callbacks!.session!({
    session,
    token: token!,
    user: undefined as never,
    newSession: undefined,
    trigger: "update",
  });
}

async function sessionVersion(userId: string) {
  return (await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { sessionVersion: true } }))
    .sessionVersion;
}

describe("sessions", () => {
  it("a session names the version it was issued under; sign out everywhere refuses it and every other", async () => {
    const account = await newAccount();
    current.session = await signIn(account.email, account.password);
    expect(current.session).toMatchObject({ user: { id: account.userId, sessionVersion: 0 } });
    expect(await getSignedInUser()).toMatchObject({ userId: account.userId, email: account.email });

    await signOutEverywhere(account.userId);
    expect(await getSignedInUser()).toBeNull();
    current.session = await signIn(account.email, account.password);
    expect(await getSignedInUser()).toMatchObject({ userId: account.userId });
  });
});

describe("changing the password", () => {
  it("asks for the current one, then signs out every session", async () => {
    const account = await newAccount();
    current.session = await signIn(account.email, account.password);
    await expect(changePassword(account.userId, "not-the-password", "second-password-2")).rejects.toMatchObject({
      code: "INVALID_REQUEST",
    });
    await expect(changePassword(account.userId, account.password, account.password)).rejects.toMatchObject({
      code: "INVALID_REQUEST",
    });
    expect(await sessionVersion(account.userId)).toBe(0);

    await changePassword(account.userId, account.password, "second-password-2");
    expect(await getSignedInUser()).toBeNull();
    expect(await authenticateWithPassword(account.email, account.password)).toBeNull();
    expect(await authenticateWithPassword(account.email, "second-password-2")).toMatchObject({ id: account.userId });
  });
});

describe("resetting a forgotten password", () => {
  it("the operator's link works once: a new password, every session signed out", async () => {
    const account = await newAccount();
    current.session = await signIn(account.email, account.password);
    expect(await createOperatorResetLink(`nobody-${randomUUID()}@example.com`)).toBeNull();
    const link = await createOperatorResetLink(account.email.toUpperCase());
    const token = new URL(link ?? "").searchParams.get("token") ?? "";
    expect(link).toMatch(new RegExp(`^${PORTAL}/reset-password\\?token=`));

    expect(await completePasswordReset(token, "reset-password-3")).toEqual({ email: account.email });
    expect(await getSignedInUser()).toBeNull();
    expect(await authenticateWithPassword(account.email, "reset-password-3")).toMatchObject({ id: account.userId });
    await expect(completePasswordReset(token, "another-password-4")).rejects.toMatchObject({
      code: "RESOURCE_NOT_FOUND",
      message: RESET_INVALID,
    });
    expect(JSON.stringify(await prisma.passwordReset.findMany({ where: { userId: account.userId } }))).not.toContain(
      token,
    );
  });

  it("mails a link to an address with an account, and nothing to one without; an expired link is refused", async () => {
    const account = await newAccount();
    const mailer = createMailer({ server: smtp.url, from: "Jobs Portal <portal@localhost>" });
    const stranger = `nobody-${randomUUID()}@example.com`;
    await requestPasswordReset(stranger, mailer);
    await requestPasswordReset(account.email, mailer);
    const mail = await smtp.waitForMail((received) => received.to.includes(account.email));
    expect(mail.subject).toBe("Reset your Jobs Portal password");
    expect(smtp.mails().some((received) => received.to.includes(stranger))).toBe(false);

    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    const old = await createOperatorResetLink(account.email, new Date(twoHoursAgo.getTime() - 24 * 60 * 60 * 1000));
    await expect(
      completePasswordReset(new URL(old ?? "").searchParams.get("token") ?? "", "reset-password-5"),
    ).rejects.toMatchObject({ message: RESET_EXPIRED });
    const mailed = new URL(mail.links[0] ?? "").searchParams.get("token") ?? "";
    expect(await completePasswordReset(mailed, "reset-password-6")).toEqual({ email: account.email });
  });
});
