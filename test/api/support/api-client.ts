// A small HTTP client for the tests: keeps the session cookie and the CSRF token like a browser page would.
import assert from 'node:assert/strict';

export type ApiResponse<T = unknown> = { status: number; headers: Headers; body: T; text: string };

export type RequestOptions = {
  json?: unknown;
  form?: FormData;
  headers?: Record<string, string>;
  /** Leave out the X-CSRF-Token header (as a cross-site form would). */
  isCsrfOmitted?: boolean;
};

export class ApiClient {
  readonly baseUrl: string;
  sessionCookie: string | undefined;
  csrfToken: string | undefined;
  bearerToken: string | undefined;

  constructor(baseUrl: string) {
    this.baseUrl = baseUrl;
  }

  /** A client that authenticates with an API token only. */
  withToken(token: string): ApiClient {
    const client = new ApiClient(this.baseUrl);
    client.bearerToken = token;
    return client;
  }

  async signIn(login: string, password: string): Promise<ApiResponse<{ user: { id: number; login: string; role: string; teamId: number; teamName: string }; csrfToken: string }>> {
    const response = await this.call<{ user: { id: number; login: string; role: string; teamId: number; teamName: string }; csrfToken: string }>('POST', '/api/session', {
      json: { login, password },
    });
    assert.equal(response.status, 200, `sign-in of ${login} failed: ${response.text}`);
    this.csrfToken = response.body.csrfToken;
    return response;
  }

  async call<T = unknown>(method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.sessionCookie) headers.cookie = this.sessionCookie;
    if (this.bearerToken) headers.authorization = `Bearer ${this.bearerToken}`;
    if (this.csrfToken && !options.isCsrfOmitted && method !== 'GET') headers['x-csrf-token'] = this.csrfToken;
    let body: string | FormData | undefined;
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    } else if (options.form) {
      body = options.form;
    }
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, body });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      if (!pair?.startsWith('intake_session=')) continue;
      // An expired (cleared) cookie ends the session in this "browser" too.
      this.sessionCookie = /expires=Thu, 01 Jan 1970/i.test(cookie) || pair === 'intake_session=' ? undefined : pair;
    }
    const text = await response.text();
    const isJson = response.headers.get('content-type')?.includes('application/json') ?? false;
    return { status: response.status, headers: response.headers, body: (isJson && text ? JSON.parse(text) : text) as T, text };
  }

  get<T = unknown>(path: string, options?: RequestOptions): Promise<ApiResponse<T>> {
    return this.call<T>('GET', path, options);
  }
  post<T = unknown>(path: string, json?: unknown, options?: RequestOptions): Promise<ApiResponse<T>> {
    return this.call<T>('POST', path, { ...options, json });
  }
  put<T = unknown>(path: string, json: unknown, options?: RequestOptions): Promise<ApiResponse<T>> {
    return this.call<T>('PUT', path, { ...options, json });
  }
  patch<T = unknown>(path: string, json: unknown, options?: RequestOptions): Promise<ApiResponse<T>> {
    return this.call<T>('PATCH', path, { ...options, json });
  }
  delete<T = unknown>(path: string, options?: RequestOptions): Promise<ApiResponse<T>> {
    return this.call<T>('DELETE', path, options);
  }

  /** POST /api/uploads with one file in the field "file". */
  upload<T = unknown>(fileName: string, content: string | Uint8Array, query = ''): Promise<ApiResponse<T>> {
    const form = new FormData();
    form.append('file', new Blob([content]), fileName);
    return this.call<T>('POST', `/api/uploads${query}`, { form });
  }
}

/** Asserts the status and the {code, message} shape of an error answer. */
export function assertError(response: ApiResponse, status: number, code?: string): void {
  assert.equal(response.status, status, `expected ${status}${code ? ` ${code}` : ''}, got ${response.status}: ${response.text}`);
  const body = response.body as { code?: unknown; message?: unknown };
  assert.equal(typeof body.code, 'string', `no error code in ${response.text}`);
  assert.equal(typeof body.message, 'string');
  if (code) assert.equal(body.code, code);
}

export type ServerSentEvent = { event: string; data: unknown };

/** Reads a Server-Sent Events stream until its `end` (or `error`) event, or fails after `timeoutMs`. */
export async function readEventStream(client: ApiClient, path: string, timeoutMs = 30_000): Promise<{ status: number; contentType: string | null; events: ServerSentEvent[] }> {
  const headers: Record<string, string> = { accept: 'text/event-stream' };
  if (client.sessionCookie) headers.cookie = client.sessionCookie;
  if (client.bearerToken) headers.authorization = `Bearer ${client.bearerToken}`;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetch(`${client.baseUrl}${path}`, { headers, signal: controller.signal });
    const events: ServerSentEvent[] = [];
    if (!response.ok || !response.body) return { status: response.status, contentType: response.headers.get('content-type'), events };
    const decoder = new TextDecoder();
    let buffered = '';
    for await (const chunk of response.body) {
      buffered += decoder.decode(chunk, { stream: true });
      let boundary: number;
      while ((boundary = buffered.indexOf('\n\n')) >= 0) {
        const block = buffered.slice(0, boundary);
        buffered = buffered.slice(boundary + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (event && data) events.push({ event, data: JSON.parse(data) });
        // The server ends the stream after these; leaving the loop cancels the body.
        if (event === 'end' || event === 'error') {
          return { status: response.status, contentType: response.headers.get('content-type'), events };
        }
      }
    }
    return { status: response.status, contentType: response.headers.get('content-type'), events };
  } finally {
    clearTimeout(timer);
  }
}
