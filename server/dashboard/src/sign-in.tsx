import type { SessionInfo, SignInOptions } from '@customer-chair/shared/schemas/session';
import type { Ref } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from './api';
import { DemoBanner } from './demo-banner';
import { TokenForm } from './token-form';

/** When the server cannot say what it offers, the token form still works (it says so if tokens are off). */
const TOKEN_ONLY: SignInOptions = { providerName: null, tokenSignIn: true, demo: false };

/**
 * Sign-in: "Sign in with <provider>" (a plain navigation to the server, which
 * sends the browser to the company's identity provider) and/or the admin-token
 * form, as the server is set up. The token goes to the server once and is never
 * kept in the page.
 */
export function SignIn({ notice, onSignedIn }: { notice?: string; onSignedIn: (session: SessionInfo) => void }) {
  const [options, setOptions] = useState<SignInOptions>();
  const first = useRef<HTMLElement>(null);

  useEffect(() => {
    api.signInOptions().then(setOptions, () => setOptions(TOKEN_ONLY));
  }, []);
  // Once the choices are painted, the keyboard starts on the first of them.
  useEffect(() => first.current?.focus(), [options]);

  return (
    <main class="sign-in">
      <DemoBanner />
      <p class="brand">Customer Chair · CX dashboard</p>
      <h1>Is the customer in every department’s day?</h1>
      <p class="lede">Adoption by department, week by week — counted per department, never per person.</p>
      {notice && <p class="notice" role="status">{notice}</p>}
      {/* Nothing until the server said what it offers: no token form that vanishes a moment later. */}
      <div class="sign-in-choices" aria-busy={options ? undefined : true}>
        {options?.providerName && (
          <section class="provider" aria-labelledby="provider-title">
            <h2 id="provider-title" class="visually-hidden">
              Company sign-in
            </h2>
            <a class="button primary" href="/auth/oidc/start" ref={first as Ref<HTMLAnchorElement>}>
              Sign in with {options.providerName}
            </a>
            <p class="hint">CX leads, judges and viewers: your company account decides what you may see.</p>
          </section>
        )}
        {options?.providerName && options.tokenSignIn && (
          <p class="or" role="separator" aria-label="or">
            <span aria-hidden="true">or</span>
          </p>
        )}
        {options?.tokenSignIn && (
          <TokenForm
            label={options.providerName ? 'Admin token (for administrators)' : 'Admin token'}
            // Second to the provider's button when there is one: in focus order and in weight.
            main={!options.providerName}
            inputRef={options.providerName ? undefined : first}
            onSignedIn={onSignedIn}
          />
        )}
      </div>
    </main>
  );
}
