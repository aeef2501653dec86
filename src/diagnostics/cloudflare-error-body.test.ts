import { describe, expect, it } from 'vitest';
import { readCloudflareErrorBody } from './cloudflare-error-body.ts';

describe('readCloudflareErrorBody', () => {
  it('reads the code from the error-code element', () => {
    expect(readCloudflareErrorBody('<div id="cf-error-details"><span class="error-code">522</span></div>')).toEqual({ branded: true, errorCode: '522' });
  });

  it('reads the code from the page title when the body has none', () => {
    expect(readCloudflareErrorBody('<title>shop.example.com | 521: Web server is down</title><div class="cf-wrapper"></div>')).toEqual({
      branded: true,
      errorCode: '521',
    });
  });

  it('needs a Ray ID and the Cloudflare name together when no template class is present', () => {
    expect(readCloudflareErrorBody('Error code 524. Cloudflare Ray ID: 8e5f1a2b3c4d5e6f').branded).toBe(true);
    expect(readCloudflareErrorBody('<p>We use Cloudflare for our CDN.</p>')).toEqual({ branded: false });
  });

  it("does not read codes from a page that is not Cloudflare's", () => {
    expect(readCloudflareErrorBody('<h1>502 Bad Gateway</h1><p>Error code 502</p><center>nginx</center>')).toEqual({ branded: false });
  });
});
