import { authOptions } from "./options";
import type { SignInProvider } from "./types";

/** The providers other than password and confirmation links — GitHub and email link, when configured. */
export function listSignInProviders(): SignInProvider[] {
  return authOptions.providers
    .filter((provider) => provider.type !== "credentials")
    .map((provider) => ({ id: provider.id, name: provider.name }));
}
