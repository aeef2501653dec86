/**
 * Judgements the redaction rules share: does a key name promise a secret (`DB_PASSWORD`,
 * `X-Auth-Key`, `clientSecret`), and is the value after it a real secret or only a reference to
 * one (`process.env.TOKEN`, `${{ secrets.X }}`, `<your-api-key>`)? A reference tells support
 * where the secret lives, which is useful and harmless, so it stays.
 */

/** Words that make a key a secret wherever they appear in it (PGPASSWORD, apiSecretValue). */
const STRONG_WORDS = ['password', 'passwd', 'passphrase', 'passcode', 'secret', 'token', 'apikey', 'credential', 'privatekey', 'signature', 'authorization'];
/** Words that name a secret only as a whole part of the key (DB_PASS, x-auth-token, WP AUTH_SALT), not inside other words (bypass). */
const WEAK_PARTS = new Set(['pass', 'pwd', 'pw', 'auth', 'salt', 'sig', 'dsn', 'pat', 'sessid', 'sid', 'jwt', 'psk', 'otp', 'totp']);
/** `key` alone is everywhere in code (cache_key, sort_key, an R2 object key); next to one of these it is a credential. */
const KEY_QUALIFIERS = new Set([
  'api', 'auth', 'access', 'secret', 'private', 'priv', 'signing', 'encryption', 'enc', 'master', 'license', 'licence', 'client', 'service',
  'account', 'app', 'bot', 'global', 'origin', 'ca', 'cf', 'r2', 's3', 'aws', 'stripe', 'webhook', 'hmac', 'jwt', 'session', 'crypt', 'nonce',
  'logged', 'secure', 'live', 'test', 'server', 'admin', 'deploy', 'integration', 'ingest', 'write', 'read', 'root', 'gpg', 'ssh', 'tsig', 'dkim',
]);
/** A key ending in one of these names something about the secret, not the secret (TOKEN_URL, api_key_id, password_file, max_tokens). */
const NOT_SECRET_LAST = new Set([
  'id', 'ids', 'url', 'uri', 'endpoint', 'host', 'hostname', 'port', 'user', 'username', 'name', 'email', 'file', 'path', 'dir', 'type',
  'length', 'len', 'ttl', 'expiry', 'expires', 'expiration', 'at', 'in', 'count', 'header', 'field', 'enabled', 'required', 'policy',
  'reset', 'hint', 'label', 'placeholder', 'tokens', 'keys', 'prefix', 'format', 'version', 'algorithm', 'alg', 'mode', 'timeout',
  'lifetime', 'rotation', 'manager', 'store', 'provider', 'strength', 'min', 'max', 'changed', 'updated', 'created', 'location', 'scope',
  'scopes', 'permissions', 'status', 'method', 'methods', 'size', 'bits', 'template', 'env', 'var', 'variable',
]);
/** Keys that look secret but hold public or harmless values (a Turnstile site key, a public key, a tokenizer). */
const NOT_SECRET_PARTS = new Set(['public', 'site', 'sitekey', 'pub', 'publishable', 'tokenizer', 'tokenizers', 'bypass', 'passthrough']);
/** The shell's previous directory, not a password (PWD itself is caught by its value being a path). */
const NOT_SECRET_KEYS = new Set(['oldpwd']);

