import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Configuration } from 'oidc-provider';

/** A person the test provider knows; the dev login page takes their `sub` as the login (any password). */
export type TestAccount = { sub: string; name: string; email: string; groups: string[]; department?: string };

/** Three people: a CX lead, a judge from manufacturing, and someone in no group. */
export const TEST_ACCOUNTS = {
  lead: { sub: 'lena-lead', name: 'Lena Lead', email: 'lena.lead@example.test', groups: ['cx-leads', 'everyone'] },
  judge: { sub: 'jo-judge', name: 'Jo Judge', email: 'jo.judge@example.test', groups: ['judges', 'everyone'], department: 'manufacturing' },
  nobody: { sub: 'nat-nobody', name: 'Nat Nobody', email: 'nat.nobody@example.test', groups: [] },
} satisfies Record<string, TestAccount>;

export type TestClient = { clientId: string; clientSecret: string; redirectUri: string };

export type TestProvider = {
  /** http://127.0.0.1:<port> */
  issuer: string;
  provider: Provider;
  stop(): Promise<void>;
};

/**
 * A real OpenID provider (oidc-provider, a certified implementation) on
 * loopback, for the sign-in tests: confidential clients that must use PKCE,
 * the three TEST_ACCOUNTS, their groups (and department) as claims in the
 * ID token, and oidc-provider's own development login page.
 */
export async function startTestProvider(options: { clients: TestClient[]; idTokenTtlSeconds?: number }): Promise<TestProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const accounts = new Map<string, TestAccount>(Object.values(TEST_ACCOUNTS).map((account) => [account.sub, account]));
  const configuration: Configuration = {
    clients: options.clients.map((client) => ({
      client_id: client.clientId,
      client_secret: client.clientSecret,
      redirect_uris: [client.redirectUri],
      grant_types: ['authorization_code'],
      response_types: ['code'],
    })),
    pkce: { required: () => true },
    claims: { openid: ['sub'], email: ['email'], profile: ['name', 'groups', 'department'] },
    // The groups and department go into the ID token itself, as company providers are set up to do.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ['test-provider-cookie-key-0123456789'] },
    ttl: { IdToken: options.idTokenTtlSeconds ?? 3600 },
    async findAccount(_ctx, id) {
      const account = accounts.get(id);
      if (!account) return undefined;
      return { accountId: id, claims: async () => ({ sub: account.sub, name: account.name, email: account.email, groups: account.groups, ...(account.department ? { department: account.department } : {}) }) };
    },
  };
  const provider = new Provider(issuer, configuration);
  server.on('request', provider.callback());
  return {
    issuer,
    provider,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/**
 * Goes through the provider's own pages as a browser would (plain fetch,
 * its cookies kept): from `authorizationUrl`, signs in as `login` on the
 * development login page (any password) and agrees on the consent page,
 * following redirects until the provider sends the browser to the client's
 * redirect URI. Answers that URL (with `code` and `state`, or `error`),
 * without calling it.
 */
export async function signInAtProvider(authorizationUrl: string | URL, login: string, redirectUri: string): Promise<URL> {
  const cookies = new Map<string, string>();
  let url = new URL(authorizationUrl);
  let form: URLSearchParams | undefined;
  for (let step = 0; step < 20; step++) {
    const response = await fetch(url, {
      method: form ? 'POST' : 'GET',
      headers: {
        cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; '),
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: form,
      redirect: 'manual',
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
    const location = response.headers.get('location');
    if (location) {
      url = new URL(location, url);
      form = undefined;
      if (url.href.startsWith(redirectUri)) return url;
      continue;
    }
    const page = await response.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1];
    const prompt = /name="prompt" value="([^"]+)"/.exec(page)?.[1];
    if (!response.ok || !action || !prompt) throw new Error(`The provider answered ${response.status} at ${url.pathname} without a sign-in form: ${page.slice(0, 300)}`);
    url = new URL(action.replace(/&amp;/g, '&'), url);
    form = new URLSearchParams(prompt === 'login' ? { prompt, login, password: 'any password' } : { prompt });
  }
  throw new Error('The provider did not send the browser back to the client within 20 steps.');
}
