import { describe, expect, it } from 'vitest';
import { loadKnowledgeRuntime } from '../knowledge/runtime.ts';
import { answerPolicySchema, decideOutcome, type AnswerFeatures } from './answer-policy.ts';
import { segmentMessage } from './message-signals.ts';

/**
 * How retrieval reads posts written the way people write in help channels.
 * These are our own phrasings of each behaviour; the shared eval sets are
 * scored by the quality gate, never copied here.
 */
const { searcher } = loadKnowledgeRuntime('./knowledge');
const top = (q: string) => searcher.search(q).docs[0]?.id;

describe('a long post: the signal wins over the noise', () => {
  it('finds the symptom sentence among a config paste and a log', () => {
    const post = [
      'We run a small BookStack wiki on a Hetzner box with Engintron in front.',
      'server { listen 80; server_name wiki.example.org; location / { proxy_pass http://127.0.0.1:8080; proxy_set_header Host $host; } }',
      '[2024-06-01 10:00:01] INFO worker started pid=4411 queue=default',
      'Since we turned on the orange cloud, the browser says the page redirected you too many times.',
      'It works fine when the record is DNS only. Any idea?',
    ].join('\n');
    const result = searcher.search(post);
    expect(result.outcome).toBe('answer');
    expect(result.docs[0]?.id).toBe('3xx-redirection');
  });

  it('weighs a quoted message above the prose around it', () => {
    const segments = segmentMessage("our monitor keeps alerting and the body says 'Sorry, you have been blocked' on every check");
    expect(segments.find((s) => s.kind === 'quote')?.text).toBe('Sorry, you have been blocked');
    expect(segments.find((s) => s.kind === 'quote')?.weight).toBeGreaterThan(segments.find((s) => s.kind === 'symptom')?.weight ?? 0);
  });

  it('treats names the docs never mention as neutral, not as a reason to give up', () => {
    const result = searcher.search('LibreChat and Netdata behind cloudflare: visitors in our forum all show the same cloudflare IP instead of their real one');
    expect(result.abstain).toBe(false);
    expect(result.unknownTerms).toContain('librechat');
    expect(result.docs[0]?.id).toBe('restoring-original-visitor-ips');
  });

  it('reads a pasted address as evidence, not as words ("listhub-dns.net" is not about DNS)', () => {
    const segments = segmentMessage('cannot reach https://status.example-dns.net:8443/health from here');
    expect(segments.map((s) => s.text).join(' ')).not.toMatch(/dns|8443/);
  });
});

describe('numbers pin a page only in an error context', () => {
  it.each([
    ['a Windows socket error', 'os error 10054 when my client connects to the server'],
    ['a count of keys', 'my KV list returns only 1000 keys'],
    ['a status from another product', 'I see an R2 500 in the demo'],
    ['a WARP client status', 'wgcf 429 on register'],
    ['a MySQL error with its SQLSTATE', 'the app log says ERROR 1040 (HY000): Too many connections after we moved behind the proxy'],
  ])('not for %s', (_what, question) => {
    const result = searcher.search(question);
    expect(result.docs.filter((d) => d.why === 'code')).toEqual([]);
  });

  it.each([
    ['a status line in curl output', 'curl -I shows HTTP/1.1 502 Bad Gateway', 'error-502-504'],
    ['a status with its reason phrase', 'uploads come back as 413 Request Entity Too Large', 'error-413'],
    ['a bare Cloudflare code', 'cloudfare 1016 on my subdomain', 'error-1016'],
  ])('for %s', (_what, question, page) => {
    const [first] = searcher.search(question).docs;
    expect(first?.id).toBe(page);
  });

  it("puts Cloudflare's own code before the HTTP status it is served with", () => {
    expect(top('the page returns 403 and says Error 1020 Access denied')).toBe('error-1020');
  });

  it('abstains on other products the docs do not cover, even with a number in them', () => {
    for (const question of [
      'the R2 demo returns 500 in chrome',
      'my KV list returns only 1000 keys',
      'Turnstile widget shows 600010',
      'Código de erro: 600010 ao me inscrever',
      'WARP keeps disconnecting on my laptop since the last update',
    ]) {
      expect(searcher.search(question).abstain, question).toBe(true);
    }
  });
});

