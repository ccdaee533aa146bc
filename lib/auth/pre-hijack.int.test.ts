import { randomUUID } from "node:crypto";
import type { AuthOptions } from "next-auth";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { type LocalSmtpServer, startLocalSmtpServer } from "@/lib/email/local-smtp-server";
import { applyRuntimeEnv } from "@/lib/env";
import { UNKNOWN_CLIENT_ADDRESS } from "@/lib/http/get-client-address";
import { addressKey } from "@/lib/rate-limit/address-key";
import { rateLimits } from "@/lib/rate-limit/rate-limits";
import { authenticateWithPassword } from "./authenticate";
import { ConfirmSignUpError, confirmSignUp } from "./confirm-sign-up";
import { signUpSchema } from "./schemas";
import { signUpCookieName } from "./sign-up-cookie";
import { signUpUser } from "./sign-up-user";
import { createNextAuthClient, type NextAuthClient } from "./testing/next-auth-client";

// Account pre-hijacking, tried through next-auth's real handler with the portal's options: the
// email-link provider (PrismaAdapter, real database), the confirmation provider and a real SMTP
// server whose mails the "victim" follows.
const PORTAL = "http://portal.test:3998";
let smtp: LocalSmtpServer;
let authOptions: AuthOptions;

beforeAll(async () => {
  smtp = await startLocalSmtpServer();
  applyRuntimeEnv({
    EMAIL_SERVER: smtp.url,
    EMAIL_FROM: "Jobs Portal <portal@localhost>",
    NEXTAUTH_URL: PORTAL,
    NEXTAUTH_SECRET: randomUUID() + randomUUID(),
  });
  // Imported after the env is set: the providers list is built when the module loads.
  ({ authOptions } = await import("./options"));
});
afterAll(async () => {
  await smtp.close();
});
// Handlers called in tests see no client address: every file's sign-ins share the "unknown"
// address's budget, so each test starts with a full one rather than what other files left.
beforeEach(() => rateLimits.signInAttemptsPerAddress.reset(addressKey(UNKNOWN_CLIENT_ADDRESS)));

const newEmail = () => `${randomUUID()}@example.com`;
const input = (email: string, password: string) =>
  signUpSchema.parse({ name: "Someone", email, password, workspaceName: "" });

/** The victim asks for a sign-in link and follows it, as a browser would. */
async function signInByEmailLink(email: string): Promise<{ client: NextAuthClient; redirect: string | undefined }> {
  const client = createNextAuthClient(authOptions, PORTAL);
  const csrfToken = await client.csrfToken();
  const sent = await client.request("/api/auth/signin/email", {
    form: { email, csrfToken, callbackUrl: `${PORTAL}/jobs`, json: "true" },
  });
  expect(sent.redirect).toContain("/api/auth/verify-request");
  const mail = await smtp.waitForMail(
    (received) => received.to.includes(email) && received.subject === "Sign in to Jobs Portal",
  );
  const link = new URL(mail.links[0] ?? "");
  expect(link.pathname).toBe("/api/auth/callback/email");
  const followed = await client.request(`${link.pathname}${link.search}`);
  return { client, redirect: followed.redirect };
}

