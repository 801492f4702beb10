import type { Metadata } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { ClientSecurityProvider } from "@/components/security/client-security";
import { TRPCReactProvider } from "@/components/trpc/provider";
import { getPublicUrl } from "@/server/lib/env";
import { readCspNonce } from "@/server/lib/security-headers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Goldloop", template: "%s · Goldloop" },
  description: "Loop engineering: review, correct and curate AI outputs into gold datasets.",
};

// Reading the request's headers renders every page per request, so each carries its response's CSP nonce
// (a page prerendered at build time would carry none, and its scripts would be refused).
export default async function RootLayout({ children }: { children: ReactNode }) {
  const security = {
    cspNonce: readCspNonce((await headers()).get("content-security-policy")),
    hasSecureCookies: getPublicUrl().startsWith("https://"),
  };
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <ClientSecurityProvider security={security}>
          <TRPCReactProvider>{children}</TRPCReactProvider>
        </ClientSecurityProvider>
      </body>
    </html>
  );
}
