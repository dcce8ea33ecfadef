/**
 * Runs a command with MONGODB_URI pointing at a real MongoDB replica set started by
 * mongodb-memory-server: the binary named by MONGOMS_SYSTEM_BINARY, or `mongod` on the
 * PATH, or the one mongodb-memory-server downloads where downloads are possible. Exits 0
 * with a line saying so when no binary can be had, so that CI goes on with the other stores.
 *
 *   tsx scripts/with-mongodb.ts npx jest test/integration/
 */
import { spawn, spawnSync } from 'node:child_process';
import { MongoMemoryReplSet } from 'mongodb-memory-server';

async function main(): Promise<void> {
  const command = process.argv.slice(2);
  if (command.length === 0) throw new Error('usage: with-mongodb.ts COMMAND [ARGS…]');
  const onPath = spawnSync('sh', ['-c', 'command -v mongod'], { encoding: 'utf8' }).stdout.trim();
  if (!process.env.MONGOMS_SYSTEM_BINARY && onPath) process.env.MONGOMS_SYSTEM_BINARY = onPath;
  let replSet: MongoMemoryReplSet;
  try {
    replSet = await MongoMemoryReplSet.create({ replSet: { count: 1, storageEngine: 'wiredTiger' } });
  } catch (error) {
    console.log(`No MongoDB binary could be had (${String(error).split('\n')[0]}): skipping the run on MongoDB.`);
    return;
  }
  try {
    const code = await new Promise<number>((resolve) => {
      const child = spawn(command[0] as string, command.slice(1), {
        stdio: 'inherit',
        env: { ...process.env, MONGODB_URI: replSet.getUri() },
      });
      child.on('exit', (exitCode) => resolve(exitCode ?? 1));
    });
    process.exitCode = code;
  } finally {
    await replSet.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
