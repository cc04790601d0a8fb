import type { ProblemDetails } from './types';

/** An API call that failed: carries what the server's ProblemDetails said, for the user to read. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string | undefined,
    /** The whole ProblemDetails body, when there was one (validation `errors`, a conflict's `current`). */
    readonly problem: ProblemDetails = {},
  ) {
    super(detail ? `${title}: ${detail}` : title);
    this.name = 'ApiError';
  }
}

type Query = Record<string, string | undefined>;
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal | undefined;
  /** 401 is an expected answer (the session probe): do not report it as "signed out". */
  expectUnauthorized?: boolean;
}

let unauthorizedHandler: (() => void) | undefined;

/** Called when any API call answers 401, so the app can ask the person to sign in again. */
export function onUnauthorized(handler: () => void): void {
  unauthorizedHandler = handler;
}

function url(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== '') params.set(key, value);
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

const xsrfCookie = 'XSRF-TOKEN';
const xsrfHeader = 'X-XSRF-TOKEN';
/** The title of the server's answer to a write without a valid anti-forgery token. */
const missingTokenTitle = 'Missing anti-forgery token';

/** The anti-forgery token the server left in the readable XSRF-TOKEN cookie, if any. */
function readXsrfToken(): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === xsrfCookie) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

/** The token for the next write: from the cookie, or fetched first (GET /api/antiforgery sets the cookie). */
async function xsrfToken(refresh: boolean): Promise<string | undefined> {
  const current = refresh ? undefined : readXsrfToken();
  if (current) return current;
  await fetch('/api/antiforgery', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  return readXsrfToken();
}

/** Sends one request to the API; resolves to the parsed JSON body, or undefined for an empty one. */
export async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T | undefined> {
  let response = await send(method, path, options, false);
  // A token from before a sign-in elsewhere (or an expired session) is refused once: fetch a fresh one and retry.
  if (response.status === 400 && method !== 'GET') {
    const error = await toApiError(response.clone());
    if (error.title === missingTokenTitle) response = await send(method, path, options, true);
  }

  if (response.status === 401 && !options.expectUnauthorized) unauthorizedHandler?.();
  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined;
  const text = await response.text();
  return text ? (JSON.parse(text) as T) : undefined;
}

async function send(method: Method, path: string, options: RequestOptions, refreshToken: boolean): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';

  try {
    // The backend's CSRF check: a page on another site can neither read the cookie nor set this header.
    if (method !== 'GET') {
      const token = await xsrfToken(refreshToken);
      if (token) headers[xsrfHeader] = token;
    }
    return await fetch(url(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'Could not reach the server', 'Check that Annotate is running and try again.');
  }
}

/** GET that must answer with a body. */
export async function getJson<T>(path: string, query?: Query, signal?: AbortSignal): Promise<T> {
  const body = await request<T>('GET', path, { ...(query ? { query } : {}), signal });
  if (body === undefined) throw new ApiError(500, 'Empty answer from the server', `GET ${path} returned no body.`);
  return body;
}

async function toApiError(response: Response): Promise<ApiError> {
  let problem: ProblemDetails = {};
  try {
    const type = response.headers.get('Content-Type') ?? '';
    if (type.includes('json')) problem = (await response.json()) as ProblemDetails;
  } catch {
    // Not JSON after all: fall back to the status line below.
  }
  const title = problem.title || `${response.status} ${response.statusText || 'Request failed'}`.trim();
  const validation = problem.errors ? Object.values(problem.errors).flat().join(' ') : '';
  return new ApiError(response.status, title, problem.detail || validation || undefined, problem);
}
