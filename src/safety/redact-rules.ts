/**
 * The redaction rule set. Each rule finds spans of secret text; the label before a secret
 * (`password=`, `Authorization: Bearer `) is left out of the span so the message still reads
 * naturally. Vendor formats come first (so a secret is reported under its most specific kind),
 * then label-driven rules for whatever a label says is secret. Rules are plain regexes scanned
 * once each: no nested unbounded quantifiers, so the cost stays linear in the message length.
 */
import { classifyKey, isPathLike, isReference, looksLikeBarePassword, looksLikeCardNumber, looksLikeProsePassword, looksRandom, type SecretKeyClass } from './redact-values.ts';

export type SecretKind =
  | 'private-key'
  | 'jwt'
  | 'cloudflare-tunnel-token'
  | 'slack-token'
  | 'slack-webhook'
  | 'discord-webhook'
  | 'discord-bot-token'
  | 'github-token'
  | 'gitlab-token'
  | 'npm-token'
  | 'aws-access-key'
  | 'aws-secret-key'
  | 'stripe-key'
  | 'sendgrid-key'
  | 'google-api-key'
  | 'vendor-api-key'
  | 'cloudflare-origin-ca-key'
  | 'cloudflare-global-api-key'
  | 'cloudflare-api-token'
  | 'authorization-header'
  | 'bearer-token'
  | 'session-cookie'
  | 'card-number'
  | 'password'
  | 'generic-secret';

export type Span = { start: number; end: number; kind: SecretKind };

export type Rule = { kind: SecretKind; find(text: string): Span[] };

type Groups = Record<string, string | undefined>;
type Accept = (secret: string, groups: Groups) => boolean;

/** Characters of a token; used to make sure a match is a whole token, not a slice of one. */
const T = 'A-Za-z0-9_\\-';
/** An optional opening quote, remembered so a quoted value can run to its closing quote (passwords may hold spaces). */
const Q = '(?<q>["\'`]?)';
/**
 * A value after a label: to the closing quote when quoted, else to the next space, quote or
 * separator. A bare value never starts with `[`, so an earlier `[redacted …]` is not redacted again.
 */
const VALUE = '(?<secret>(?<=")[^"\\n]+|(?<=\')[^\'\\n]+|(?<=`)[^`\\n]+|(?<!["\'`])[^\\s"\'`,;<>&(\\[{][^\\s"\'`,;<>&]*)';

/** A label-driven value is kept when it only points at a secret or is a file path. */
const notReference: Accept = (secret) => !isReference(secret) && !isPathLike(secret);

function spansOf(text: string, pattern: RegExp, kind: SecretKind | ((groups: Groups) => SecretKind | undefined), accept?: Accept): Span[] {
  const spans: Span[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (match[0] === '') {
      pattern.lastIndex++;
      continue;
    }
    const groups: Groups = match.groups ?? {};
    const range = match.indices?.groups?.secret ?? match.indices?.[0];
    if (!range) continue;
    const secret = text.slice(range[0], range[1]);
    if (secret === '' || (accept && !accept(secret, groups))) continue;
    const resolved = typeof kind === 'function' ? kind(groups) : kind;
    if (resolved) spans.push({ start: range[0], end: range[1], kind: resolved });
  }
  return spans;
}

/** A rule from one regex: the named group `secret`, or the whole match, is the secret. */
function regexRule(kind: SecretKind, source: string, flags = '', accept?: Accept): Rule {
  const pattern = new RegExp(source, `gd${flags}`);
  return { kind, find: (text) => spansOf(text, pattern, kind, accept) };
}

/** The kind a label-driven rule reports, from what the key name promises. */
function kindOfKey(cls: SecretKeyClass): SecretKind | undefined {
  if (cls === 'password') return 'password';
  if (cls === 'authorization') return 'authorization-header';
  return cls ? 'generic-secret' : undefined;
}

/** A rule whose kind follows the key name it matched (`key` group): password, Authorization or another secret. */
function keyRule(source: string, flags = '', accept: Accept = keyValueAccept): Rule {
  const pattern = new RegExp(source, `gd${flags}`);
  return { kind: 'generic-secret', find: (text) => spansOf(text, pattern, (g) => kindOfKey(classifyKey(g.key ?? '')), accept) };
}

