import * as client from 'openid-client';
import type { Clock } from '../clock';
import type { OidcConfig } from '../config';

/** What the server asks the provider for: who the person is; groups and department come as claims in the ID token. */
const SCOPE = 'openid profile email';
/** A provider that does not answer within this (seconds) is "unreachable": the person gets a page saying so, not a spinner. */
const TIMEOUT_SECONDS = 10;

/** What the callback needs to check the provider's answer: kept server-side between the two legs. */
export type SentSignIn = { state: string; nonce: string; codeVerifier: string };

/** The ID token's claims, checked: issuer, audience, nonce, expiry. */
export type IdTokenClaims = client.IDToken;

export type OidcClient = {
  /** A new sign-in: fresh state, nonce and PKCE verifier, and the provider's address to send the browser to. */
  start(): Promise<SentSignIn & { url: URL }>;
  /**
   * The provider's answer at the callback (`search`: the callback's query):
   * the code exchanged (with the PKCE verifier) and the ID token checked by
   * openid-client. Throws when anything does not hold (describeOidcFailure).
   */
  finish(search: string, sent: SentSignIn): Promise<IdTokenClaims>;
};

/**
 * The relying party of OIDC_ISSUER, with openid-client (a certified
 * implementation). The provider's settings come from its discovery document:
 * read on first use and kept, read again after a failure. Token times are
 * judged by the server's clock. Plain http is accepted only for a loopback
 * issuer (a provider on the same machine, as in the tests).
 */
export function oidcClient(config: OidcConfig, clock: Clock): OidcClient {
  let discovered: Promise<client.ServerMetadata> | undefined;
  const insecure = isLoopbackHttp(config.issuer);
  const execute = insecure ? [client.allowInsecureRequests] : [];
  const server = () => {
    discovered ??= client
      .discovery(new URL(config.issuer), config.clientId, config.clientSecret, undefined, { timeout: TIMEOUT_SECONDS, execute })
      .then((found) => found.serverMetadata())
      .catch((error: unknown) => {
        discovered = undefined;
        throw error;
      });
    return discovered;
  };
  // A configuration per use, from the kept metadata: the server's clock as it is now.
  const configuration = async () => {
    const made = new client.Configuration(await server(), config.clientId, {
      client_secret: config.clientSecret,
      [client.clockSkew]: Math.round((clock.now().getTime() - Date.now()) / 1000),
    });
    made.timeout = TIMEOUT_SECONDS;
    for (const step of execute) step(made);
    return made;
  };
  return {
    async start() {
      const sent = { state: client.randomState(), nonce: client.randomNonce(), codeVerifier: client.randomPKCECodeVerifier() };
      const url = client.buildAuthorizationUrl(await configuration(), {
        redirect_uri: config.redirectUrl,
        scope: SCOPE,
        state: sent.state,
        nonce: sent.nonce,
        code_challenge: await client.calculatePKCECodeChallenge(sent.codeVerifier),
        code_challenge_method: 'S256',
      });
      return { ...sent, url };
    },
    async finish(search, sent) {
      // The provider sent the browser to OIDC_REDIRECT_URL: the same address here, whatever proxy it came through.
      const callback = new URL(config.redirectUrl);
      callback.search = search;
      const tokens = await client.authorizationCodeGrant(await configuration(), callback, {
        pkceCodeVerifier: sent.codeVerifier,
        expectedState: sent.state,
        expectedNonce: sent.nonce,
        idTokenExpected: true,
      });
      return tokens.claims()!;
    },
  };
}

function isLoopbackHttp(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  return protocol === 'http:' && (hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]');
}

/**
 * Why a sign-in failed, for the person on the refusal page: a provider
 * that did not answer (502), or an answer that did not pass a check (401),
 * naming the check. Never the token itself.
 */
export function describeOidcFailure(error: unknown, providerName: string): { status: 401 | 502; message: string } {
  if (error instanceof client.ResponseBodyError) {
    if (error.error === 'invalid_grant') return { status: 401, message: `${providerName} refused the sign-in code: it was used already or has expired.` };
    return { status: 401, message: `${providerName} refused to finish the sign-in (${error.error}${error.error_description ? `: ${error.error_description}` : ''}).` };
  }
  if (error instanceof client.AuthorizationResponseError) {
    return { status: 401, message: `${providerName} did not sign you in (${error.error}${error.error_description ? `: ${error.error_description}` : ''}).` };
  }
  const code = (error as { code?: unknown }).code;
  // openid-client wraps oauth4webapi's error, which names the claim (or the answer's parameter) that failed.
  const cause = (error as { cause?: { message?: unknown; claim?: unknown; attribute?: unknown; cause?: { claim?: unknown; attribute?: unknown } } }).cause;
  const claim = String(cause?.claim ?? cause?.attribute ?? cause?.cause?.claim ?? cause?.cause?.attribute ?? /"(\w+)"/.exec(String(cause?.message ?? ''))?.[1] ?? '');
  if (code === 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED') return { status: 401, message: `The ID token from ${providerName} has expired (or is not valid yet); nothing was signed in.` };
  if (code === 'OAUTH_JWT_CLAIM_COMPARISON_FAILED' || code === 'OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED' || code === 'OAUTH_INVALID_RESPONSE' || code === 'OAUTH_RESPONSE_IS_NOT_CONFORM') {
    const why: Record<string, string> = {
      nonce: 'was not issued for this sign-in (its nonce does not match)',
      aud: 'was issued for another application (its audience is not this server)',
      azp: 'was issued for another application (its authorized party is not this server)',
      iss: `comes from another issuer than ${providerName}`,
      state: 'answers another sign-in (its state does not match)',
    };
    return { status: 401, message: `The answer from ${providerName} ${why[claim] ?? `did not pass the checks (${error instanceof Error ? error.message : String(error)})`}; nothing was signed in.` };
  }
  if (error instanceof client.ClientError || error instanceof TypeError || (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))) {
    if (code === undefined || error instanceof TypeError || error.name === 'TimeoutError' || error.name === 'AbortError') {
      return { status: 502, message: `${providerName} could not be reached; try again in a few minutes, and if it lasts, tell your IT team.` };
    }
  }
  return { status: 401, message: `The answer from ${providerName} did not pass the checks (${error instanceof Error ? error.message : String(error)}); nothing was signed in.` };
}
