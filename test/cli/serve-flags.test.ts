import { buildProgram } from '../../src/cli/ets';
import { flagOf, serveFlags } from '../../src/cli/commands/server';
import { loadConfig, SETTINGS } from '../../src/config';

describe('ets serve flags, from the configuration table', () => {
  it('has a flag for every variable, named after it', () => {
    expect(flagOf('ETS_DATA_DIR')).toBe('data-dir');
    expect(flagOf('MONGODB_URI')).toBe('mongodb-uri');
    expect(flagOf('REDIS_URL')).toBe('redis-url');
    expect(flagOf('LOG_LEVEL')).toBe('log-level');
    expect(serveFlags().map((each) => each.variable)).toEqual(Object.keys(SETTINGS));
  });

  it('lists every flag with its variable and default in ets serve --help', () => {
    const serve = buildProgram().commands.find((command) => command.name() === 'serve');
    const help = serve?.helpInformation({ error: false }) ?? '';
    for (const [variable, setting] of Object.entries(SETTINGS)) {
      // commander wraps long descriptions; the words stay in order
      expect(help.replace(/\s+/g, ' ')).toContain(`--${flagOf(variable)} <value>`);
      expect(help.replace(/\s+/g, ' ')).toContain(`[${variable}; default: ${setting.shown}]`);
    }
    expect(help).toContain('--port <value>');
    expect(help.replace(/\s+/g, ' ')).toContain('[ETS_DATA_DIR; default: ./data]');
  });

  it('reads no variable that the table does not list (so help and configuration cannot drift)', () => {
    const read = new Set<string>();
    const env = new Proxy({} as NodeJS.ProcessEnv, {
      get(_target, name) {
        if (typeof name === 'string') read.add(name);
        return undefined;
      },
    });
    loadConfig(env);
    expect([...read].filter((name) => !(name in SETTINGS))).toEqual([]);
    expect([...read].sort()).toEqual(Object.keys(SETTINGS).sort());
  });

  it("applies each variable's default as help states it", () => {
    const config = loadConfig({});
    expect(String(config.port)).toBe(SETTINGS.PORT.shown);
    expect(config.dataDir).toBe(SETTINGS.ETS_DATA_DIR.shown);
    expect(String(config.limits.batchSize)).toBe(SETTINGS.ETS_MAX_BATCH.shown);
    expect(config.limits.rateBurst).toBe(2 * config.limits.ratePerSecond);
  });
});
