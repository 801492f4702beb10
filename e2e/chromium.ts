import { accessSync, constants, statSync } from "node:fs";
import { delimiter, join } from "node:path";

/** What a system Chromium or Chrome is called on PATH, most preferred first. */
export const SYSTEM_BROWSER_NAMES = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"] as const;

export const NO_CHROMIUM_FOUND =
  "No Chromium for the end-to-end tests: install one (`apt-get install chromium`, or Chrome), or run `npx playwright install chromium`, or set CHROMIUM_PATH to its binary.";

export type ChromiumSearch = {
  /** CHROMIUM_PATH: an explicit choice wins, but must exist. */
  chromiumPath: string | undefined;
  /** PATH, searched for SYSTEM_BROWSER_NAMES. */
  searchPath: string | undefined;
  /** Where Playwright's own downloaded Chromium would be (`chromium.executablePath()`). */
  playwrightBrowser: string;
};

export type ChromiumChoice = { isFound: true; executablePath: string } | { isFound: false; problem: string };

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * The browser Playwright should drive: CHROMIUM_PATH when set, else a system Chromium or Chrome on PATH,
 * else Playwright's own download. Machines without internet cannot download Playwright's build, so the
 * system browser comes before it; with none at all, the problem is one line saying how to get one.
 */
export function findChromium(search: ChromiumSearch): ChromiumChoice {
  if (search.chromiumPath) {
    return isExecutableFile(search.chromiumPath)
      ? { isFound: true, executablePath: search.chromiumPath }
      : { isFound: false, problem: `CHROMIUM_PATH is ${search.chromiumPath}, which is not an executable file. ${NO_CHROMIUM_FOUND}` };
  }
  const folders = (search.searchPath ?? "").split(delimiter).filter(Boolean);
  for (const name of SYSTEM_BROWSER_NAMES) {
    const found = folders.map((folder) => join(folder, name)).find(isExecutableFile);
    if (found) return { isFound: true, executablePath: found };
  }
  if (isExecutableFile(search.playwrightBrowser)) return { isFound: true, executablePath: search.playwrightBrowser };
  return { isFound: false, problem: NO_CHROMIUM_FOUND };
}
