import { KeyLock } from '../../src/domain/key-lock';

/** A promise and the function that settles it. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open = () => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe('KeyLock', () => {
  it('runs the tasks of one key one after another, in the order they came', async () => {
    const lock = new KeyLock();
    const log: string[] = [];
    const first = gate();
    const a = lock.run('k', async () => {
      log.push('a starts');
      await first.opened;
      log.push('a ends');
      return 'a';
    });
    const b = lock.run('k', async () => {
      log.push('b runs');
      return 'b';
    });
    await Promise.resolve();
    expect(log).toEqual(['a starts']);
    first.open();
    expect(await Promise.all([a, b])).toEqual(['a', 'b']);
    expect(log).toEqual(['a starts', 'a ends', 'b runs']);
  });

  it('runs tasks of different keys at once', async () => {
    const lock = new KeyLock();
    const held = gate();
    const a = lock.run('a', () => held.opened);
    // 'b' finishes while 'a' is still held.
    await expect(lock.run('b', async () => 'b')).resolves.toBe('b');
    held.open();
    await a;
  });

  it("gives a task's failure to its caller only, and runs the next task", async () => {
    const lock = new KeyLock();
    const failing = lock.run('k', async () => {
      throw new Error('refused');
    });
    const next = lock.run('k', async () => 'next');
    await expect(failing).rejects.toThrow('refused');
    await expect(next).resolves.toBe('next');
  });

  it('queues a burst of any size on one key, and keeps nothing once it is over', async () => {
    const lock = new KeyLock();
    const held = gate();
    let done = 0;
    const first = lock.run('k', () => held.opened);
    const burst = Array.from({ length: 5_000 }, () => lock.run('k', async () => ++done));
    expect(lock.isBusy('k')).toBe(true);
    held.open();
    await first;
    expect(await Promise.all(burst)).toEqual(Array.from({ length: 5_000 }, (_, i) => i + 1));
    // The map holds no key once its last task has ended.
    await Promise.all(Array.from({ length: 100 }, (_, i) => lock.run(`key ${i}`, async () => i)));
    expect(lock.isBusy()).toBe(false);
  });
});
