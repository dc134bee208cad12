/** HTTP calls of the clients: JSON in and out, 30 s at the most. */

export const jsonHeaders = (token: string) => ({ 'content-type': 'application/json', authorization: `Bearer ${token}` });

export interface Answer {
  status: number;
  body: Record<string, unknown> | undefined;
}

/** fetch with a 30 s timeout; the body parsed as JSON (or its first 300 characters as `raw`). */
export async function call(url: string, init: RequestInit): Promise<Answer> {
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(30_000) });
  const text = await res.text();
  let body: Record<string, unknown> | undefined;
  try {
    body = text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
  } catch {
    body = { raw: text.slice(0, 300) };
  }
  return { status: res.status, body };
}