describe("a quoted message that names its own error before the number is that program's", () => {
  it.each([
    ['an account tool', 'the desktop app stops at startup with "password reset error 1020" and quits'],
    ['a German app', 'Beim Hochladen in die App kommt „upload storage error 1015“ und dann bricht es ab'],
  ])('%s: the number pins no page', (_what, question) => {
    const result = searcher.search(question);
    expect(result.analysis.codes).toEqual([]);
    expect(result.docs.filter((d) => d.why === 'code')).toEqual([]);
  });

  it.each([
    ["the code's own words", 'the browser shows "access denied error 1020" on every page of my shop', 'error-1020'],
    ['a name the docs never mention', 'the checkout shows "WooCommerce error 1020" since this morning', 'error-1020'],
    ["a log's status and reason before the code", "the monitor logs '403 Forbidden error code: 1020' for our homepage", 'error-1020'],
    ['a title about fixing it', "I followed the guide 'Fixing Cloudflare Error 524' and still get it on long exports", 'error-524'],
  ])('%s: the code still pins its page', (_what, question, page) => {
    expect(top(question)).toBe(page);
  });
});

describe('a code no page knows, however it is written, is another product talking', () => {
  it.each([
    ['a log line with a dash', 'the backup plugin logs ERROR-40213: upstream refused the token, every night'],
    ['an API body', 'creating the record fails with {"success":false,"errors":[{"code":10999,"message":"zone.not_found"}]}'],
    ['a quoted message that opens with its number', 'the script stops with "1099 Quota exhausted" when it syncs the zones'],
    ['Chinese, the number before the word for error', '调用接口的时候一直返回 1099 错误，这是什么意思？'],
  ])('%s abstains', (_what, question) => {
    expect(searcher.search(question).abstain, question).toBe(true);
  });
});

describe('questions in other languages', () => {
  it.each([
    ['Spanish, with a code', 'Mi sitio muestra el error 522 desde ayer, no carga nada', 'error-522', 'es'],
    ['German, a symptom', 'Zugriff verweigert auf meiner Webseite, ich bekomme nur eine Fehler Seite', 'error-1020', 'de'],
    ['Chinese, a symptom', '我的网站重定向次数过多，怎么办', '3xx-redirection', 'zh'],
    ['Russian, a symptom', 'После подключения к Cloudflare сайт выдаёт ошибку: слишком много переадресаций', '3xx-redirection', 'ru'],
    ['French, a code', "J'ai une erreur 526 sur mon site depuis ce matin", 'error-526', 'fr'],
    ['Portuguese, a symptom', 'Não consigo acessar meu site, aparece acesso negado', 'error-1020', 'pt'],
    ['Spanish, a country and its networks', 'Desde España no puedo abrir la tienda, ni con datos móviles ni con el operador de casa', 'potential-isp-blocking', 'es'],
    ['Russian, the 16 KB throttling', 'У пользователей в России сайт за Cloudflare грузит только первые 16 кб и зависает', 'service-disruption', 'ru'],
    // Cloudflare shows its challenge page in the visitor's language, and they paste it as they read it.
    ['Spanish, the challenge page as a visitor reads it', "Hola, cada vez que entro a la tienda me sale 'Verifica que eres un ser humano' y se queda en bucle", 'error-403', 'es'],
    ['French, the challenge page as a visitor reads it', 'Bonjour, le site me redemande sans arrêt « Vérifiez que vous êtes humain » et je ne peux pas entrer', 'error-403', 'fr'],
    ['Chinese, the challenge page as a visitor reads it', '打开网站一直显示“确认您是真人”，点了以后又重新验证', 'error-403', 'zh'],
  ])('%s finds its page and says which language it read', (_what, question, page, language) => {
    const result = searcher.search(question);
    expect(result.docs[0]?.id).toBe(page);
    expect(result.language?.id).toBe(language);
    expect(result.abstain).toBe(false);
  });

  it('leaves English alone, and a pasted trace too ("loc=DE" and "example.com" are no language)', () => {
    expect(searcher.search('error 522 on my homepage').language).toBeUndefined();
    expect(searcher.search('here is my trace\nfl=29f47\nh=shop.example.com\ncolo=FRA\nloc=DE\ntls=TLSv1.3').language).toBeUndefined();
    expect(searcher.search('Cloudflare de la mode Flexible: my site loops with too many redirects after enabling HTTPS on the origin').language).toBeUndefined();
  });
});

