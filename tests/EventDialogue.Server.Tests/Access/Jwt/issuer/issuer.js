// A real OpenID Connect issuer for the JWT tests: oidc-provider issuing client-credentials access tokens in JWT form.
// Argument: JSON { port, audiences: [..], clients: [{ id, secret, roles, ttlSeconds }] }. Prints one line
// {"issuer": "..."} once it listens, then serves until killed. Roles go into each token as the "roles" claim.
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import Provider from 'oidc-provider';

const { port, audiences, clients } = JSON.parse(process.argv[2]);
const issuer = `http://127.0.0.1:${port}`;
const byId = new Map(clients.map((client) => [client.id, client]));

// A signing key of this run's own: nothing the server trusts outlives the test.
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwk = { ...privateKey.export({ format: 'jwk' }), kid: randomUUID(), use: 'sig', alg: 'RS256' };

const provider = new Provider(issuer, {
  jwks: { keys: [jwk] },
  clients: clients.map((client) => ({
    client_id: client.id,
    client_secret: client.secret,
    grant_types: ['client_credentials'],
    redirect_uris: [],
    response_types: [],
    token_endpoint_auth_method: 'client_secret_post',
  })),
  features: {
    devInteractions: { enabled: false },
    clientCredentials: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => audiences[0],
      getResourceServerInfo: (ctx, resource, client) => {
        if (!audiences.includes(resource)) {
          throw new Error(`unknown resource ${resource}`);
        }
        return {
          scope: 'records',
          audience: resource,
          accessTokenFormat: 'jwt',
          accessTokenTTL: byId.get(client.clientId)?.ttlSeconds ?? 300,
          jwt: { sign: { alg: 'RS256' } },
        };
      },
    },
  },
  extraTokenClaims: (ctx, token) => {
    const roles = byId.get(token.clientId)?.roles ?? [];
    return roles.length === 0 ? undefined : { roles };
  },
});

const server = provider.listen(port, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ issuer })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
