// Adds lockfile entries for other platforms' optional native packages that this machine's npm registry
// mirror does not carry (for example @next/swc-darwin-arm64 at our exact version). Without them
// `npm install` leaves them out of package-lock.json and `npm ci` refuses the lockfile as out of sync.
// The entries carry os/cpu/libc, so npm skips them on machines they do not fit, as it always does.
// Run after changing dependencies: `npm install && node .ci/complete-lockfile.mjs`.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";

const lockPath = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(readFileSync(lockPath, "utf8"));
const packages = lock.packages;

function platformFields(name, version) {
  // Any published version tells us the platform a native package is for; they never change it.
  const entry = { version, optional: true };
  for (const key of ["cpu", "libc", "os"]) {
    const output = execFileSync("npm", ["view", name, key, "--json"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    if (output) entry[key] = [].concat(JSON.parse(output));
  }
  if (!entry.os && !entry.cpu) throw new Error(`${name}: no os/cpu metadata; refusing to add an entry npm would try to install everywhere`);
  return entry;
}

let added = 0;
for (const [path, entry] of Object.entries(packages)) {
  for (const [name, spec] of Object.entries(entry.optionalDependencies ?? {})) {
    const nested = `${path ? `${path}/` : ""}node_modules/${name}`;
    const topLevel = `node_modules/${name}`;
    if (packages[nested] || packages[topLevel]) continue;
    if (!/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(spec)) throw new Error(`${name}@${spec}: only exact versions are filled in`);
    packages[topLevel] = { ...platformFields(name, spec), ...(entry.dev ? { dev: true } : {}) };
    added += 1;
    process.stdout.write(`added ${topLevel}@${spec} (${packages[topLevel].os ?? ""} ${packages[topLevel].cpu ?? ""})\n`);
  }
}
lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))));
writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
process.stdout.write(`${added} lockfile entries added\n`);
