/**
 * The tests run on the embedded SQLite store, each server in a folder of its own, or, with
 * MONGODB_URI set, on that MongoDB or FerretDB, each server in a database of its own.
 */
export default function globalSetup(): void {
  const store = process.env.MONGODB_URI ? `MongoDB at ${process.env.MONGODB_URI}` : 'the embedded SQLite store';
  console.log(`\nETS tests on ${store}`);
}