describe('user words to docs words', () => {
  it.each([
    ['reaching a person', 'how can I speak to a human at cloudflare', 'contacting-cloudflare-support'],
    ['a big upload failing', 'uploads over 100MB fail on my nextcloud behind cloudflare', 'error-413'],
    ['a country that cannot reach the site', 'our shop is blocked in my country by the government, other countries are fine', 'potential-isp-blocking'],
    ['a government block page', 'some visitors get a page saying the site was blocked under a court order instead of our shop', 'potential-isp-blocking'],
    ['a far away data center', 'my requests are routed to a data center far away from me', 'geographic-traffic-routing'],
    ['a browser check that loops', 'the checking your browser page loops forever on one site', 'error-403'],
    ["an HTTP client's redirect limit is a redirect loop", "My uptime checker fails on the site with 'stopped after more than 20 redirections' since I turned on Cloudflare", '3xx-redirection'],
    ["Cloudflare's address in place of the visitor's, even beside a status", 'Our login throttling bans everyone at once with 403, because REMOTE_ADDR is always one of the Cloudflare addresses. How do I get the real client IP?', 'restoring-original-visitor-ips'],
    ['everyone sharing one address', 'In the members list every account, mine included, shows the same IP, which belongs to Cloudflare, so banning one spammer bans everybody', 'restoring-original-visitor-ips'],
    ['a password reset mail that never comes, in French', "Je veux réinitialiser mon mot de passe Cloudflare mais je ne reçois jamais l'e-mail", 'not-receiving-cloudflare-emails'],
    ['the three boxes with "Host Error" and no code: the 52x family', "The site only shows Cloudflare's page with three boxes and 'Host Error' under the last one", 'cloudflare-5xx-errors'],
    ['a banned address told in words', 'Instead of the shop I get a Cloudflare page saying the owner has banned my IP address', 'error-1006'],
    ['a tunnel error told in words', "The demo link just says it's a Cloudflare tunnel error, nothing else", 'error-1033'],
    ['a visitor blocked from a site', 'I got blocked from the site after opening a few pages, what did I do?', 'error-403'],
    ['a tunnel that does not come back after a reboot', "After every reboot of the NAS the tunnel doesn't come back and my hostnames stop working until I restart the container", 'error-1033'],
    ["LaLiga's court-ordered blocking in Spain", "From Spain the docs site shows a block page saying LALIGA blocked the server because it streams pirated football", 'potential-isp-blocking'],
    ['a WebSocket that never upgrades (101 Switching Protocols)', 'My websocket endpoint behind Cloudflare answers HTTP/2 200 and never upgrades; does Cloudflare switch protocols for websockets?', '1xx-informational'],
  ])('%s', (_what, question, page) => {
    expect(top(question)).toBe(page);
  });
});

describe('the page that answers, not its neighbour', () => {
  it.each([
    ["a code's own page before its family's overview", 'importing our CSV into Bulk Redirects fails: the list add operation contains duplicate items', 'error-10028'],
    ['a crawler before the status it reports', 'Google Search Console shows a 403 on every page since we put the site behind Cloudflare', 'troubleshooting-crawl-errors'],
    ['a plugin before the platform', 'Jetpack says it cannot connect to my blog since I moved the DNS to Cloudflare', 'wordpress-jetpack-and-cloudflare'],
    ["Russia's throttling by its signature", 'visitors in Russia say our pages stop loading after roughly 16 KB', 'service-disruption'],
    ['a status line of HTTP/2', 'curl -sI https://shop.example.com prints HTTP/2 502 and server: cloudflare', 'error-502-504'],
    ['a code after a cue and a few words', 'the origin returns its own 502 page, but visitors only see the branded 502 from the edge', 'error-502-504'],
    ['a loop told with Flexible SSL', 'with SSL on Flexible the homepage loops, nginx logs show one 301 after another', '3xx-redirection'],
    ['stale WordPress pages after an edit', 'after I edit a post in WordPress, visitors keep getting the old version for hours', 'cloudflare-wordpress-plugin-automatic-cache-management'],
    ['APO pages that show up late', 'With APO on, newly published posts show up late for visitors until I purge by hand', 'cloudflare-wordpress-plugin-automatic-cache-management'],
    ['a code in the plural', 'our API behind cloudflare throws random 522s at night', 'error-522'],
    ['slow from one country, with the route', 'the shop is really slow from Poland, tracert shows the hops ending in Chicago', 'geographic-traffic-routing'],
    ['whether Cloudflare itself went down', 'our monitor said HTTP 503 for cloudflare.com for ten minutes, was there an incident?', 'cloudflare-status'],
    ['a block page told in the first person', 'the site only says I have been blocked and shows a Ray ID, I never did anything', 'error-1020'],
  ])('%s', (_what, question, page) => {
    expect(top(question)).toBe(page);
  });

  it('"the 504 page" is an error page, not a count of pages, and a cue a few words back still counts', () => {
    const [first] = searcher.search('our app returns its own 504 page, but visitors only ever see the branded one from Cloudflare').docs;
    expect(first).toMatchObject({ id: 'error-502-504', why: 'code' });
  });

  it('round plurals count hundreds and thousands, not codes', () => {
    const result = searcher.search('we serve 100s of users and 1000s of requests a day behind cloudflare, how do I cache more?');
    expect(result.docs.filter((d) => d.why === 'code')).toEqual([]);
  });

  it('a number the post counts with is not a code where it appears again bare', () => {
    const result = searcher.search('our API client sends 1015 requests per minute at peak. is 1015 too many for the free plan?');
    expect(result.docs.filter((d) => d.why === 'code')).toEqual([]);
  });

  it('an account suspended under the terms of service is outside the docs', () => {
    const result = searcher.search('Cloudflare deactivated my website for a violation of the terms of service, how do I appeal?');
    expect(result.abstain).toBe(true);
    expect(result.outOfScope?.id).toBe('account-access');
  });
});

