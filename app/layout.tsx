import type { Metadata } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Jobs Portal", template: "%s · Jobs Portal" },
  description: "Monitor media-processing jobs, their webhooks and results.",
};

// Applies the stored or system colour scheme before first paint, so dark mode never flashes.
const themeScript = `(function(){try{var t=localStorage.getItem("theme");var d=t?t==="dark":matchMedia("(prefers-color-scheme: dark)").matches;document.documentElement.classList.toggle("dark",d)}catch(e){}})()`;

// zod builds fast parsers with `new Function` when it may; under the CSP (no 'unsafe-eval') even
// its probe for that is reported as a violation. It reads this global when it loads, so this runs first.
const zodJitlessScript = `(globalThis.__zod_globalConfig=globalThis.__zod_globalConfig||{}).jitless=true`;

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The page's CSP nonce (proxy.ts). Reading it renders every page per request, as nonces need.
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        {/* Our own constant scripts, run before paint under the request's CSP nonce. */}
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: a constant of this file, not user input. */}
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: themeScript }} />
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: a constant of this file, not user input. */}
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: zodJitlessScript }} />
      </head>
      <body className="min-h-screen bg-muted font-sans text-emphasis antialiased">{children}</body>
    </html>
  );
}
