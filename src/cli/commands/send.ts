/** `ets send`: one event from one line of a deploy script. */
import { Option, type Command } from 'commander';
import type { EventInput } from 'ets-client';
import { collect, links, pairs, UsageError } from '../args';
import { action, clientOf, examples, print } from '../command';
import { parseTimeFlag, TIME_FLAG_RULE } from '../time-input';

interface SendOptions {
  id?: string;
  tag?: string[];
  untag?: string[];
  parent?: string;
  source?: string;
  desc?: string;
  link?: string[];
  unlink?: string[];
  start?: string;
  end?: string;
  merge?: boolean;
  update?: boolean;
  replace?: boolean;
}

/** An update's input: RFC 7386 merge patch on the maps, null removing a key. */
type EventPatch = Omit<EventInput, 'tags' | 'detailUrls'> & {
  tags?: Record<string, string[] | null>;
  detailUrls?: Record<string, string | null>;
};

const WRITES = `How it is written (--merge, --update and --replace need --id, and create the event when it is missing):
  (none)     create; an id that exists is refused (CONFLICT)
  --update   change what is given, keep the rest: a tag key given replaces that key's values,
             --untag KEY removes a key, --link NAME=URL replaces that link, --unlink NAME removes it
  --merge    unite: tag values added to the existing ones, the time range widened, the text appended
  --replace  the event becomes exactly what is given (fields not given take their defaults)
`;

export function addSendCommand(program: Command): void {
  program
    .command('send')
    .summary('record an event (one line in a deploy script); prints its id')
    .description('Record an event, or change one, and print its id.')
    .usage(
      '[--id ID] [--tag KEY=VALUE]… [--parent ID] [--desc TEXT] [--link NAME=URL]… [--start T] [--end T] [--update|--merge|--replace]',
    )
    .option('--id <id>', 'the event id (without it the server makes one)')
    .option('-t, --tag <key=value>', 'a tag; give it again for more values or keys', collect)
    .option('--untag <key>', 'with --update: remove this tag key', collect)
    .option('--parent <id>', 'the id of the event that caused this one')
    .option('--source <id>', "the event's id in the system that reported it")
    .option('-d, --desc <text>', 'the description')
    .option('--link <name=url>', 'a detail link (CI run, PR, dashboard); give it again for more', collect)
    .option('--unlink <name>', 'with --update: remove this detail link', collect)
    .option('--start <time>', 'when it started (see Times; default now)')
    .option('--end <time>', 'when it ended (default: the start)')
    .addOption(
      new Option('--update', 'change the given fields and tag keys of an existing event').conflicts([
        'merge',
        'replace',
      ]),
    )
    .addOption(
      new Option('--merge', 'unite with an existing event (tags added, range widened, text appended)').conflicts(
        'replace',
      ),
    )
    .option('--replace', 'replace an existing event with this one')
    .addHelpText(
      'after',
      `\n${WRITES}\n${TIME_FLAG_RULE}\n` +
        examples(
          'ets send --id deploy-4711 --tag service=zon-web --tag status=pending --parent commit-abc --desc "deploy zon-web" --link ci=https://ci.example.com/4711 --start $(date +%s)',
          'ets send --id deploy-4711 --update --tag status=success --end now     # moves status, keeps the other tags',
          'ets send --id deploy-4711 --update --untag reviewer',
          'ets send --id deploy-4711 --merge --tag author=ops@example.com --desc "rolled forward"',
        ),
    )
    .action(
      action<SendOptions>(async (options) => {
        const now = new Date();
        const mode = options.update ? 'update' : options.merge ? 'merge' : options.replace ? 'replace' : 'create';
        if (mode !== 'create' && !options.id) throw new UsageError(`--${mode} needs --id`);
        if ((options.untag || options.unlink) && mode !== 'update') {
          throw new UsageError(`--${options.untag ? 'untag' : 'unlink'} removes a key in an update: add --update`);
        }
        const event: EventPatch = {};
        if (options.id) event.id = options.id;
        if (options.tag || options.untag) event.tags = removing(pairs(options.tag, 'tag'), options.untag, 'tag');
        if (options.link || options.unlink) event.detailUrls = removing(links(options.link), options.unlink, 'link');
        if (options.parent) event.parentId = options.parent;
        if (options.source) event.sourceId = options.source;
        if (options.desc !== undefined) event.description = options.desc;
        if (options.start !== undefined) event.startTime = parseTimeFlag(options.start, '--start', now);
        if (options.end !== undefined) event.endTime = parseTimeFlag(options.end, '--end', now);
        const client = clientOf(options);
        const sent =
          mode === 'update'
            ? // The server reads null as "remove this key" (RFC 7386); the generated input type does not say so.
              await client.update(event as EventInput, { upsert: true })
            : mode === 'merge'
              ? await client.merge(event as EventInput, { upsert: true })
              : mode === 'replace'
                ? await client.replace(event as EventInput, { upsert: true })
                : await client.create(event as EventInput);
        print(sent.id);
        return 0;
      }),
    );
}

/** `given` with each of `removed` set to null, a key both given and removed being refused. */
function removing<T>(given: Record<string, T>, removed: string[] | undefined, flag: 'tag' | 'link') {
  // No prototype: "__proto__" is a key like any other.
  const patch: Record<string, T | null> = Object.assign(Object.create(null), given);
  for (const key of removed ?? []) {
    if (key in given) throw new UsageError(`--${flag} and --un${flag} both name "${key}"`);
    patch[key] = null;
  }
  return patch;
}