describe('two concepts said apart in one post', () => {
  it('a country and its networks, sentences apart, is network-level blocking', () => {
    const post = 'Visitors on mobile networks inside Turkey cannot open the shop. The ISP seems to answer the lookups with a fake address. From abroad everything is fine.';
    expect(top(post)).toBe('potential-isp-blocking');
  });

  it('a site owner blocking countries with their own rules is not network-level blocking', () => {
    const post = 'I set up a firewall rule that blocks a few countries, and now my uptime monitor from Germany gets error 1020 on every check.';
    expect(top(post)).toBe('error-1020');
    // It may still rank on its words; it is not pushed forward as the concept's page.
    expect(searcher.search(post).docs.filter((d) => d.why === 'hint').map((d) => d.id)).not.toContain('potential-isp-blocking');
  });
});

describe('the answer policy', () => {
  const base: AnswerFeatures = { pinned: false, specificCode: false, apiCode: false, hinted: false, outOfScope: false, bestScore: 30, lead: 0.3, coverage: 0.8, about: true, errorSignal: true, knownTerms: 8, unknownShare: 0.1, onlyUnknownCode: false, anchored: true };
  const policy = answerPolicySchema.parse(JSON.parse(JSON.stringify(searcher['policy' as keyof typeof searcher])));

  it('answers a strong match, suggests a weak one, abstains off topic', () => {
    expect(decideOutcome(policy, base)).toBe('answer');
    expect(decideOutcome(policy, { ...base, bestScore: 9, lead: 0.01, coverage: 0.35, errorSignal: false })).not.toBe('answer');
    expect(decideOutcome(policy, { ...base, outOfScope: true })).toBe('abstain');
  });

  it('lets a phrase hint answer only a message tied to sites, the web or Cloudflare', () => {
    expect(decideOutcome(policy, { ...base, hinted: true })).toBe('answer');
    expect(decideOutcome(policy, { ...base, hinted: true, anchored: false, coverage: 0.2, about: false, bestScore: 6, knownTerms: 3, unknownShare: 0.6 })).toBe('abstain');
  });

  it('lets an API code (10xxx) of a product out of scope abstain, while any other Cloudflare code still beats the scope', () => {
    expect(decideOutcome(policy, { ...base, pinned: true, specificCode: true, apiCode: true, outOfScope: true })).toBe('abstain');
    expect(decideOutcome(policy, { ...base, pinned: true, specificCode: true, apiCode: true })).toBe('answer');
  });

  it('lets a Cloudflare code beat a declared out-of-scope topic, but not a plain HTTP status', () => {
    expect(decideOutcome(policy, { ...base, pinned: true, specificCode: true, outOfScope: true })).toBe('answer');
    expect(decideOutcome(policy, { ...base, pinned: true, specificCode: false, outOfScope: true })).toBe('abstain');
  });

  it('was fitted, and says how well it does on held-out folds', () => {
    expect(policy.fitted?.crossValidatedAccuracy).toBeGreaterThan(0.85);
    expect(policy.fitted?.folds).toBeGreaterThanOrEqual(5);
  });
});

