import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import { ValidationError } from "@/server/lib/errors";
import { classifyAddress } from "./address-policy";
import type { UrlPolicy } from "./config";

/** An address the request may connect to, checked against the policy. */
export type CheckedAddress = { address: string; family: 4 | 6 };

const DNS_TIMEOUT_MS = 5_000;

async function resolveHost(hostname: string): Promise<CheckedAddress[]> {
  if (isIP(hostname)) return [{ address: hostname, family: isIP(hostname) as 4 | 6 }];
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("DNS lookup timed out")), DNS_TIMEOUT_MS);
  });
  try {
    const found = await Promise.race([lookup(hostname, { all: true, verbatim: true }), timeout]);
    return found.map((entry) => ({ address: entry.address, family: entry.family === 6 ? 6 : 4 }));
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Resolves the URL's host and returns its addresses when every one of them may be reached, else a
 * ValidationError naming `url`. Every address must pass, not just one: a host that also resolves to an
 * internal address could be steered to it. Deliveries call this again before each attempt (DNS changes)
 * and connect only to an address it returned.
 */
export async function checkWebhookUrl(text: string, policy: UrlPolicy): Promise<CheckedAddress[]> {
  const url = URL.parse(text);
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) throw new ValidationError("use an http:// or https:// URL", { field: "url" });
  if (url.username || url.password) throw new ValidationError("leave user names and passwords out of the URL", { field: "url" });
  const hostname = url.hostname.replace(/^\[|\]$/g, "").toLowerCase();
  let addresses: CheckedAddress[];
  try {
    addresses = await resolveHost(hostname);
  } catch {
    throw new ValidationError(`the host ${hostname} could not be resolved`, { field: "url" });
  }
  if (addresses.length === 0) throw new ValidationError(`the host ${hostname} has no address`, { field: "url" });
  if (policy.allowPrivate || policy.allowedHosts.includes(hostname)) return addresses;
  for (const { address } of addresses) {
    const kind = classifyAddress(address);
    if (kind) {
      throw new ValidationError(
        `${hostname} resolves to ${address}, a ${kind} address; webhooks go to public addresses only (allow it with GOLDLOOP_WEBHOOK_ALLOWED_HOSTS)`,
        { field: "url" },
      );
    }
  }
  return addresses;
}
