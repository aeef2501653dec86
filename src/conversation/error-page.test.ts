import { describe, expect, it } from 'vitest';
import { reasonText } from '../knowledge/reason.ts';
import { shippedWording } from '../../tests/support/shipped-wording.ts';
import { readErrorPage } from './error-page.ts';

/** Visible text of Cloudflare's 5xx page, as a browser copy gives it. */
const BRANDED_522 = `Connection timed out Error code 522
Visit cloudflare.com for more information.
2026-11-23 10:00:12 UTC
You
Browser
Working
San Jose
Cloudflare
Working
example.com
Host
Error
What happened?
The initial connection between Cloudflare's network and the origin web server timed out. As a result, the web page can not be displayed.
What can I do?
If you're a visitor of this website:
Please try again in a few minutes.
Cloudflare Ray ID: 8e5c3b2a1f4d7c90 • Your IP: Click to reveal • Performance & security by Cloudflare`;

const BRANDED_1020_HTML = `<!DOCTYPE html><html><head><title>Access denied | shop.example.com used Cloudflare to restrict access</title></head>
<body><div class="cf-wrapper"><h1><span class="cf-error-type">Error</span> <span class="cf-error-code">1020</span></h1>
<h2 class="cf-subheadline">Access denied</h2>
<h2>What happened?</h2><p>This website is using a security service to protect itself from online attacks.</p>
<div class="cf-error-footer"><p>Cloudflare Ray ID: <strong>8e5c3b2a1f4d7c90-AMS</strong> &bull; Your IP: 198.51.100.7 &bull; Performance &amp; security by <a href="https://www.cloudflare.com">Cloudflare</a></p></div></div></body></html>`;

const NGINX_502 = `<html>
<head><title>502 Bad Gateway</title></head>
<body>
<center><h1>502 Bad Gateway</h1></center>
<hr><center>nginx/1.18.0 (Ubuntu)</center>
</body>
</html>`;

describe('readErrorPage', () => {
  it('recognises a pasted Cloudflare 5xx page with its code and Ray ID', () => {
    const page = readErrorPage(BRANDED_522);
    expect(page).toMatchObject({ branded: true, code: '522', rayId: '8e5c3b2a1f4d7c90' });
    expect(page && reasonText(shippedWording, page.because)).toMatch(/^you pasted a Cloudflare-branded error page/);
  });

  it('reads a pasted 1xxx page as HTML and takes the colo from the Ray ID suffix', () => {
    expect(readErrorPage(BRANDED_1020_HTML)).toMatchObject({ branded: true, code: '1020', rayId: '8e5c3b2a1f4d7c90-AMS', colo: 'AMS' });
  });

  it('decodes numeric entities too, as browsers do ("Performance &#38; security by Cloudflare")', () => {
    const numeric = BRANDED_1020_HTML.replace('&amp;', '&#38;').replace(/&bull;/g, '&#x2022;').replace('<h2>What happened?</h2>', '').replace('Access denied</h2>', 'Access denied</h2><p>Performance &#38; security by Cloudflare</p>');
    expect(readErrorPage(numeric)).toMatchObject({ branded: true, code: '1020', rayId: '8e5c3b2a1f4d7c90-AMS' });
  });

  it('calls a bare nginx 502 page unbranded and says why', () => {
    const nginx = readErrorPage(NGINX_502);
    expect(nginx && { ...nginx, because: reasonText(shippedWording, nginx.because) }).toEqual({ branded: false, code: '502', because: 'the page you pasted has no Cloudflare branding (it names nginx)' });
    expect(readErrorPage('502 Bad Gateway\n\nnginx')).toMatchObject({ branded: false, code: '502' });
  });

  it('ignores questions that merely talk about error pages', () => {
    expect(readErrorPage('is the error page cloudflare branded?')).toBeUndefined();
    expect(readErrorPage('I get Error 522 and a Ray ID: 8e5c3b2a1f4d7c90, what can I do?')).toBeUndefined();
    expect(readErrorPage('my nginx returns 502 bad gateway behind cloudflare')).toBeUndefined();
  });
});
