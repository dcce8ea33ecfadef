/** `ets token create|list|revoke`: API tokens, with an admin token. */
import type { Command } from 'commander';
import type { Scope } from 'ets-client';
import { describeNamespace } from '../../domain/access';
import { collect, pairs, UsageError } from '../args';
import { action, clientOf, examples, print } from '../command';

const SCOPES = ['read', 'write', 'admin'];

export function addTokenCommand(program: Command): void {
  const token = program
    .command('token')
    .summary('manage API tokens (needs an admin token): create, list, revoke')
    .addHelpText(
      'after',
      examples(
        'ets token create jenkins --scope write --namespace source=jenkins',
        'ets token create dashboard --scope read',
        'ets token list',
        'ets token revoke jenkins',
      ),
    );

  token
    .command('create')
    .summary('make a token and print it (it is shown only this once)')
    .argument('<name>', "the token's name, recorded with every change it makes")
    .option('-s, --scope <scope>', 'read, write or admin (write includes read, admin includes write)', collect)
    .option('--namespace <key=value>', 'it may only write events carrying all of these tags', collect)
    .addHelpText('after', examples('ets token create jenkins --scope write --namespace source=jenkins'))
    .action(
      action<{ scope?: string[]; namespace?: string[] }>(async (options, [name]) => {
        const scopes = (options.scope ?? []).flatMap((scope) => scope.split(',')).map((scope) => scope.trim());
        if (scopes.length === 0) throw new UsageError('ets token create needs --scope read, write or admin');
        const unknown = scopes.find((scope) => !SCOPES.includes(scope.toLowerCase()));
        if (unknown !== undefined) throw new UsageError(`--scope is read, write or admin, got "${unknown}"`);
        const created = await clientOf(options).createToken({
          name: name as string,
          scopes: scopes.map((scope) => scope.toUpperCase() as Scope),
          ...(options.namespace ? { namespace: pairs(options.namespace, 'namespace') } : {}),
        });
        print(created.secret);
        process.stderr.write(`token "${name}" created; it is shown only this once\n`);
        return 0;
      }),
    );

  token
    .command('list')
    .summary('name, scopes, namespace, and last use or revocation of every token')
    .option('--json', 'one token a line, as JSON')
    .action(
      action<{ json?: boolean }>(async (options) => {
        for (const each of await clientOf(options).tokens()) {
          if (options.json) print(JSON.stringify(each));
          else {
            const namespace = each.namespace ? describeNamespace(each.namespace) : '-';
            const state = each.revokedAt ? `revoked ${each.revokedAt}` : `last used ${each.lastUsedAt ?? 'never'}`;
            print([each.name, each.scopes.join(',').toLowerCase(), namespace, state].join('\t'));
          }
        }
        return 0;
      }),
    );

  token
    .command('revoke')
    .summary('refuse the token from now on (at once here, within 5 s on other instances)')
    .argument('<name>', "the token's name")
    .action(
      action(async (options, [name]) => {
        await clientOf(options).revokeToken(name as string);
        process.stderr.write(`token "${name}" revoked\n`);
        return 0;
      }),
    );
}