describe("an email-link sign-in never lands in an account whose email someone else set up", () => {
  it("refuses an unconfirmed password account (made while EMAIL_SERVER was unset), and the attacker gains nothing", async () => {
    const victim = newEmail();
    const attacker = await signUpUser(input(victim, "attackers-password"), null);
    if (attacker.status !== "created") throw new Error("expected an account");

    const { client, redirect } = await signInByEmailLink(victim);
    expect(redirect).toBe(`${PORTAL}/sign-in?error=UnconfirmedAccount`);
    expect(await client.sessionUserId()).toBeNull();
    // Not marked verified by the refused link either.
    expect(
      (await prisma.user.findUniqueOrThrow({ where: { email: victim }, select: { emailVerified: true } }))
        .emailVerified,
    ).toBeNull();
  });

  it("refuses an unconfirmed account linked to a GitHub login", async () => {
    const victim = newEmail();
    await prisma.user.create({
      data: {
        email: victim,
        accounts: { create: { type: "oauth", provider: "github", providerAccountId: randomUUID() } },
      },
      select: { id: true },
    });
    const { client, redirect } = await signInByEmailLink(victim);
    expect(redirect).toBe(`${PORTAL}/sign-in?error=UnconfirmedAccount`);
    expect(await client.sessionUserId()).toBeNull();
  });

  it("with confirmation on, a stranger's unconfirmed sign-up is no account at all: the victim's link makes their own", async () => {
    const victim = newEmail();
    const stranger = await signUpUser(input(victim, "attackers-password"));
    expect(stranger.status).toBe("check_email");
    const strangerToken =
      new URL((await smtp.waitForMail((mail) => mail.to.includes(victim))).links[0] ?? "").searchParams.get("token") ??
      "";

    const { client, redirect } = await signInByEmailLink(victim);
    expect(redirect).toBe(`${PORTAL}/jobs`);
    const user = await prisma.user.findUniqueOrThrow({
      where: { email: victim },
      select: { id: true, emailVerified: true },
    });
    expect(await client.sessionUserId()).toBe(user.id);
    expect(user.emailVerified).toBeInstanceOf(Date);
    expect(await prisma.membership.count({ where: { userId: user.id, role: "owner" } })).toBe(1);

    // The stranger can neither confirm their sign-up now nor sign in with their password.
    const refused = await confirmSignUp({ token: strangerToken, password: "attackers-password" }).catch(
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(ConfirmSignUpError);
    expect(refused).toMatchObject({ code: "ConfirmationAccountExists" });
    expect(await authenticateWithPassword(victim, "attackers-password")).toBeNull();
  });

  it("lands in a confirmed password account, whose owner proved the same address", async () => {
    const email = newEmail();
    const signedUp = await signUpUser(input(email, "owners-password"));
    if (signedUp.status !== "check_email") throw new Error("expected a confirmation");
    const token =
      new URL((await smtp.waitForMail((mail) => mail.to.includes(email))).links[0] ?? "").searchParams.get("token") ??
      "";
    const { userId } = await confirmSignUp({ token, browserNonce: signedUp.browserNonce });

    const { client, redirect } = await signInByEmailLink(email);
    expect(redirect).toBe(`${PORTAL}/jobs`);
    expect(await client.sessionUserId()).toBe(userId);
  });
});

describe("the confirmation link through next-auth", () => {
  async function pendingSignUp(email: string) {
    const signedUp = await signUpUser(input(email, "my-own-password"));
    if (signedUp.status !== "check_email") throw new Error("expected a confirmation");
    const token =
      new URL((await smtp.waitForMail((mail) => mail.to.includes(email))).links[0] ?? "").searchParams.get("token") ??
      "";
    return { token, browserNonce: signedUp.browserNonce };
  }

  it("signs in the browser that signed up, with the sign-up cookie alone", async () => {
    const email = newEmail();
    const { token, browserNonce } = await pendingSignUp(email);
    const browser = createNextAuthClient(authOptions, PORTAL);
    browser.jar.set(signUpCookieName(), browserNonce);
    const response = await browser.request("/api/auth/callback/email-confirmation", {
      form: { csrfToken: await browser.csrfToken(), token, json: "true" },
    });
    expect(response.status ?? 200).toBe(200);
    const user = await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
    expect(await browser.sessionUserId()).toBe(user.id);
  });

  it("in another browser needs the password, and a wrong one signs nobody in", async () => {
    const email = newEmail();
    const { token } = await pendingSignUp(email);
    const other = createNextAuthClient(authOptions, PORTAL);
    const csrfToken = await other.csrfToken();
    const bare = await other.request("/api/auth/callback/email-confirmation", {
      form: { csrfToken, token, json: "true" },
    });
    expect(bare.redirect).toContain("error=ConfirmationPasswordRequired");
    const wrong = await other.request("/api/auth/callback/email-confirmation", {
      form: { csrfToken, token, password: "not-it-at-all", json: "true" },
    });
    expect(wrong.redirect).toContain("error=ConfirmationPasswordWrong");
    expect(await other.sessionUserId()).toBeNull();

    await other.request("/api/auth/callback/email-confirmation", {
      form: { csrfToken, token, password: "my-own-password", json: "true" },
    });
    const user = await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
    expect(await other.sessionUserId()).toBe(user.id);
  });

  it("a forged or reused token signs nobody in", async () => {
    const email = newEmail();
    const { token, browserNonce } = await pendingSignUp(email);
    const browser = createNextAuthClient(authOptions, PORTAL);
    browser.jar.set(signUpCookieName(), browserNonce);
    const csrfToken = await browser.csrfToken();
    await browser.request("/api/auth/callback/email-confirmation", { form: { csrfToken, token, json: "true" } });
    const again = createNextAuthClient(authOptions, PORTAL);
    again.jar.set(signUpCookieName(), browserNonce);
    const reused = await again.request("/api/auth/callback/email-confirmation", {
      form: { csrfToken: await again.csrfToken(), token, json: "true" },
    });
    expect(reused.redirect).toContain("error=ConfirmationInvalid");
    const forged = await again.request("/api/auth/callback/email-confirmation", {
      form: { csrfToken: await again.csrfToken(), token: "x".repeat(43), json: "true" },
    });
    expect(forged.redirect).toContain("error=ConfirmationInvalid");
    expect(await again.sessionUserId()).toBeNull();
  });
});
