import { exportJWK, generateKeyPair, jwtVerify, SignJWT, type CryptoKey, type JWTPayload } from 'jose';
import type { Role } from '../../shared/access/principal';

/**
 * Local stand-in for Cognito and the API Gateway JWT authorizer: a development signing key made at start,
 * tokens shaped like Cognito ID tokens, and the same checks the authorizer makes (signature with an
 * algorithm allow-list, expiry, issuer, audience).
 */
export const DEV_ALGORITHM = 'ES256';

/** Overrides exist so tests can make tokens that are well signed but for another audience or issuer. */
export interface SignOptions {
  expiresIn?: string;
  audience?: string;
  issuer?: string;
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
  return {
    issuer,
    audience,
    sign: (user, signOptions = {}) =>
      new SignJWT({ 'cognito:groups': [user.role], token_use: 'id', ...(user.name ? { name: user.name } : {}) })
        .setProtectedHeader({ alg: DEV_ALGORITHM, kid: 'local-dev' })
        .setSubject(user.userId)
        .setIssuer(signOptions.issuer ?? issuer)
        .setAudience(signOptions.audience ?? audience)
        .setIssuedAt()
        .setExpirationTime(signOptions.expiresIn ?? '12h')
        .sign(privateKey),
    verify: async (token) =>
      (await jwtVerify(token, publicKey, { algorithms: [DEV_ALGORITHM], issuer, audience, clockTolerance: 5 })).payload,
    jwks: async () => ({ keys: [{ ...(await exportJWK(publicKey)), kid: 'local-dev', alg: DEV_ALGORITHM, use: 'sig' }] }),
  };
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
