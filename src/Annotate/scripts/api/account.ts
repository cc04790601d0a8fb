import { ApiError, getJson, request } from './http';

/** One personal API token as listed: never its secret. Dates are ISO 8601. */
export interface ApiToken {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** The answer to creating a token: the only time the secret is shown. */
export interface NewApiToken {
  id: string;
  name: string;
  token: string;
  createdAt: string;
}

/** The signed-in person: an account has a user name and a password; a display-name person neither. */
export interface AccountInfo {
  userId: string;
  displayName: string;
  userName: string | null;
  hasPassword: boolean;
}

export const accountApi = {
  me: () => getJson<AccountInfo>('/api/account'),
  /** 204 on success; 400 naming currentPassword/newPassword, or "No password" for a display-name user. */
  async changePassword(currentPassword: string, newPassword: string): Promise<void> {
    await request('POST', '/api/account/password', { body: { currentPassword, newPassword } });
  },

  tokens(signal?: AbortSignal): Promise<ApiToken[]> {
    return getJson<ApiToken[]>('/api/tokens', undefined, signal);
  },

  async createToken(name: string): Promise<NewApiToken> {
    const token = await request<NewApiToken>('POST', '/api/tokens', { body: { name } });
    if (!token) throw new ApiError(500, 'Empty answer from the server', 'The server did not return the new token.');
    return token;
  },

  async revokeToken(id: string): Promise<void> {
    await request('DELETE', `/api/tokens/${encodeURIComponent(id)}`);
  },
};
