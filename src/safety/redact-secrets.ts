/**
 * Removes credentials people paste into support chats before the text is stored, logged or
 * searched. Over-redacting a long token-shaped string is cheap; leaking a key is not. What must
 * survive is the troubleshooting evidence: Ray IDs, IPs, plain URLs, error codes, trace output.
 */

export type SecretKind =
  | 'private-key'
  | 'jwt'
  | 'slack-token'
  | 'slack-webhook'
  | 'aws-access-key'
  | 'cloudflare-origin-ca-key'
  | 'discord-bot-token'
  | 'authorization-header'
  | 'cloudflare-global-api-key'
  | 'cloudflare-api-token'
  | 'password'
  | 'generic-secret';

export type RedactionResult = {
  text: string;
  /** Each kind found, once, in detector order. Empty when nothing was redacted. */
  found: SecretKind[];
};

type Detector = {
  kind: SecretKind;
  pattern: RegExp;
  /**
   * True when capture group 1 is a label (`password=`, `Authorization: Bearer `) and group 2 the
   * secret: the label stays so the message still reads naturally. Otherwise the whole match goes.
   */
  labelled: boolean;
};

/** Characters that can appear in a token; used to make sure a match is a whole token, not a slice of one. */
const T = 'A-Za-z0-9_\\-';
/** Skips values an earlier detector already replaced, so a secret is reported under its most specific kind. */
const NOT_REDACTED = '(?!\\[redacted )';
/**
 * A `key=value` or `key: "value"` value: a quoted value runs to its closing quote (passwords may
 * contain spaces), a bare one to the next space, quote or query-string separator.
 */
const VALUE = `${NOT_REDACTED}(?:(?<=")[^"\\n]+|(?<=')[^'\\n]+|[^\\s"'&<>]+)`;
/** Also matches inside SCREAMING_SNAKE and snake_case names (DB_PASSWORD) but not inside words (bypass). */
const LABEL_START = '(?<![A-Za-z])';

// Order matters: specific shapes first, then label-driven and generic rules for whatever remains.
const DETECTORS: readonly Detector[] = [
  {
    kind: 'private-key',
    // A key cut off by a message limit is still secret, so an unterminated block runs to the end.
    pattern: /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z0-9 ]*PRIVATE KEY-----|$(?![\s\S]))/g,
    labelled: false,
  },
  { kind: 'jwt', pattern: new RegExp(`(?<![${T}])eyJ[${T}]{8,}\\.[${T}]{8,}\\.[${T}]*`, 'g'), labelled: false },
  { kind: 'slack-token', pattern: new RegExp(`(?<![${T}])(?:xox[abeoprs]|xapp)-[A-Za-z0-9-]{10,}`, 'g'), labelled: false },
  {
    kind: 'slack-webhook',
    // The path of an incoming-webhook URL is the credential; the host alone is harmless.
    pattern: /(https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/)([A-Za-z0-9/_-]+)/g,
    labelled: true,
  },
  { kind: 'aws-access-key', pattern: /(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])/g, labelled: false },
  { kind: 'cloudflare-origin-ca-key', pattern: new RegExp(`(?<![${T}.])v1\\.0-[${T}]{20,}`, 'g'), labelled: false },
  {
    kind: 'discord-bot-token',
    // base64(user id) . timestamp . HMAC; a snowflake's first digit makes the first part start with M, N or O.
    pattern: new RegExp(`(?<![${T}.])[MNO][${T}]{22,27}\\.[${T}]{6,7}\\.[${T}]{27,40}(?![${T}])`, 'g'),
    labelled: false,
  },
  {
    kind: 'cloudflare-api-token',
    // A bare 40-char string could be a commit hash; a nearby label (CF_API_TOKEN=, "my token is") makes it a token.
    pattern: new RegExp(`((?:token|api|key|bearer)[^\\n]{0,40}?)(?<![${T}])(${NOT_REDACTED}[${T}]{40})(?![${T}])`, 'gi'),
    labelled: true,
  },
  {
    kind: 'authorization-header',
    pattern: new RegExp(`(\\bAuthorization["']?\\s*[:=]\\s*["']?(?:(?:Bearer|Basic|Token)\\s+)?)(${VALUE})`, 'gi'),
    labelled: true,
  },
  {
    kind: 'cloudflare-global-api-key',
    pattern: new RegExp(`(\\bX-Auth-Key["']?\\s*[:=]\\s*["']?)(${VALUE})`, 'gi'),
    labelled: true,
  },
  {
    kind: 'cloudflare-origin-ca-key',
    pattern: new RegExp(`(\\bX-Auth-User-Service-Key["']?\\s*[:=]\\s*["']?)(${VALUE})`, 'gi'),
    labelled: true,
  },
  { kind: 'cloudflare-global-api-key', pattern: new RegExp(`(?<![${T}])[a-f0-9]{37}(?![${T}])`, 'gi'), labelled: false },
  {
    kind: 'password',
    // user:pass@ in any scheme (https, redis, postgres); the user name stays for context.
    pattern: /(\b[a-z][a-z0-9+.-]{0,30}:\/\/[^\s/:@]*:)((?!\[redacted )[^\s/@]+)(?=@)/gi,
    labelled: true,
  },
  {
    kind: 'password',
    pattern: new RegExp(`(${LABEL_START}(?:password|passwd|passphrase|pwd|pass)["']?\\s*[:=]\\s*["']?)(${VALUE})`, 'gi'),
    labelled: true,
  },
  {
    kind: 'generic-secret',
    pattern: new RegExp(
      // Name parts are bounded so a long run like `a-a-a-…` cannot make the match quadratic.
      `(\\b[\\w.-]{0,40}?(?:api[_-]?key|secret|access[_-]?token|auth[_-]?token|refresh[_-]?token|private[_-]?key)[\\w.-]{0,40}["']?\\s*[:=]\\s*["']?)(${VALUE})`,
      'gi',
    ),
    labelled: true,
  },
];

export function redactSecrets(text: string): RedactionResult {
  const found = new Set<SecretKind>();
  let redacted = text;
  for (const { kind, pattern, labelled } of DETECTORS) {
    redacted = redacted.replace(pattern, (_match: string, label: unknown) => {
      found.add(kind);
      const placeholder = `[redacted ${kind}]`;
      return labelled && typeof label === 'string' ? `${label}${placeholder}` : placeholder;
    });
  }
  return { text: redacted, found: [...found] };
}
