/**
 * The test harness's handle on a running gateway: budgets, settings, faults, token expiry and
 * revocation, and the record of requests.
 */
import { type BudgetChange, changeBudget, type UsageSummary, usageOf } from './billing/ledger';
import type { GatewayContext } from './context';
import type { Fault, HeldResponse } from './faults';
import { MODELS_SHAPES, type ModelsShape } from './options';
import type { RecordedRequest } from './recording';
import { DEMO_USER_ID, type User } from './state';

export interface GatewayControl {
  /** Changes a user's budget (default: the demo account). */
  setBudget(change: BudgetChange & { email?: string }): void;
  getUsage(email?: string): UsageSummary;
  setPace(ms: number): void;
  /** Applies to access tokens issued from now on. */
  setAccessTokenTtl(seconds: number): void;
  setModelsShape(shape: ModelsShape): void;
  /** Every chat answer is exactly this text until set back to null. */
  setReply(text: string | null): void;
  /** Every chat model reads at most this many tokens (prompt and max_tokens) until set back to null. */
  setContextLength(tokens: number | null): void;
  /** Every image answer comes as a URL or as base64, as a provider that ignores `response_format` would, until null. */
  setImageFormat(format: 'url' | 'b64_json' | null): void;
  injectFault(fault: Fault): void;
  /** The next response a `hold` fault keeps back: its body, and how to let it go. */
  nextHeldResponse(): Promise<HeldResponse>;
  /** Lets every held response go. */
  releaseHeld(): void;
  /** Whether the gateway would still honour this access or refresh token. */
  tokenStatus(token: string): 'active' | 'rotated' | 'revoked' | 'expired' | 'unknown';
  expireAccessTokens(): void;
  /** Revokes every grant and forgets every consent, as a user revoking the app would. */
  revokeAllGrants(): void;
  /** Revokes the grant of this refresh or access token; false if the token is unknown. */
  revokeGrantOf(token: string): boolean;
  requests(): RecordedRequest[];
  clearRequests(): void;
  reset(): void;
}

export function createControl(ctx: GatewayContext): GatewayControl {
  const userByEmail = (email: string | undefined): User => {
    const user =
      email === undefined ? ctx.state.users.get(DEMO_USER_ID) : ctx.state.findUserByEmail(email);
    if (!user) throw new TypeError(`No user with email ${email}`);
    return user;
  };
  const requireNonNegative = (value: unknown, name: string): number => {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new TypeError(`${name} must be a non-negative number`);
    }
    return value;
  };

  return {
    setBudget({ email, ...change }) {
      changeBudget(userByEmail(email), change);
    },
    getUsage(email) {
      return usageOf(userByEmail(email));
    },
    setPace(ms) {
      ctx.state.settings.paceMs = requireNonNegative(ms, 'ms');
    },
    setAccessTokenTtl(seconds) {
      ctx.state.settings.accessTokenTtlSeconds = requireNonNegative(seconds, 'seconds');
    },
    setModelsShape(shape) {
      if (!MODELS_SHAPES.includes(shape)) {
        throw new TypeError(`shape must be one of ${MODELS_SHAPES.join(', ')}`);
      }
      ctx.state.settings.modelsShape = shape;
    },
    setReply(text) {
      if (text !== null && typeof text !== 'string')
        throw new TypeError('text must be a string or null');
      ctx.state.settings.replyOverride = text;
    },
    setContextLength(tokens) {
      ctx.state.settings.contextLengthOverride =
        tokens === null ? null : requireNonNegative(tokens, 'tokens');
    },
    setImageFormat(format) {
      if (format !== null && format !== 'url' && format !== 'b64_json')
        throw new TypeError('format must be url, b64_json or null');
      ctx.state.settings.imageFormatOverride = format;
    },
    injectFault(fault) {
      ctx.faults.inject(fault);
    },
    nextHeldResponse() {
      return ctx.faults.nextHeld();
    },
    releaseHeld() {
      ctx.faults.releaseHeld();
    },
    tokenStatus(token) {
      const now = Date.now();
      const access = ctx.state.accessTokens.get(token);
      const refresh = ctx.state.refreshTokens.get(token);
      const grant = ctx.state.grants.get(access?.grantId ?? refresh?.grantId ?? '');
      if (!grant) return 'unknown';
      if (grant.revoked || access?.revoked || refresh?.status === 'revoked') return 'revoked';
      if (refresh?.status === 'rotated') return 'rotated';
      const expiresAt = (access ?? refresh)?.expiresAt ?? 0;
      return expiresAt <= now ? 'expired' : 'active';
    },
    expireAccessTokens() {
      ctx.grants.expireAllAccessTokens();
    },
    revokeAllGrants() {
      ctx.grants.revokeAllGrants();
      ctx.state.consents.clear();
    },
    revokeGrantOf(token) {
      const grantId = ctx.grants.grantIdOf(token);
      if (!grantId) return false;
      ctx.grants.revokeGrant(grantId);
      return true;
    },
    requests() {
      return ctx.recorder.list();
    },
    clearRequests() {
      ctx.recorder.clear();
    },
    reset() {
      ctx.state.reset();
      ctx.faults.clear();
      ctx.recorder.clear();
    },
  };
}