/** Splits `X-Auth-Key`, `DB_PASSWORD`, `clientSecret`, `$db_pass` into lower-case parts. */
function keyParts(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/**
 * What a key name promises: a password, another secret, an Authorization value, or nothing.
 * `weak` is the bare word `key`: a secret only if the value looks random.
 */
export type SecretKeyClass = 'password' | 'secret' | 'authorization' | 'weak' | undefined;

/** Every secret word contains one of these; most keys in a paste contain none, and skip the rest of the work. */
const CANDIDATE = /pass|pw|secret|token|key|auth|salt|sig|dsn|pat|sess|sid|jwt|psk|otp|credential/i;

/** Pastes repeat the same few keys (a JSON array, a config dump): remember the answers, within a bound. */
const classified = new Map<string, SecretKeyClass>();
const CLASSIFIED_MAX = 2000;

export function classifyKey(key: string): SecretKeyClass {
  if (!CANDIDATE.test(key)) return undefined;
  if (classified.has(key)) return classified.get(key);
  const cls = classifyParts(key);
  if (classified.size >= CLASSIFIED_MAX) classified.clear();
  classified.set(key, cls);
  return cls;
}

function classifyParts(key: string): SecretKeyClass {
  const parts = keyParts(key);
  if (parts.length === 0 || parts.length > 8) return undefined;
  const joined = parts.join('');
  if (NOT_SECRET_KEYS.has(joined) || NOT_SECRET_LAST.has(parts.at(-1)!) || parts.some((p) => NOT_SECRET_PARTS.has(p))) return undefined;
  if (joined.includes('authorization')) return 'authorization';
  if (/pass(?:wd|word|phrase|code)/.test(joined) || parts.some((p) => /^(?:db|pg|my|mysql|sql|ftp|sftp|ssh|smtp|mail|admin|root|user|redis|web|wifi)?(?:pass|pwd|pw)$/.test(p))) return 'password';
  if (STRONG_WORDS.some((w) => joined.includes(w))) return 'secret';
  if (parts.some((p) => WEAK_PARTS.has(p))) return 'secret';
  if (parts.includes('key') || parts.at(-1)!.endsWith('key')) {
    if (parts.some((p) => KEY_QUALIFIERS.has(p) || KEY_QUALIFIERS.has(p.replace(/key$/, '')))) return 'secret';
    if (parts.length === 1) return 'weak';
  }
  return undefined;
}

/** Values that stand for "no secret here": types, booleans, empty markers, the word itself. */
const NON_VALUES = new Set([
  'true', 'false', 'null', 'nil', 'none', 'undefined', 'string', 'str', 'bool', 'boolean', 'int', 'number', 'required', 'optional', 'empty',
  'hidden', 'secret', 'password', 'passwd', 'pass', 'token', 'apikey', 'api_key', 'key', 'value', 'redacted', 'removed', 'censored', 'omitted',
  'xxx', 'n/a', 'na', 'tbd', 'todo', 'header', 'field', 'bearer', 'basic', 'is', 'was', 'here', 'and', 'or', 'the', 'to', 'in', 'for',
  'of', 'on', 'with', 'from', 'my', 'your', 'it', 'that', 'this', 'not', 'unset', 'missing', 'blank',
]);

/** Where code or config fetches a secret from, rather than the secret itself. */
const REFERENCE_PREFIX =
  /^(?:process\.env|import\.meta\.env|Deno\.env|Bun\.env|env|ENV|os\.environ|os\.getenv|getenv|System\.getenv|Environment\.GetEnvironmentVariable|secrets|vars|inputs|config|settings|context\.env|c\.env|ctx\.env|self|this|args|opts|options|params|req|request|credentials)\s*(?:\.|\[|\(|::)/;

/**
 * True when a value only points at a secret: an environment variable, a CI secret, a template
 * slot, a placeholder like `<your-api-key>` or `xxxx`, or a word that is not a secret at all.
 */
export function isReference(raw: string): boolean {
  const value = raw.trim().replace(/^["'`]|["'`,;)]$/g, '').trim();
  if (value === '') return true;
  if (NON_VALUES.has(value.toLowerCase())) return true;
  // $VAR, ${VAR}, $env:VAR, %VAR%, ${{ secrets.X }}, {{ .Values.x }}, <% secret %>, #{var}
  if (/^\$(?:env:)?[A-Za-z_][\w]*$|\$\{|\{\{|\{%|<%|^%[A-Za-z_]\w*%$|#\{/.test(value)) return true;
  // {token} in an f-string or format call, :token in a route
  if (/^\{[\w.]+\}$/.test(value)) return true;
  // <your-api-key>, [YOUR_TOKEN], [redacted password]
  if (/^<[^<>]*>$|^\[[^\]]*\]?$/.test(value)) return true;
  if (REFERENCE_PREFIX.test(value)) return true;
  // A call or a dotted path in code: getToken(), os.Getenv("X"), cfg.db.password, secrets.get('x')
  if (/^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*\s*\(/.test(value) || /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$/.test(value)) return true;
  // xxxx, ****, ••••, ..., xxxx-xxxx-xxxx
  if (/^[xX*•#._\-\s]{3,}$/.test(value) && /[xX*•#.]{3}/.test(value)) return true;
  // your-api-key, YOUR_TOKEN_HERE, insert_token, <token goes here>
  if (/^(?:your|insert|enter|paste|replace)[\s_-]|your[\s_-]?(?:own[\s_-]?)?(?:api|token|secret|key|pass|app|bot|cloudflare|access)|[\s_-]here$|^(?:api|secret|access)?[\s_-]?(?:key|token|secret)[\s_-]?(?:goes[\s_-]here|placeholder)$/i.test(value)) return true;
  return false;
}

/** A random-looking credential: long, letters and digits, no spaces. Used where the label alone is weak ("key", "Bearer"). */
export function looksRandom(value: string, minLength = 16): boolean {
  return value.length >= minLength && !/\s/.test(value) && /\d/.test(value) && /[A-Za-z]/.test(value) && !isReference(value);
}

/** Words that follow "password is" in talk about passwords rather than in a password. */
const PROSE_NON_PASSWORDS = /^(?:\d{1,3}|\d{1,3}\+?)$|^(?:stored|saved|set|sent|correct|incorrect|wrong|right|fine|ok|okay|strong|weak|long|short|expired|invalid|valid|required|missing|empty|blank|the|same|not|definitely|still|also|now|case|hashed|encrypted|rejected|accepted|ignored|changed|reset|too|very|just|only|being|already|different|visible|shown|hidden|in|on|at|for|from|working|broken)$/i;

/**
 * Whether the word after "my password is" is a password. Prose talks about passwords far more
 * often than it contains one, so the word must look like one: a digit, a symbol or MiXed case.
 */
export function looksLikeProsePassword(value: string): boolean {
  // "(the one from the email)", "[see above]": a remark in brackets, not a password.
  if (value.length < 4 || /^[([{<]/.test(value) || PROSE_NON_PASSWORDS.test(value) || isReference(value)) return false;
  return /\d/.test(value) || /[^A-Za-z]/.test(value) || /[a-z][A-Z]/.test(value);
}

/** A word after a bare label ("pass Hunter2024!", "password Zebra!2024"): only clearly password-like, since prose says "password reset" too. */
export function looksLikeBarePassword(value: string): boolean {
  const v = value.replace(/[.,;:)]+$/, '');
  return v.length >= 6 && /[A-Za-z]/.test(v) && /[\d!@#$%^&*?]/.test(v) && !/^\d+[a-z]{0,3}$/i.test(v) && looksLikeProsePassword(v);
}

/** A file path or a URL without credentials, which labels like `--private-key` may legitimately take. */
export function isPathLike(value: string): boolean {
  if (/^[\w.-]+\.(?:pem|key|crt|cer|json|txt|pub|p12|pfx|gpg|asc|env|yaml|yml|ini|conf)$/i.test(value)) return true;
  if (!/^(?:~|\.{1,2})?\/|^[A-Za-z]:\\/.test(value) || /[+=]/.test(value)) return false;
  // A base64 secret may start with "/" too: a path's parts are words, not 20 random characters.
  const parts = value.split(/[\\/]/).filter(Boolean);
  return parts.length > 0 && parts.every((part) => !(part.length >= 20 && /\d/.test(part) && /[a-z]/.test(part) && /[A-Z]/.test(part)));
}

/** Luhn checksum, for telling a card number from any other 16-digit number. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Issuer prefixes and lengths of the card networks people pay hosting bills with. */
export function looksLikeCardNumber(digits: string): boolean {
  const n = digits.length;
  if (n < 13 || n > 19) return false;
  const brand =
    (/^4/.test(digits) && (n === 13 || n === 16 || n === 19)) ||
    (/^(?:5[1-5]|2(?:2[2-9][1-9]|2[3-9]\d|[3-6]\d\d|7[01]\d|720))/.test(digits) && n === 16) ||
    (/^3[47]/.test(digits) && n === 15) ||
    (/^(?:6011|65|64[4-9]|62)/.test(digits) && n >= 16) ||
    (/^35(?:2[89]|[3-8]\d)/.test(digits) && n >= 16) ||
    (/^3(?:0[0-5]|[68])/.test(digits) && n === 14);
  return brand && passesLuhn(digits);
}
