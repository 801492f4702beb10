import { describe, expect, it } from "vitest";
import { ValidationError } from "@/server/lib/errors";
import type { UrlPolicy } from "./config";
import { checkWebhookUrl } from "./url-guard";

const strict: UrlPolicy = { allowedHosts: [], allowPrivate: false };

async function refusal(url: string, policy = strict): Promise<ValidationError> {
  const error = await checkWebhookUrl(url, policy).then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof ValidationError)) throw new Error(`expected a refusal of ${url}`);
  return error;
}

describe("checkWebhookUrl", () => {
  it("returns the addresses of a public host, to connect to and nothing else", async () => {
    await expect(checkWebhookUrl("https://93.184.216.34:8443/in", strict)).resolves.toEqual([{ address: "93.184.216.34", family: 4 }]);
    await expect(checkWebhookUrl("https://[2606:4700:4700::1111]/in", strict)).resolves.toEqual([{ address: "2606:4700:4700::1111", family: 6 }]);
  });

  it("refuses a name that resolves to loopback, naming the address and how to allow it", async () => {
    const error = await refusal("http://localhost:8080/hook");
    expect(error.field).toBe("url");
    expect(error.message).toMatch(/^localhost resolves to (127\.0\.0\.1|::1), a loopback address; .*GOLDLOOP_WEBHOOK_ALLOWED_HOSTS/);
  });

  it("refuses schemes other than http and https, and credentials", async () => {
    expect((await refusal("file:///etc/passwd")).message).toBe("use an http:// or https:// URL");
    expect((await refusal("gopher://93.184.216.34/")).field).toBe("url");
    expect((await refusal("https://me:pw@93.184.216.34/")).message).toMatch(/user names and passwords/);
  });

  it("refuses a host that does not resolve", async () => {
    expect((await refusal("https://no-such-host.invalid/")).message).toBe("the host no-such-host.invalid could not be resolved");
  });

  it("lets a listed host through, and everything through with allowPrivate", async () => {
    await expect(checkWebhookUrl("http://127.0.0.1:9/", { allowedHosts: ["127.0.0.1"], allowPrivate: false })).resolves.toEqual([{ address: "127.0.0.1", family: 4 }]);
    await expect(checkWebhookUrl("http://[::1]:9/", { allowedHosts: ["::1"], allowPrivate: false })).resolves.toEqual([{ address: "::1", family: 6 }]);
    await expect(checkWebhookUrl("http://10.0.0.1/", { allowedHosts: [], allowPrivate: true })).resolves.toHaveLength(1);
    expect((await refusal("http://10.0.0.1/", { allowedHosts: ["127.0.0.1"], allowPrivate: false })).message).toMatch(/10\.0\.0\.1, a private address/);
  });
});
