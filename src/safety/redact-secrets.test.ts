import { describe, expect, it } from 'vitest';
import { redactSecrets, type SecretKind } from './redact-secrets.ts';

// Fake credentials are assembled from pieces so repository secret scanners do not flag this file.
const cfApiToken = ['Jq3x_9Kd-2LmPzR7vW4y', 'T1bN8cH5gF6sA0eU3iOk'].join('');
const globalApiKey = ['1e5c2a9f0b7d4e3c8a6f', '1b2c3d4e5f6071829'].join('');
const originCaKey = ['v1.0', '9f86d081884c7d659a2feaa0', 'c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08'].join('-');
const awsKey = ['AKIA', 'IOSFODNN7EXAMPLE'].join('');
const slackBotToken = ['xoxb', '1234567890', '1234567890123', 'AbCdEfGhIjKlMnOpQrStUvWx'].join('-');
const slackAppToken = ['xapp', '1', 'A0123456789', '1234567890123', 'abcdef0123456789'].join('-');
const discordToken = ['MTIzNDU2Nzg5MDEyMzQ1Njc4OQ', 'GaBcDe', 'Xk2n4PqR8sT1uV3wY5zA7bC9dE0fG2hJ4kL6mN'].join('.');
const jwt = ['eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9', 'eyJzdWIiOiIxMjM0NTY3ODkwIn0', 'SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c'].join('.');
const pemKey = [
  '-----BEGIN RSA PRIVATE KEY-----',
  'MIIEowIBAAKCAQEA1c7+9z5Pad7OejecsQ0bu3aozN3tihPmljnnudb9G3HECdnH',
  'lWu2/a1gB9JW5TBQ+AVpum9Okx7KfqkfBKL9mcHgSL0yWMdjMfNOqNtrQqKlN4kE',
  '-----END RSA PRIVATE KEY-----',
].join('\n');

function expectRedacted(input: string, kind: SecretKind, secret: string): string {
  const result = redactSecrets(input);
  expect(result.text).not.toContain(secret);
  expect(result.text).toContain(`[redacted ${kind}]`);
  expect(result.found).toContain(kind);
  return result.text;
}

function expectUntouched(input: string): void {
  expect(redactSecrets(input)).toEqual({ text: input, found: [] });
}

