/** Remembers the last project opened, so `/` returns there. Read by the home page, written by the shell. */
export const LAST_PROJECT_COOKIE = "goldloop-last-project";

/** The Set-Cookie text for the last project; Secure when the app is served over https. */
export function formatLastProjectCookie(slug: string, options: { isSecure: boolean }): string {
  const attributes = [`${LAST_PROJECT_COOKIE}=${encodeURIComponent(slug)}`, "path=/", `max-age=${60 * 60 * 24 * 365}`, "samesite=lax"];
  if (options.isSecure) attributes.push("secure");
  return attributes.join("; ");
}
