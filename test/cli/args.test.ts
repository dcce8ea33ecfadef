import { links, pairs, serverUrl, UsageError } from '../../src/cli/args';

describe('serverUrl', () => {
  it('is --url (the last one given), else ETS_URL, else the local default, as an origin', () => {
    expect(serverUrl(undefined, undefined)).toBe('http://127.0.0.1:4000');
    expect(serverUrl(undefined, 'https://ets.example.com/')).toBe('https://ets.example.com');
    expect(serverUrl(['http://a:4000', 'http://b:4000'], 'http://c:4000')).toBe('http://b:4000');
    expect(serverUrl(['http://[::1]:4000'], undefined)).toBe('http://[::1]:4000');
  });

  it('refuses a detail link given to --url, saying to use --link', () => {
    expect(() => serverUrl(['ci=https://ci.example.com/42'], undefined)).toThrow(
      new UsageError(
        '--url is the ETS server, got "ci=https://ci.example.com/42": a detail link of an event is --link NAME=URL',
      ),
    );
    expect(() => serverUrl(['https://ci.example.com/run/42'], undefined)).toThrow(
      /^--url is the ETS server, http\(s\):\/\/HOST\[:PORT\] without a path, got "https:\/\/ci.example.com\/run\/42"; it serves at the root of its host \(https:\/\/ci.example.com\), and a detail link of an event is --link NAME=URL$/,
    );
    // Any value of --url is checked, not only the one used.
    expect(() => serverUrl(['https://ci/42', 'http://127.0.0.1:4000'], undefined)).toThrow(/without a path/);
    expect(() => serverUrl(['http://x:4000/?a=1'], undefined)).toThrow(/without a path/);
  });

  it('refuses what is not an http(s) address, naming where it came from', () => {
    expect(() => serverUrl(['127.0.0.1:4000'], undefined)).toThrow(
      '--url is the ETS server, http(s)://HOST[:PORT], got "127.0.0.1:4000"',
    );
    expect(() => serverUrl(undefined, 'ftp://x')).toThrow(/^ETS_URL is the ETS server/);
    expect(() => serverUrl(undefined, 'https://ets.example.com/graphql')).toThrow(/^ETS_URL .* without a path/);
  });
});

describe('pairs and links', () => {
  it('gathers the values of a key in order, without repeats, "__proto__" being a key like any other', () => {
    const tags = pairs(['service=web', 'service=api', 'service=web', 'url=a=b', '__proto__=x'], 'tag');
    expect(Object.entries(tags)).toEqual([
      ['service', ['web', 'api']],
      ['url', ['a=b']],
      ['__proto__', ['x']],
    ]);
  });

  it('refuses a pair without a key or a value, saying how to remove a tag', () => {
    expect(() => pairs(['=x'], 'tag')).toThrow('--tag takes KEY=VALUE, got "=x"');
    expect(() => pairs(['service'], 'exclude')).toThrow('--exclude takes KEY=VALUE, got "service"');
    expect(() => pairs(['ci'], 'link')).toThrow('--link takes NAME=URL, got "ci"');
    expect(() => pairs(['status='], 'tag')).toThrow(
      '--tag status= has no value; to remove the key, --untag status with --update',
    );
  });

  it('keeps the last URL of a link name', () => {
    expect(links(['ci=https://ci/1', 'pr=https://git/2', 'ci=https://ci/3'])).toEqual({
      ci: 'https://ci/3',
      pr: 'https://git/2',
    });
  });
});
