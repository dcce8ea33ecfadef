/**
 * Reading the Prometheus text format as Prometheus does, for the tests of /metrics: with
 * prom2json, the Prometheus project's own tool, which parses with the official Go parser
 * (prometheus/common's expfmt) and prints the families as JSON. npm has no parser that
 * keeps up: parse-prometheus-text-format (last changed in 2020) merges every series of a
 * labelled histogram into one and drops their labels. prom2json is built from its Go module
 * into .tools/bin on first use, as FerretDB is (scripts/ferretdb/binary.ts).
 */
import { execFile } from 'node:child_process';
import { access, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { goAvailable } from '../../scripts/ferretdb/binary';
import { projectRoot } from '../../src/config/paths';

const run = promisify(execFile);

export const PROM2JSON_PACKAGE = 'github.com/prometheus/prom2json/cmd/prom2json';
export const PROM2JSON_VERSION = 'v1.4.2';

/** One sample as prom2json prints it. */
export interface Sample {
  labels?: Record<string, string>;
  /** Counters, gauges and untyped samples. */
  value?: string;
  /** Histograms: the cumulative count per upper bound, "+Inf" included. */
  buckets?: Record<string, string>;
  count?: string;
  sum?: string;
}

export interface MetricFamily {
  name: string;
  help: string;
  type: 'COUNTER' | 'GAUGE' | 'HISTOGRAM' | 'SUMMARY' | 'UNTYPED';
  metrics: Sample[];
}

export function prom2jsonPath(): string {
  return process.env.ETS_PROM2JSON_BIN ?? resolve(projectRoot(), '.tools', 'bin', 'prom2json');
}

/** prom2json, built on first use (a few minutes, mostly downloading); a clear error when Go is missing. */
export async function ensureProm2json(): Promise<string> {
  const path = prom2jsonPath();
  const built = await readFile(`${path}.build`, 'utf8').catch(() => '');
  const present = await access(path).then(
    () => true,
    () => false,
  );
  if (process.env.ETS_PROM2JSON_BIN || (present && built.trim() === PROM2JSON_VERSION)) return path;
  if (!(await goAvailable())) {
    throw new Error(
      `the tests of /metrics read it with prom2json, built from its Go module: install Go (https://go.dev/doc/install), ` +
        `or build it yourself (go install ${PROM2JSON_PACKAGE}@${PROM2JSON_VERSION}) and set ETS_PROM2JSON_BIN`,
    );
  }
  // Built aside and moved in whole, so that a test running beside this one never sees half a file.
  const work = await mkdtemp(join(tmpdir(), 'ets-prom2json-'));
  try {
    await run('go', ['install', '-trimpath', `${PROM2JSON_PACKAGE}@${PROM2JSON_VERSION}`], {
      env: { ...process.env, GOBIN: work, CGO_ENABLED: '0' },
      maxBuffer: 16 * 1024 * 1024,
    });
    await run('mkdir', ['-p', resolve(path, '..')]);
    await rename(join(work, 'prom2json'), path);
    await writeFile(`${path}.build`, `${PROM2JSON_VERSION}\n`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return path;
}

/** The metric families of a scrape; a text Prometheus would refuse is an error naming its line. */
export async function parseMetrics(text: string): Promise<MetricFamily[]> {
  const binary = await ensureProm2json();
  const stdout = await new Promise<string>((done, fail) => {
    const child = execFile(binary, [], { maxBuffer: 64 * 1024 * 1024 }, (error, out, err) =>
      error ? fail(new Error(`prom2json refused the scrape: ${err || error.message}`)) : done(out),
    );
    child.stdin?.end(text);
  });
  return JSON.parse(stdout) as MetricFamily[];
}