describe('redactSecrets: what it removes', () => {
  it('Cloudflare API tokens after a label, keeping the label', () => {
    expect(expectRedacted(`my api token is ${cfApiToken}, does it need Zone:Edit?`, 'cloudflare-api-token', cfApiToken)).toBe(
      'my api token is [redacted cloudflare-api-token], does it need Zone:Edit?',
    );
    expectRedacted(`CF_API_TOKEN=${cfApiToken}`, 'cloudflare-api-token', cfApiToken);
    expectRedacted(`key: "${cfApiToken}"`, 'cloudflare-api-token', cfApiToken);
  });

  it('Cloudflare API tokens in an Authorization: Bearer header', () => {
    const text = expectRedacted(
      `curl -H "Authorization: Bearer ${cfApiToken}" https://api.cloudflare.com/client/v4/user/tokens/verify`,
      'cloudflare-api-token',
      cfApiToken,
    );
    expect(text).toContain('https://api.cloudflare.com/client/v4/user/tokens/verify');
  });

  it('any other Authorization header value', () => {
    expectRedacted('Authorization: Basic dXNlcjpodW50ZXIy', 'authorization-header', 'dXNlcjpodW50ZXIy');
    expectRedacted('authorization: Bearer short-opaque-token', 'authorization-header', 'short-opaque-token');
  });

  it('Global API Keys, bare or in an X-Auth-Key header', () => {
    expectRedacted(`here is my global key ${globalApiKey}`, 'cloudflare-global-api-key', globalApiKey);
    expectRedacted(`-H "X-Auth-Key: ${globalApiKey}"`, 'cloudflare-global-api-key', globalApiKey);
    expectRedacted('X-Auth-Key: not-a-hex-value-but-still-secret', 'cloudflare-global-api-key', 'not-a-hex-value');
  });

  it('Origin CA keys', () => {
    expectRedacted(`X-Auth-User-Service-Key: ${originCaKey}`, 'cloudflare-origin-ca-key', originCaKey);
    expectRedacted('X-Auth-User-Service-Key: some-other-service-key', 'cloudflare-origin-ca-key', 'some-other');
    expectRedacted(`origin ca key ${originCaKey}`, 'cloudflare-origin-ca-key', originCaKey);
  });

  it('PEM private keys, whole block, even when cut off before the END line', () => {
    const text = expectRedacted(`my key:\n${pemKey}\nand the cert is fine`, 'private-key', 'MIIEowIBAAKCAQEA');
    expect(text).toBe('my key:\n[redacted private-key]\nand the cert is fine');
    const truncated = pemKey.split('\n').slice(0, 2).join('\n');
    expectRedacted(`pasted: ${truncated}`, 'private-key', 'MIIEowIBAAKCAQEA');
    expectRedacted('-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg\n-----END PRIVATE KEY-----', 'private-key', 'MIIEvQIBADANBg');
  });

  it('passwords in key=value, key: value and URLs', () => {
    expect(expectRedacted('password=hunter2&user=bob', 'password', 'hunter2')).toBe('password=[redacted password]&user=bob');
    expectRedacted('Pass: s3cr3t!', 'password', 's3cr3t!');
    expect(expectRedacted('"db_password": "correct horse battery"', 'password', 'horse')).toBe(
      '"db_password": "[redacted password]"',
    );
    expectRedacted('MYSQL_PASSWORD=changeme', 'password', 'changeme');
    const url = expectRedacted('origin is https://admin:Tr0ub4dor@origin.example.com/login', 'password', 'Tr0ub4dor');
    expect(url).toBe('origin is https://admin:[redacted password]@origin.example.com/login');
    expectRedacted('REDIS_URL=redis://:p4ssw0rd@10.0.0.5:6379', 'password', 'p4ssw0rd');
  });

  it('AWS access keys', () => {
    expectRedacted(`aws key ${awsKey} for the R2 migration`, 'aws-access-key', awsKey);
  });

  it('Slack tokens and webhook URLs', () => {
    expectRedacted(`SLACK_BOT_TOKEN=${slackBotToken}`, 'slack-token', slackBotToken);
    expectRedacted(`app token ${slackAppToken}`, 'slack-token', slackAppToken);
    const hook = expectRedacted(
      'posting to https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX fails',
      'slack-webhook',
      'XXXXXXXXXXXXXXXXXXXXXXXX',
    );
    expect(hook).toContain('https://hooks.slack.com/services/[redacted slack-webhook] fails');
  });

  it('Discord bot tokens', () => {
    expectRedacted(`bot.login("${discordToken}")`, 'discord-bot-token', discordToken);
  });

  it('JWTs, including Cloudflare Access tokens in cookies', () => {
    expectRedacted(`CF_Authorization=${jwt}; path=/`, 'jwt', jwt);
    expectRedacted(`Authorization: Bearer ${jwt}`, 'jwt', jwt);
  });

  it('generic api_key= and secret= pairs', () => {
    expectRedacted('https://example.com/hook?api_key=abc123def456', 'generic-secret', 'abc123def456');
    expectRedacted('SLACK_SIGNING_SECRET=8f742231b10e8888abcd99yyyzzz85a5', 'generic-secret', '8f742231b10e8888');
    expectRedacted('aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'generic-secret', 'wJalrXUtnFEMI');
    expectRedacted('client_secret: "s.3xyz"', 'generic-secret', 's.3xyz');
  });

  it('every secret in one message, each reported once', () => {
    const result = redactSecrets(`token ${cfApiToken}\npassword=a\npassword=b\n${awsKey}`);
    expect(result.found).toEqual(['aws-access-key', 'cloudflare-api-token', 'password']);
    expect(result.text).toBe(
      'token [redacted cloudflare-api-token]\npassword=[redacted password]\npassword=[redacted password]\n[redacted aws-access-key]',
    );
  });
});

describe('redactSecrets: labels without the usual punctuation', () => {
  it('a password after a bare label, or a passphrase with spaces on its own line', () => {
    expect(redactSecrets('login admin pass Hunter2024!').text).toBe('login admin pass [redacted password]');
    expect(redactSecrets('ssh root@203.0.113.10 password Zebra!2024').text).toBe('ssh root@203.0.113.10 password [redacted password]');
    expect(redactSecrets('user: root\npassword: correct horse battery staple').text).toBe('user: root\npassword: [redacted password]');
  });

  it('keeps talk that only looks like a label', () => {
    expectUntouched('password reset emails never arrive, pass the Host header and the password hash is sha256');
    expectUntouched('"token": null, "password": ""');
  });
});

describe('redactSecrets: what it keeps', () => {
  it('Cloudflare Ray IDs, with or without the colo suffix', () => {
    expectUntouched('Ray ID: 8f1a2b3c4d5e6f70-SJC');
    expectUntouched('cf-ray: 8f1a2b3c4d5e6f70');
  });

  it('zone and account ids, which support needs and which grant nothing on their own', () => {
    expectUntouched('zone id 023e105f4ecef8ad9ca31a8372d0c353, account_id=01a7362d577a6c3019a474fd6f485823');
  });

  it('IP addresses, v4 and v6', () => {
    expectUntouched('my origin is 203.0.113.10 and the visitor is 2001:db8::1');
  });

  it('URLs without credentials, including ports and query strings', () => {
    expectUntouched('https://example.com:8443/path/to/page?utm_source=x&id=42#top fails with 522');
    expectUntouched('see https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-5xx-errors/error-522/');
  });

  it('error codes and status lines', () => {
    expectUntouched('Error 1020: Access denied. Then 522 Connection timed out, then HTTP/2 525.');
  });

  it('cdn-cgi/trace output, line by line', () => {
    expectUntouched(
      [
        'fl=29f123',
        'h=www.example.com',
        'ip=198.51.100.7',
        'ts=1735725600.123',
        'visit_scheme=https',
        'uag=Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
        'colo=SJC',
        'sliver=none',
        'http=http/2',
        'loc=US',
        'tls=TLSv1.3',
        'sni=plaintext',
        'warp=off',
        'gateway=off',
        'rbi=off',
        'kex=X25519MLKEM768',
      ].join('\n'),
    );
  });

  it('hex hashes shorter than 32 characters and unlabelled commit hashes', () => {
    expectUntouched('etag "5d41402abc4b2a76b9719d911017c5"; fixed in commit 2fd4e1c67a2d28fced849ee1bb76e7391b93eb12');
  });

  it('ordinary talk about tokens, keys and passwords', () => {
    expectUntouched('Which API token permissions do I need? I reset my password yesterday and rotated the key.');
    expectUntouched('The page says "pass" in the WAF log and the secret sauce is caching.');
  });

  it('non-Latin text and emoji', () => {
    expectUntouched('エラー522が出ます 🙁 Ошибка 1020');
  });
});

describe('redactSecrets: cost', () => {
  it('stays fast on adversarial input at the input limit', () => {
    const hostile = ['a-'.repeat(4000), 'a.'.repeat(4000), 'secret'.repeat(1333), 'password="'.repeat(800), 'token '.repeat(1333)];
    const started = performance.now();
    for (const text of hostile) redactSecrets(text);
    // Real cost is a few milliseconds; the generous bound only catches a quadratic regression.
    expect(performance.now() - started).toBeLessThan(500);
  });
});
