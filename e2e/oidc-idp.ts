import type { Server } from "node:http";
import Provider from "oidc-provider";
import { E2E_BASE_URL } from "./environment";

export const IDP_PORT = Number(process.env.E2E_IDP_PORT ?? 3101);
export const IDP_ISSUER = `http://localhost:${IDP_PORT}`;
export const IDP_CLIENT = { id: "goldloop-e2e", secret: "goldloop-e2e-client-secret" } as const;

/**
 * A real OpenID Connect provider on loopback, so the e2e run signs in through Goldloop's OIDC support end
 * to end. Its development login page accepts any login name; the person is `<login>@idp.example.test`.
 */
export function startOidcProvider(): Promise<Server> {
  const provider = new Provider(IDP_ISSUER, {
    clients: [
      {
        client_id: IDP_CLIENT.id,
        client_secret: IDP_CLIENT.secret,
        redirect_uris: [`${E2E_BASE_URL}/api/auth/callback/oidc`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    findAccount: (_context, login) => ({
      accountId: login,
      claims: () => ({ sub: login, email: `${login}@idp.example.test`, email_verified: true, name: `${login} from the IdP` }),
    }),
    features: { devInteractions: { enabled: true } },
  });
  return new Promise((resolve) => {
    const server = provider.listen(IDP_PORT, () => resolve(server));
  });
}
