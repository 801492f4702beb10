/** Remembers the last project opened, so `/` returns there. Read by the home page, written by the shell. */
export const LAST_PROJECT_COOKIE = "goldloop-last-project";
