/** Checking who sent a webhook: GitHub's HMAC signature of the body, GitLab's shared token. Constant time. */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { UnauthenticatedError } from '../../domain/errors';

const GITHUB_SIGNATURE = /^sha256=([0-9a-f]{64})$/i;

/** The X-Hub-Signature-256 value GitHub sends for `body` signed with `secret`. */
export function gitHubSignature(secret: string, body: Buffer): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** Throws UNAUTHENTICATED unless `header` is the HMAC-SHA256 of the exact bytes received. */
export function verifyGitHubSignature(secret: string, body: Buffer, header: string | undefined): void {
  if (header === undefined || header === '') {
    throw new UnauthenticatedError(
      'X-Hub-Signature-256 is missing: give the GitHub webhook a secret, the value of ETS_GITHUB_WEBHOOK_SECRET',
    );
  }
  const hex = GITHUB_SIGNATURE.exec(header)?.[1];
  if (!hex) throw new UnauthenticatedError('X-Hub-Signature-256 must be "sha256=" and 64 hex digits');
  const expected = createHmac('sha256', secret).update(body).digest();
  if (!timingSafeEqual(Buffer.from(hex, 'hex'), expected)) {
    throw new UnauthenticatedError(
      'X-Hub-Signature-256 does not match the body: the GitHub webhook is signed with another secret than ' +
        'ETS_GITHUB_WEBHOOK_SECRET, or the body was changed on the way',
    );
  }
}

/** Equal strings, compared in a time that depends on neither's content nor length. */
export function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** Throws UNAUTHENTICATED unless X-Gitlab-Token carries the configured token. */
export function verifyGitLabToken(expected: string, header: string | undefined): void {
  if (header === undefined || header === '') {
    throw new UnauthenticatedError(
      'X-Gitlab-Token is missing: give the GitLab webhook a secret token, the value of ETS_GITLAB_WEBHOOK_TOKEN',
    );
  }
  if (!sameSecret(header, expected)) {
    throw new UnauthenticatedError('X-Gitlab-Token is not the token of ETS_GITLAB_WEBHOOK_TOKEN');
  }
}
