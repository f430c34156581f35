/**
 * `localStorage` that never throws: storage can be missing, blocked (private mode, cookies off) or full, and
 * none of that may break the form. A value of `null` removes the key.
 */
export function load(key: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(key) ?? 'null');
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export function save(key: string, value: object | null): void {
  try {
    if (value) localStorage.setItem(key, JSON.stringify(value));
    else localStorage.removeItem(key);
  } catch {
    // Full or unavailable: the draft is simply not kept.
  }
}

/** A string from stored data that may be anything. */
export const text = (value: unknown): string => (typeof value === 'string' ? value : '');
