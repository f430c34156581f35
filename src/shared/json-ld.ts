import { create } from './dom.js';
import { warnOnce } from './warn.js';

interface Policy {
  createScript(text: string): unknown;
}
type TrustedTypesGlobal = { trustedTypes?: { createPolicy(name: string, rules: Policy): Policy } };

/**
 * The Trusted Types policy `lede`, created once per page (kept on `globalThis`, so two copies of Lede share it:
 * a second `createPolicy('lede')` would throw under `trusted-types lede`). It only passes JSON, which run as a
 * script is an inert literal, so the policy cannot be used to smuggle code.
 */
function policy(): Policy | undefined {
  const g = globalThis as TrustedTypesGlobal & Record<symbol, Policy>;
  const key = Symbol.for('lede.trusted-types');
  return (
    g.trustedTypes &&
    (g[key] ??= g.trustedTypes.createPolicy('lede', { createScript: (text) => (JSON.parse(text), text) }))
  );
}

/** `data` as schema.org JSON-LD text ('' for none), `<` escaped so that it can never close its script element. */
export const jsonLd = (data: object | false): string =>
  data ? JSON.stringify({ '@context': 'https://schema.org', ...data }).replace(/</g, '\\u003c') : '';

/**
 * Keeps exactly one `<script type="application/ld+json" slot="lede-data">` child holding `json` (none when it is
 * empty): extra copies (a clone, stale server-rendered markup) are replaced. When Trusted Types refuse the `lede`
 * policy, warns once.
 */
export function writeJsonLd(host: HTMLElement, json: string): void {
  const scripts = host.querySelectorAll(':scope>script[slot=lede-data]');
  if ([...scripts].map((script) => script.textContent).join('\n') === json) return;
  scripts.forEach((script) => script.remove());
  try {
    if (json)
      host.append(
        Object.assign(create('script'), {
          type: 'application/ld+json',
          slot: 'lede-data',
          textContent: (policy()?.createScript(json) ?? json) as string,
        }),
      );
  } catch (error) {
    warnOnce(host, 'structured-data', String(error));
  }
}