function keyValueAccept(secret: string, groups: Groups): boolean {
  const cls = classifyKey(groups.key ?? '');
  // Authorization values carry a scheme (Bearer, Basic, f"Bearer {token}") and have their own rule.
  if (!cls || cls === 'authorization') return false;
  // A bare `key:` (cache keys, object keys) or a number counts only when the value looks random.
  if (cls === 'weak') return looksRandom(secret) && !isPathLike(secret);
  return !/^\d{1,5}$/.test(secret) && notReference(secret, groups);
}

// ---- Vendor and format shapes: recognised by what they look like, wherever they are. ----

const PRIVATE_KEY_LABEL = '(?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?';
const shapeRules: Rule[] = [
  // PEM, OpenSSH, encrypted PKCS#8 and PGP blocks, whole. A key cut off by a message limit is still secret, so an unterminated block runs to the end.
  regexRule('private-key', `-----BEGIN ${PRIVATE_KEY_LABEL}-----[\\s\\S]*?(?:-----END ${PRIVATE_KEY_LABEL}-----|$(?![\\s\\S]))`),
  { kind: 'private-key', find: headlessKeyBodies },
  regexRule('private-key', 'Private-Lines: \\d+\\n(?:[A-Za-z0-9+/=]+\\n?)+'),
  regexRule('private-key', 'AGE-SECRET-KEY-1[0-9A-Z]{50,}'),
  regexRule('jwt', `(?<![${T}])eyJ[${T}]{8,}\\.[${T}]{8,}\\.[${T}]*`),
  // A tunnel token is base64 JSON ({"a":account,"t":tunnel,"s":secret}) with no dots; any such blob is treated as one.
  regexRule('cloudflare-tunnel-token', '(?<![A-Za-z0-9+/_-])eyJ[A-Za-z0-9+/_-]{40,}={0,2}'),
  regexRule('slack-token', `(?<![${T}])(?:xox[a-z]|xapp|xoxe\\.xox[a-z])-[A-Za-z0-9-]{10,}`),
  // The path of an incoming-webhook URL is the credential; the host alone is harmless.
  regexRule('slack-webhook', 'https://hooks\\.slack\\.com/(?:services|workflows|triggers)/(?<secret>[A-Za-z0-9/_-]+)'),
  regexRule('discord-webhook', 'https?://(?:(?:ptb|canary)\\.)?discord(?:app)?\\.com/api(?:/v\\d+)?/webhooks/\\d+/(?<secret>[A-Za-z0-9_-]{20,})', 'i'),
  // base64(user id) . timestamp . HMAC; a snowflake's first digit makes the first part start with M, N or O.
  regexRule('discord-bot-token', `(?<![${T}.])[MNO][${T}]{22,27}\\.[${T}]{6,7}\\.[${T}]{27,40}(?![${T}])`),
  regexRule('github-token', `(?<![${T}])(?:gh[pousr]_[A-Za-z0-9]{30,255}|github_pat_[A-Za-z0-9_]{22,255})`),
  regexRule('gitlab-token', `(?<![${T}])(?:gl(?:pat|dt|rt|ptt|cbt|ft|imt|oas|soat|agent)-[A-Za-z0-9_-]{20,}|GR1348941[A-Za-z0-9_-]{20,})`),
  regexRule('npm-token', `(?<![${T}])npm_[A-Za-z0-9]{36}(?![${T}])`),
  regexRule('aws-access-key', '(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])'),
  regexRule('stripe-key', `(?<![${T}])(?:(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{10,}|whsec_[A-Za-z0-9+/=]{20,})`),
  regexRule('sendgrid-key', `(?<![${T}])SG\\.[${T}]{16,32}\\.[${T}]{16,64}`),
  regexRule('google-api-key', `(?<![${T}])(?:AIza[0-9A-Za-z_-]{35}|GOCSPX-[${T}]{20,}|ya29\\.[${T}]{20,})`),
  regexRule(
    'vendor-api-key',
    // OpenAI/Anthropic, DigitalOcean, Shopify, Hugging Face, Mailgun, Twilio, Telegram, Postmark/Mailchimp-style, Doppler, Vault, PyPI.
    `(?<![${T}])(?:sk-(?:ant-|proj-|svcacct-|admin-)?[A-Za-z0-9_-]{32,}|do[opr]_v1_[a-f0-9]{64}|shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}|hf_[A-Za-z]{30,}|key-[0-9a-z]{32}|SK[0-9a-f]{32}|[0-9a-f]{32}-us\\d{1,2}|dp\\.(?:st|pt|ct|sa)\\.[A-Za-z0-9_.-]{30,}|hvs\\.[A-Za-z0-9_-]{24,}|pypi-[A-Za-z0-9_-]{50,})(?![${T}])`,
  ),
  // Telegram bot tokens, also inside api.telegram.org/bot<token>/ URLs.
  regexRule('vendor-api-key', `(?:(?<=/bot)|(?<![${T}]))\\d{8,10}:AA[A-Za-z0-9_-]{33}(?![${T}])`),
  regexRule('cloudflare-origin-ca-key', `(?<![${T}.])v1\\.0-[${T}]{20,}`),
  // A Global API Key is 37 hex characters: no other common identifier has that length.
  regexRule('cloudflare-global-api-key', `(?<![${T}])[a-f0-9]{37}(?![${T}])`, 'i'),
  // An API token is 40 characters of base64url. A commit hash has the same length but only hex, so mixed case and digits tell them apart.
  regexRule('cloudflare-api-token', '(?<![A-Za-z0-9_+/-]|[A-Za-z0-9+/=]{16}\\n)[A-Za-z0-9_-]{40}(?![A-Za-z0-9_+/=-])', '', (s) => /[A-Z]/.test(s) && /[a-z]/.test(s) && /\d/.test(s)),
  { kind: 'card-number', find: cardNumbers },
];

