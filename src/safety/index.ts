export { EMPTY_INPUT_MESSAGE, MAX_INPUT_CHARS, normalizeInput, type NormalizedInput } from './input-limits.ts';
export {
  TurnRateLimiter,
  rateLimitOptionsSchema,
  type RateLimitBackend,
  type RateLimitDecision,
  type RateLimitOptions,
} from './rate-limit.ts';
export { redactSecrets, type RedactionResult, type SecretKind } from './redact-secrets.ts';
