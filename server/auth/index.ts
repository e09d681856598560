export { createAuth, hashSessionId, SESSION_COOKIE, THROTTLE, type Auth, type AuthOptions } from './auth';
export { adminSeedFromEnv, bootstrapAdmin, type AdminSeed } from './bootstrap';
export { hashPassword, verifyPassword, passwordIssue, PASSWORD_MAX, PASSWORD_MIN, SCRYPT } from './password';
export { type AuthStore, type FailureRecord, type SessionRecord } from './store';
export { createDbAuthStore } from './db-store';
export { needsSetup } from './setup';
export { SETUP_VALID_MS } from './setup-secret';
export { clearSetupSecret, issueSetupSecret } from './setup-secret';