describe('more ways people say it', () => {
  it('recognises German from its function words, not only its symptom words', () => {
    expect(searcher.search('Wie bekomme ich hinter Cloudflare die echte IP der Besucher, damit die Sperre pro Besucher zählt und nicht alle über einen Kamm schert?').language?.id).toBe('de');
  });
});

describe('what the docs do not cover, however it is said', () => {
  it('a visitor stuck in a challenge loop gets the honest answer with a pointer', () => {
    const result = searcher.search("Every time I open the shop it shows 'Verify you are human', I tick it and it asks again, an endless verification loop in Firefox and Chrome");
    expect(result.abstain).toBe(true);
    expect(result.outOfScope?.id).toBe('challenge-loop');
  });

  it('the challenge page itself, once, is still the 403 page', () => {
    expect(top("My scraper only gets 'Just a moment...' and 'Verify you are human' back with a 403")).toBe('error-403');
  });

  it("another CDN's error page is that CDN's, whatever status it shows", () => {
    expect(searcher.search("The site returns '503 Backend fetch failed' and 'Guru Meditation: XID 12345', Varnish cache server at the bottom").outOfScope?.id).toBe('other-cdn');
    expect(searcher.search("Since I moved I get '403 ERROR The request could not be satisfied. Request blocked.' Generated by cloudfront (CloudFront)").abstain).toBe(true);
  });

  it('a French page that never loads ("ne se charge jamais") is no billing question', () => {
    expect(searcher.search("Depuis que Cloudflare force le https, la page d'accueil tourne en boucle et ne se charge jamais").outOfScope).toBeUndefined();
  });

  it("a database's own error in an app behind Cloudflare is the database's", () => {
    const result = searcher.search('collectstatic fails with django.db.utils.OperationalError: (1045, "Access denied for user \'root\'@\'172.18.0.4\' (using password: YES)"). Is Cloudflare blocking the database?');
    expect(result.abstain).toBe(true);
    expect(result.outOfScope?.id).toBe('database-errors');
  });

  it("a proxy client's own rules are that app's, and a traffic surge is still ours", () => {
    const result = searcher.search('my Shadowrocket rule list has a 302 for one site and the app shows a redirect error, is that rule wrong?');
    expect(result.abstain).toBe(true);
    expect(result.outOfScope?.id).toBe('proxy-clients');
    expect(searcher.search('a sudden traffic surge and now visitors get error 1015').outOfScope).toBeUndefined();
  });

  it('cancelling a plan in German is billing', () => {
    expect(searcher.search('Ich möchte mein Abo kündigen, finde aber im Dashboard keine Möglichkeit dazu').outOfScope?.id).toBe('billing');
  });
});

describe('a message that is not about sites, the web or Cloudflare', () => {
  it("leaves another program's 'Access denied' alone, and still answers it on a website", () => {
    expect(searcher.search("The setup.exe of my scanner driver stops with 'Access denied', even when I start it as administrator. What is denying it?").abstain).toBe(true);
    expect(top("My website shows 'Access denied' to everyone who opens it in Chrome since this morning")).toBe('error-1020');
  });

  it("leaves another service's quota alone", () => {
    expect(searcher.search("The AI coding assistant says 'You have used your daily quota, come back tomorrow'. Is that a real limit or a glitch, and where do I see how much is left?").abstain).toBe(true);
  });

  it('reads English words glued to Chinese text ("清了cookies")', () => {
    const result = searcher.search('打开后显示 Sorry, you have been blocked，清了cookies也没用，怎么办');
    expect(result.abstain).toBe(false);
    expect(['error-1020', 'error-403']).toContain(result.docs[0]?.id);
  });

  it("reads a wrangler deploy's API code as that product's, and a Bulk Redirects one as the docs'", () => {
    expect(searcher.search("wrangler deploy stops with: A request to the Cloudflare API (/accounts/abc/workers/scripts/shop-api) failed. [code: 10045] Is my wrangler.toml wrong?").abstain).toBe(true);
    expect(top('Uploading my bulk redirect list fails with error 10045, what does that mean?')).toBe('error-10045');
  });
});
