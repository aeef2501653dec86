import { createHmac } from 'node:crypto';

export type SignedPost = {
  /** Raw body exactly as sent; the signature covers these bytes. */
  body: string;
  contentType: 'application/json' | 'application/x-www-form-urlencoded';
  /** Unix seconds; defaults to now. */
  timestamp?: number;
  /** Overrides the computed signature (forgery tests). */
  signature?: string;
  headers?: Record<string, string>;
};

export type SlackHttpResult = { status: number; text: string };

/** `v0=` + hex HMAC-SHA256(secret, `v0:${ts}:${rawBody}`), as Slack signs requests. */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export async function postSigned(url: string, secret: string, request: SignedPost): Promise<SlackHttpResult> {
  const timestamp = request.timestamp ?? Math.floor(Date.now() / 1000);
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': request.contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': request.signature ?? slackSignature(secret, timestamp, request.body),
      ...request.headers,
    },
    body: request.body,
  });
  return { status: response.status, text: await response.text() };
}

export function jsonBody(payload: unknown): Pick<SignedPost, 'body' | 'contentType'> {
  return { body: JSON.stringify(payload), contentType: 'application/json' };
}

export function formBody(fields: Record<string, string>): Pick<SignedPost, 'body' | 'contentType'> {
  return { body: new URLSearchParams(fields).toString(), contentType: 'application/x-www-form-urlencoded' };
}

/** Interactions (block_actions, shortcuts, view submissions) arrive as a form with one `payload` JSON field. */
export function interactionBody(payload: unknown): Pick<SignedPost, 'body' | 'contentType'> {
  return formBody({ payload: JSON.stringify(payload) });
}