/**
 * The body of a key pasted without its BEGIN line still ends with the END line: walk back from
 * each END over the base64 pieces before it, whether lines, space-joined (Slack folds newlines)
 * or `\n`-escaped in JSON. A regex would retry from every piece: quadratic.
 */
function headlessKeyBodies(text: string): Span[] {
  const spans: Span[] = [];
  const isBase64 = (c: string | undefined) => c !== undefined && /[A-Za-z0-9+/=]/.test(c);
  for (const match of text.matchAll(new RegExp(`-----END ${PRIVATE_KEY_LABEL}-----`, 'g'))) {
    let start = match.index;
    for (let at = start; ; ) {
      let gap = at;
      while (gap > 0 && /\s/.test(text[gap - 1]!)) gap--;
      if (gap >= 2 && text.slice(gap - 2, gap) === '\\n') gap -= 2;
      if (gap === at && at !== match.index) break;
      let piece = gap;
      while (piece > 0 && isBase64(text[piece - 1])) piece--;
      // In `\n`-escaped JSON the n of the escape belongs to the separator, not the key.
      if (text[piece] === 'n' && text[piece - 1] === '\\') piece++;
      // Stop at the first piece that is not key material (prose, a label, a short word).
      if (gap - piece < 16) break;
      start = piece;
      at = piece;
    }
    if (start < match.index) spans.push({ start, end: match.index + match[0].length, kind: 'private-key' });
  }
  return spans;
}

function cardNumbers(text: string): Span[] {
  const spans: Span[] = [];
  // 13-19 digits, optionally grouped by single spaces or dashes, not part of a longer number or id.
  for (const match of text.matchAll(/(?<![\d.-])\d(?:[ -]?\d){12,18}(?![\d-]|\.\d)/g)) {
    if (looksLikeCardNumber(match[0].replace(/[ -]/g, ''))) spans.push({ start: match.index, end: match.index + match[0].length, kind: 'card-number' });
  }
  return spans;
}

// ---- Label-driven rules: the words around a value say it is secret. ----

const AUTH_SCHEMES = 'Bearer|Basic|Token|Bot|Digest|Negotiate|NTLM|SSWS|Splunk|ApiKey|Api-Key|Key|AWS4-HMAC-SHA256|OAuth|JWT|GenieKey|DeepL-Auth-Key';
/** nginx/Apache/Caddy directives that take a header name and its value, separated by spaces. */
const HEADER_DIRECTIVES = 'proxy_set_header|add_header|more_set_headers|more_set_input_headers|grpc_set_header|fastcgi_param|uwsgi_param|RequestHeader\\s+set|Header\\s+set|header_up|header';

