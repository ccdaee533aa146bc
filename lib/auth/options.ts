import "server-only";
import { PrismaAdapter } from "@next-auth/prisma-adapter";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import EmailProvider from "next-auth/providers/email";
import GitHubProvider from "next-auth/providers/github";
import { prisma } from "@/lib/db/client";
import { sendSignInLink } from "@/lib/email/send-sign-in-link";
import { env } from "@/lib/env";
import { getClientAddress } from "@/lib/http/get-client-address";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { allowSignIn } from "./allow-sign-in";
import { authorizeCredentials } from "./authorize-credentials";
import { confirmationProvider } from "./confirmation-provider";

// next-auth 4. Credentials sign-in requires JWT sessions; the adapter still stores users and
// accounts for the GitHub and email-link providers, which are on only when configured.
const providers: NextAuthOptions["providers"] = [
  CredentialsProvider({
    name: "Email and password",
    credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
    // Rate limits first (lib/auth/authorize-credentials.ts); `req.headers` carries the client address.
    async authorize(credentials, req) {
      return authorizeCredentials(credentials, getClientAddress(req.headers ?? {}));
    },
  }),
  confirmationProvider,
];
if (env.GITHUB_ID && env.GITHUB_SECRET) {
  providers.push(GitHubProvider({ clientId: env.GITHUB_ID, clientSecret: env.GITHUB_SECRET }));
}
if (env.EMAIL_SERVER && env.EMAIL_FROM) {
  providers.push(
    EmailProvider({ server: env.EMAIL_SERVER, from: env.EMAIL_FROM, sendVerificationRequest: sendSignInLink }),
  );
}

async function readSessionVersion(userId: string): Promise<number> {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { sessionVersion: true } });
  return user?.sessionVersion ?? 0;
}

export const authOptions: NextAuthOptions = {
  adapter: PrismaAdapter(prisma as never),
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  secret: env.NEXTAUTH_SECRET,
  pages: { signIn: "/sign-in" },
  providers,
  events: {
    // Users who arrive through GitHub or an email link are created by the adapter, not by
    // POST /api/sign-up; they get a workspace of their own too, or the portal would have nothing to show.
    async createUser({ user }) {
      const owner = user.name?.trim() || user.email?.split("@")[0] || "My";
      await createWorkspace(prisma, {
        name: `${owner}'s workspace`,
        owner: { userId: user.id, email: user.email ?? "" },
      });
    },
  },
  callbacks: {
    signIn: allowSignIn,
    // At sign-in the token records the user's session version; every request compares it with the
    // stored one (lib/auth/signed-in-user.ts), so moving the version signs out every session.
    async jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sessionVersion = await readSessionVersion(user.id);
      }
      return token;
    },
    session({ session, token }) {
      if (session.user && token.sub) {
        Object.assign(session.user, {
          id: token.sub,
          sessionVersion: typeof token.sessionVersion === "number" ? token.sessionVersion : 0,
        });
      }
      return session;
    },
  },
};
