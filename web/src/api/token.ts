/** The optional API token, kept in this browser only (localStorage `ets.token`). */
const KEY = 'ets.token';
const listeners = new Set<() => void>();

export function readToken(): string {
  try {
    return localStorage.getItem(KEY) ?? '';
  } catch {
    return ''; // storage blocked: reads are often open anyway
  }
}

export function saveToken(token: string): void {
  if (token.trim()) localStorage.setItem(KEY, token.trim());
  else localStorage.removeItem(KEY);
  for (const listener of listeners) listener();
}

export function onTokenChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function authorization(): string | undefined {
  const token = readToken();
  return token ? `Bearer ${token}` : undefined;
}