function authorizationAccept(secret: string, groups: Groups): boolean {
  if (!notReference(secret, groups)) return false;
  // "authorization failed" is talk; a value after only a space counts when a scheme or a directive introduced it, or it looks random.
  if (groups.sep?.trim() === '' && !groups.scheme && !groups.directive) return looksRandom(secret, 12);
  return true;
}

const labelRules: Rule[] = [
  regexRule(
    'authorization-header',
    `(?<directive>(?:${HEADER_DIRECTIVES})[ \\t]+)?(?<![\\w-])(?:Proxy-)?Authorization["'\`]?(?:[ \\t]+header)?(?<sep>[ \\t]*(?:=>|:=|[:=,])[ \\t]*|[ \\t]+(?:(?:to|is|of)[ \\t]+)?)(?:[fbrFBR]{1,2}(?=["']))?["'\`]?[ \\t]*(?:(?<scheme>${AUTH_SCHEMES})[ \\t]+)?(?<secret>[^\\s"'\`,;]+(?:,[ \\t]*[A-Za-z]+=[^\\s"'\`,;]+)*)`,
    'i',
    authorizationAccept,
  ),
  regexRule('bearer-token', '(?<![\\w-])Bearer[ \\t]+(?<secret>[A-Za-z0-9._~+/-]{12,}=*)', 'i', (s) => looksRandom(s, 12)),
  regexRule('cloudflare-global-api-key', `(?<![\\w-])X-Auth-Key["'\`]?(?:[ \\t]*[:=,][ \\t]*|[ \\t]+)["'\`]?${Q}${VALUE}`, 'i', notReference),
  regexRule('cloudflare-origin-ca-key', `(?<![\\w-])X-Auth-User-Service-Key["'\`]?(?:[ \\t]*[:=,][ \\t]*|[ \\t]+)["'\`]?${Q}${VALUE}`, 'i', notReference),
  // Any other header set by a web-server directive whose name says secret (X-Api-Key, CF-Access-Client-Secret, Cookie).
  keyRule(`(?:${HEADER_DIRECTIVES})[ \\t]+["']?(?<key>[\\w-]{2,60})["']?[ \\t]+${Q}(?<secret>(?<=["'])[^"'\\n]+|(?<!["'])[^\\s;"']+)`, 'i'),
  { kind: 'session-cookie', find: cookieHeaderValues },
  regexRule(
    'session-cookie',
    `(?<![\\w.-])(?:cf_clearance|__cf_bm|CF_Authorization|CF_AppSession|wordpress_logged_in_[0-9a-f]*|wordpress_sec_[0-9a-f]*|wordpress_[0-9a-f]{32}|PHPSESSID|JSESSIONID|ASP\\.NET_SessionId|\\.AspNetCore\\.[\\w.]+|laravel_session|XSRF-TOKEN|connect\\.sid|_session_id|sessionid|session_id|session|sess|sid|_gh_sess|remember_web_[0-9a-f]+|remember_token|__Secure-[\\w.-]+|__Host-[\\w.-]+|[\\w-]*_session)=(?<secret>[^;\\s"'&,]+)`,
    'i',
    notReference,
  ),
  // user:pass@ in any scheme (https, ftp, redis, postgres, mongodb+srv). The password runs to the LAST @ before the host, since passwords may contain @.
  regexRule('password', '(?<![\\w+.-])[a-z][a-z0-9+.-]{1,30}://[^\\s/:@"\'<>]*:(?<secret>[^\\s/"\'<>]+)@(?=[^\\s@/"\'<>]*[A-Za-z0-9\\]])', 'i', notReference),
  // A token as the whole user part: https://ghp_…@github.com, https://<token>@gitlab.com.
  regexRule('password', '(?<![\\w+.-])[a-z][a-z0-9+.-]{1,30}://(?<secret>[^\\s/:@"\'<>]{16,})@', 'i', (s) => looksRandom(s)),
  // curl -u user:pass, --user, --proxy-user (uid:gid pairs like -u 1000:1000 are not credentials).
  regexRule('password', '(?<![\\w-])(?:-u|--user|--proxy-user)(?:[ \\t]+|=)?(?<q>["\']?)[^\\s:"\'@]+:(?<secret>(?<=:)[^\\s"\']+)', '', (s, g) => notReference(s, g) && !/^\d+$/.test(s)),
  regexRule('password', '(?<![\\w-])(?:-u|--user|--proxy-user)(?:[ \\t]+|=)["\'][^:"\'\\n]+:(?<secret>[^"\'\\n]+)', '', notReference),
  regexRule('password', `\\bsshpass[ \\t]+-p[ \\t]*${Q}${VALUE}`, '', notReference),
  regexRule('password', `\\b(?:mysql|mysqldump|mariadb|mariadb-dump|mysqladmin|mysqlimport|mysqlsh)\\b[^\\n|;&]{0,200}?[ \\t]-p${Q}${VALUE}`, '', notReference),
  regexRule('password', `\\bredis-cli\\b[^\\n|;&]{0,200}?[ \\t]-a[ \\t]+${Q}${VALUE}`, '', notReference),
  regexRule('password', `\\b(?:docker|podman|helm|nerdctl|buildah|skopeo)[ \\t]+(?:[\\w-]+[ \\t]+){0,2}login\\b[^\\n|;&]{0,200}?[ \\t]-p[ \\t]+${Q}${VALUE}`, '', notReference),
  regexRule('password', '\\bhtpasswd\\b[^\\n]{0,100}?[ \\t]-\\w*b\\w*[ \\t]+\\S+[ \\t]+\\S+[ \\t]+(?<secret>\\S+)', '', notReference),
  // Password hashes (.htpasswd lines, /etc/shadow, a users table): crackable offline, so as good as the password.
  regexRule('password', '(?<![\\w$])(?<secret>\\$(?:apr1|2[abxy]|1|5|6|y|argon2id?)\\$[^\\s:"\']{8,})'),
  regexRule('cloudflare-tunnel-token', `\\bcloudflared(?:\\.exe)?[ \\t]+(?:tunnel[ \\t]+)?service[ \\t]+install[ \\t]+["']?(?<secret>[A-Za-z0-9+/=_-]{20,})`),
  // Long flags whose name says secret: --password=…, --token …, --api-key …, --client-secret …
  keyRule(`(?<![\\w-])--(?<key>[a-z][a-z0-9_-]{1,40})(?:=|[ \\t]+)${Q}${VALUE}`, 'i', (s, g) => !s.startsWith('-') && keyValueAccept(s, g)),
  { kind: 'password', find: envLines },
  // KEY=value, "key": "value", key: value, $key = 'value', 'key' => 'value', define('KEY', 'value'), key := "value"
  keyRule(`(?<![\\w.$@-])["'\`]?(?<key>[A-Za-z_$@][\\w.$@-]{0,60})["'\`]?\\]?[ \\t]*(?:=>|:=|\\?:|[:=](?!=)|,(?=[ \\t]*["'\`]))[ \\t]*${Q}${VALUE}`),
  // <password>…</password> in XML configs (FileZilla, Maven settings, .NET).
  keyRule('<(?<key>[A-Za-z][\\w:.-]{0,40})>(?<secret>[^<\\n]{1,300})</\\k<key>>'),
  // "Secret Access Key" with spaces, the value after it on the same or the next line (R2 and S3 consoles).
  regexRule('aws-secret-key', '\\bsecret[ _-]?access[ _-]?key["\'`]?[\\s:=]{0,6}(?:is[ \\t]+)?["\'`]?(?<secret>[A-Za-z0-9/+=]{20,})', 'i', notReference),
  // Prose: "my cpanel password is …", "the password for root is …", "mot de passe : …".
  regexRule(
    'password',
    `(?<![\\w-])(?:password|passwd|passphrase|passcode|pass ?word|pwd|pw|pin code|passwort|kennwort|mot de passe|contrase[ñn]a|senha|пароль|wachtwoord|has[łl]o)(?:[ \\t]+(?:for|of|on|to|at|f[üu]r|de|para|для)[ \\t]+[^\\s]{1,40}(?:[ \\t]+[^\\s]{1,40}){0,2}?)?[ \\t]*(?:[ \\t](?:is|was|is now|would be|ist|est|es|é|è|это)[ \\t]*:?|:|[ \\t]-)[ \\t]*(?:now[ \\t]+)?["'“‘«]?(?<secret>[^\\s"'”’»]+)`,
    'i',
    (s) => looksLikeProsePassword(s.replace(/[.,;:)]+$/, '')) && !/^[a-z][a-z0-9+.-]*:\/\//i.test(s),
  ),
  // A bare label then the password: "login admin pass Hunter2024!", "ssh root@host password Zebra!2024".
  regexRule('password', `(?<![\\w-])(?:password|passwd|pass|pwd|pw)[ \\t]+(?<secret>[^\\s"'”’»]+)`, 'i', (s) => looksLikeBarePassword(s)),
  // Prose: "my token is …", "api key: …" followed by something random-looking.
  regexRule(
    'generic-secret',
    `(?<![\\w-])(?:api[ _-]?token|api[ _-]?key|access[ _-]?token|auth[ _-]?token|token|secret|key|secret key|global key|access key)(?:[ \\t]+(?:for|of|on|to)[ \\t]+[^\\s]{1,40}(?:[ \\t]+[^\\s]{1,40}){0,2}?)?[ \\t]*(?:[ \\t](?:is|was|is now)[ \\t]*:?|:|=)[ \\t]*["'“]?(?<secret>[^\\s"'”,;]+)`,
    'i',
    (s) => looksRandom(s.replace(/[.,;:)]+$/, ''), 12),
  ),
];

