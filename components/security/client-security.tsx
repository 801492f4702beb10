"use client";

import { createContext, useContext, useState, type ReactNode } from "react";

/** What the browser side needs to know to stay within the page's security settings. */
export type ClientSecurity = {
  /** The nonce of the document's Content-Security-Policy, for style elements the page injects (CodeMirror). */
  cspNonce: string;
  /** True when PUBLIC_URL is https: cookies the page writes are then marked Secure. */
  hasSecureCookies: boolean;
};

const ClientSecurityContext = createContext<ClientSecurity>({ cspNonce: "", hasSecureCookies: false });

/** Provides the document's security settings to client components. */
export function ClientSecurityProvider({ security, children }: { security: ClientSecurity; children: ReactNode }) {
  // Kept from the first render: the policy in force is the document's, while a later server render (a
  // router refresh) carries the nonce of another response.
  const [documentSecurity] = useState(security);
  return <ClientSecurityContext.Provider value={documentSecurity}>{children}</ClientSecurityContext.Provider>;
}

export function useClientSecurity(): ClientSecurity {
  return useContext(ClientSecurityContext);
}
