/** `npm run store:install`: builds the FerretDB binary of the embedded store into .tools/bin. */
import { buildFerretdb, ferretdbPath, goAvailable } from '../src/store/ferretdb-binary';
import { existsSync } from 'node:fs';

async function main(): Promise<void> {
  const target = ferretdbPath();
  if (existsSync(target) && !process.argv.includes('--force')) {
    console.log(`FerretDB is installed at ${target} (--force rebuilds it)`);
    return;
  }
  if (!(await goAvailable())) {
    console.error(
      'Go is needed to build FerretDB (https://go.dev/doc/install); without it ETS uses mongodb-memory-server.',
    );
    process.exit(1);
  }
  await buildFerretdb(target, (line) => console.log(line));
  console.log(`FerretDB is installed at ${target}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