/** `Cookie:` (every value) and `Set-Cookie:` (the cookie's value, not its attributes); also curl's -b/--cookie. */
function cookieHeaderValues(text: string): Span[] {
  const spans: Span[] = [];
  for (const match of text.matchAll(/(?<![\w-])(?<set>Set-)?Cookie["'`]?[ \t]*[:=][ \t]*["'`]?(?<value>[^\n"'`]+)|(?<![\w-])(?:-b|--cookie)[ \t]+["']?(?<curl>[^\n"']+)/gdi)) {
    const range = match.indices?.groups?.value ?? match.indices?.groups?.curl;
    if (!range) continue;
    const header = text.slice(range[0], range[1]);
    for (const pair of header.matchAll(/(?:^|;)[ \t]*(?<name>[^=;\s]+)=(?<v>[^;]*)/dg)) {
      const v = pair.indices?.groups?.v;
      // Short values are flags (cf_use_ob=0, consent=yes), not sessions.
      if (!v || v[1] - v[0] < 6 || isReference(header.slice(v[0], v[1]))) continue;
      spans.push({ start: range[0] + v[0], end: range[0] + v[1], kind: 'session-cookie' });
      if (match.groups?.set) break;
    }
  }
  return spans;
}

/**
 * `.env`, shell, YAML and compose lines (`export KEY=value`, `$env:KEY = "value"`, `password: two words`)
 * whose key names a secret: an unquoted value runs to the end of the line, since passphrases have spaces.
 */
function envLines(text: string): Span[] {
  const spans: Span[] = [];
  for (const match of text.matchAll(/^[ \t]*(?:-[ \t]+)?(?:export[ \t]+|set[ \t]+|\$env:)?(?<key>[A-Za-z_][\w.-]{0,60})[ \t]*(?:=|:(?!\/\/))[ \t]*(?<value>[^\n]*)$/dgm)) {
    const range = match.indices?.groups?.value;
    const key = match.groups?.key ?? '';
    const cls = classifyKey(key);
    if (!range || !cls) continue;
    let [start, end] = range;
    let value = text.slice(start, end);
    const quote = /^["'`]/.exec(value)?.[0];
    if (quote) {
      const close = value.indexOf(quote, 1);
      start += 1;
      end = close > 0 ? start + close - 1 : end;
    } else {
      // An unquoted value ends before a ` # comment`, or at the next field of a query string (password=x&user=y).
      const stop = /\s+#|&[\w.-]+=/.exec(value);
      if (stop) end = start + stop.index;
    }
    value = text.slice(start, end).trimEnd();
    end = start + value.length;
    // `(the one from the email)`, `{ … }`, `[ … ]`: a remark or a structure, not a value.
    if (/^[([{]/.test(value) || !keyValueAccept(value, { key })) continue;
    spans.push({ start, end, kind: kindOfKey(cls) ?? 'generic-secret' });
  }
  return spans;
}

export const RULES: readonly Rule[] = [...shapeRules, ...labelRules];
