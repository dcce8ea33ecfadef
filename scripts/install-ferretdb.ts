/** `npm run store:install`: builds the FerretDB binary of the embedded store into .tools/bin. */
import { buildFerretdb, ferretdbPath, goAvailable, isFerretdbCurrent } from './ferretdb/binary';

async function main(): Promise<void> {
  const target = ferretdbPath();
  if ((await isFerretdbCurrent(target)) && !process.argv.includes('--force')) {
    console.log(`FerretDB is installed at ${target} (--force rebuilds it)`);
    return;
  }
  if (!(await goAvailable())) {
    console.error(
      'Go is needed to build FerretDB (https://go.dev/doc/install); the tests of the MongoDB store on FerretDB need it.',
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
