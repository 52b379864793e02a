import { exportJWK, generateKeyPair, jwtVerify, SignJWT, type CryptoKey, type JWTPayload } from 'jose';
import type { Role } from '../../shared/access/principal';

/**
 * Local stand-in for Cognito and the API Gateway JWT authorizer: a development signing key made at start,
 * tokens shaped like Cognito ID tokens, and the same checks the authorizer makes (signature with an
 * algorithm allow-list, expiry required, issuer, audience) plus the wrapper's: ID tokens only.
 */
export const DEV_ALGORITHM = 'ES256';

/** Overrides exist so tests can make tokens that are well signed but refused, or with other groups. */
export interface SignOptions {
  /** null: no `exp` at all. */
  expiresIn?: string | null;
  audience?: string;
  issuer?: string;
  /** 'access': shaped like a Cognito access token (client_id, no aud). */
  tokenUse?: 'id' | 'access';
  /** cognito:groups as written; default [role]. */
  groups?: string[];
}

export interface DevAuth {
  issuer: string;
  audience: string;
  sign: (user: { userId: string; role: Role; name?: string }, options?: SignOptions) => Promise<string>;
  verify: (token: string) => Promise<JWTPayload>;
  jwks: () => Promise<{ keys: unknown[] }>;
}

export async function createDevAuth(options: { issuer: string; audience?: string; key?: { privateKey: CryptoKey; publicKey: CryptoKey } }): Promise<DevAuth> {
  const { privateKey, publicKey } = options.key ?? (await generateKeyPair(DEV_ALGORITHM, { extractable: true }));
  const audience = options.audience ?? 'essaimage-local-client';
  const issuer = options.issuer;
  /**
   * Tokens whose signature and claims were already checked. The authorizer runs outside the function in AWS,
   * so an ECDSA check per request (about a millisecond on a busy machine) would only slow the local path down.
   * The same string always has the same signature verdict; the time claims are checked again at each use.
   */
  const verified = new Map<string, JWTPayload>();
  return {
    issuer,
    audience,
    sign: (user, signOptions = {}) => {
      const client = signOptions.audience ?? audience;
      const access = signOptions.tokenUse === 'access';
      const jwt = new SignJWT({
        'cognito:groups': signOptions.groups ?? [user.role],
        token_use: signOptions.tokenUse ?? 'id',
        ...(access ? { client_id: client, scope: 'openid email profile' } : {}),
        ...(user.name && !access ? { name: user.name } : {}),
      })
        .setProtectedHeader({ alg: DEV_ALGORITHM, kid: 'local-dev' })
        .setSubject(user.userId)
        .setIssuer(signOptions.issuer ?? issuer)
        .setIssuedAt();
      if (!access) jwt.setAudience(client);
      if (signOptions.expiresIn !== null) jwt.setExpirationTime(signOptions.expiresIn ?? '12h');
      return jwt.sign(privateKey);
    },
    // ID tokens only, as the handler wrapper accepts (shared/access/principal.ts isAcceptedToken): they carry aud.
    verify: async (token) => {
      const known = verified.get(token);
      if (known && stillValid(known)) return known;
      const { payload } = await jwtVerify(token, publicKey, { algorithms: [DEV_ALGORITHM], issuer, audience, requiredClaims: ['exp', 'sub'], clockTolerance: clockToleranceSeconds });
      if (payload.token_use !== 'id') throw new Error('Only ID tokens are accepted');
      if (verified.size >= verifiedLimit) verified.clear();
      verified.set(token, payload);
      return payload;
    },
    jwks: async () => ({ keys: [{ ...(await exportJWK(publicKey)), kid: 'local-dev', alg: DEV_ALGORITHM, use: 'sig' }] }),
  };
}

const verifiedLimit = 10_000;
const clockToleranceSeconds = 5;

function stillValid(payload: JWTPayload): boolean {
  const now = Date.now() / 1000;
  if (typeof payload.exp !== 'number' || payload.exp <= now - clockToleranceSeconds) return false;
  return typeof payload.nbf !== 'number' || payload.nbf <= now + clockToleranceSeconds;
}

/**
 * API Gateway hands claims to Lambda as strings; arrays become "[a b]". The local server does the same so
 * handlers see exactly what they will see in AWS.
 */
export function toApiGatewayClaims(payload: JWTPayload): Record<string, string> {
  const claims: Record<string, string> = {};
  for (const [key, value] of Object.entries(payload)) {
    if (value === undefined) continue;
    claims[key] = Array.isArray(value) ? `[${value.join(' ')}]` : typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
  return claims;
}
