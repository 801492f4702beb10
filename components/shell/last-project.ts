"use client";

import { useEffect } from "react";
import { LAST_PROJECT_COOKIE } from "./last-project-cookie";

/** Writes the last-project cookie whenever a project's pages are open. */
export function useRememberProject(slug: string): void {
  useEffect(() => {
    document.cookie = `${LAST_PROJECT_COOKIE}=${encodeURIComponent(slug)}; path=/; max-age=${60 * 60 * 24 * 365}; samesite=lax`;
  }, [slug]);
}
