/**
 * The first admin token of a server that asks writes for a token while none exists (it
 * listens beyond loopback, or ETS_AUTH says so): made once and written to a file only the
 * server's user may read, as a first-run password is, so that the operator can create the
 * real tokens with it and then revoke it.
 */
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Logger } from 'pino';
import { grants, SYSTEM } from './domain/access';
import { ConflictError } from './domain/errors';
import type { TokenService } from './domain/token-service';
import type { AccessPolicy } from './transport/access';

export const FIRST_TOKEN_FILE = 'first-admin-token';

export async function ensureFirstToken(
  tokens: TokenService,
  access: AccessPolicy,
  dataDir: string,
  logger: Logger,
): Promise<void> {
  if (grants(await access.anonymousScopes(), 'write') || (await tokens.tokensExist())) return;
  // Names stay taken after a revocation: each first token has its own.
  const name = `first-admin-${new Date().toISOString().slice(0, 19).replace(/[-:]/g, '')}`;
  let created;
  try {
    created = await tokens.create(SYSTEM, { name, scopes: ['admin'] });
  } catch (error) {
    if (error instanceof ConflictError) return; // another instance made it this second
    throw error;
  }
  const file = resolve(join(dataDir, FIRST_TOKEN_FILE));
  try {
    await mkdir(dataDir, { recursive: true });
    await writeFile(file, `${created.secret}\n`, { mode: 0o600 });
    await chmod(file, 0o600);
  } catch (error) {
    // A token nobody can read would lock everyone out.
    await tokens.revoke(SYSTEM, name);
    throw error;
  }
  logger.warn(
    `no API token existed: made the admin token "${name}" and wrote it to ${file}; ` +
      'use it to create tokens (ets token create), then revoke it',
  );
}
