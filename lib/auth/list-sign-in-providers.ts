import { authOptions } from "./options";

export interface SignInProvider {
  id: string;
  name: string;
}

/** The providers other than password and confirmation links — GitHub and email link, when configured. */
export function listSignInProviders(): SignInProvider[] {
  return authOptions.providers
    .filter((provider) => provider.type !== "credentials")
    .map((provider) => ({ id: provider.id, name: provider.name }));
}
