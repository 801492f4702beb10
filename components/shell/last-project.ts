"use client";

import { useEffect } from "react";
import { useClientSecurity } from "@/components/security/client-security";
import { formatLastProjectCookie } from "./last-project-cookie";

/** Writes the last-project cookie whenever a project's pages are open. */
export function useRememberProject(slug: string): void {
  const { hasSecureCookies } = useClientSecurity();
  useEffect(() => {
    document.cookie = formatLastProjectCookie(slug, { isSecure: hasSecureCookies });
  }, [slug, hasSecureCookies]);
}
