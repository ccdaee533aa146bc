import { authOptions } from "./options";

export interface SignInProvider {
  id: string;
  name: string;
}

/** The providers other than email and password — GitHub and email link, when configured. */
export function listAlternativeProviders(): SignInProvider[] {
  return authOptions.providers
    .filter((provider) => provider.id !== "credentials")
    .map((provider) => ({ id: provider.id, name: provider.name }));
}
