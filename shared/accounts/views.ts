import type { UserProfile } from '../identity/schemas';
import type { UserView } from './schemas';

export function userView(profile: UserProfile): UserView {
  return {
    userId: profile.userId,
    role: profile.role,
    displayName: profile.displayName,
    email: profile.email,
    organisation: profile.organisation,
    status: profile.deactivatedAt ? 'deactivated' : profile.erasedAt ? 'erased' : 'active',
    deactivatedAt: profile.deactivatedAt ?? null,
    createdAt: profile.createdAt ?? null,
    origin: profile.origin ?? null,
  };
}
