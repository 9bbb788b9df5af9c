import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { LocalInfraError, indentBlock } from './errors.js';

export const MIN_JAVA = 17;

export interface RunResult {
  code: number | null;
  output: string;
}

/** Runs a short-lived tool and captures stdout+stderr; ENOENT (not installed) is reported as code null. */
export function run(
  command: string,
  args: string[],
  options: { cwd?: string; timeoutMs?: number; env?: NodeJS.ProcessEnv } = {},
): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      {
        cwd: options.cwd,
        env: options.env,
        timeout: options.timeoutMs ?? 120_000,
        maxBuffer: 32 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const output = stripAnsi(`${stdout}${stderr}`);
        if (error && (error as NodeJS.ErrnoException).code === 'ENOENT')
          resolve({ code: null, output });
        else
          resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, output });
      },
    );
  });
}

/**
 * Java 17+ is what both servers need. Neo4j's Launcher.java runs in source-file mode, which also
 * needs the compiler module, i.e. a JDK rather than a bare JRE.
 */
export async function requireJava(needCompiler: boolean): Promise<void> {
  const version = await run('java', ['-version'], { timeoutMs: 30_000 });
  if (version.code === null) {
    throw new LocalInfraError(
      `no 'java' on PATH; the local Kafka and Neo4j need a JDK ${MIN_JAVA} or newer ` +
        '(e.g. apt-get install openjdk-17-jdk-headless), or set KAFKA_BROKERS and NEO4J_URI to use existing servers',
    );
  }
  const major = parseJavaMajor(version.output);
  if (major === undefined || major < MIN_JAVA) {
    const found = version.output.split('\n')[0]?.trim() ?? 'unknown';
    throw new LocalInfraError(
      `the 'java' on PATH is too old (${found}); the local Kafka and Neo4j need Java ${MIN_JAVA} or newer. ` +
        'Install a newer JDK and put it first on PATH',
    );
  }
  if (needCompiler) {
    const modules = await run('java', ['--list-modules'], { timeoutMs: 30_000 });
    if (!modules.output.includes('jdk.compiler')) {
      throw new LocalInfraError(
        `the 'java' on PATH is a runtime without the compiler (jdk.compiler), which the local Neo4j launcher ` +
          `needs; install a full JDK ${MIN_JAVA}+ (e.g. openjdk-17-jdk-headless)`,
      );
    }
  }
}

/** "17.0.15", "21", and the old "1.8.0_392" style. */
export function parseJavaMajor(versionOutput: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (!match) return undefined;
  const first = Number(match[1]);
  return first === 1 ? Number(match[2]) : first;
}

const MARKER = '.complete';

/**
 * Makes sure `<dir>/lib` holds the jars listed in `<dir>/pom.xml`. A marker holding a hash of the
 * pom is written only after a successful copy, so an interrupted download or an edited pom (a
 * version bump) triggers a clean re-fetch instead of running with a half or mixed classpath.
 */
export async function ensureMavenLibs(
  dir: string,
  label: string,
  log: (line: string) => void,
): Promise<void> {
  const pom = path.join(dir, 'pom.xml');
  const lib = path.join(dir, 'lib');
  const marker = path.join(lib, MARKER);
  const wanted = createHash('sha256')
    .update(await readFile(pom))
    .digest('hex');
  const have = existsSync(marker) ? (await readFile(marker, 'utf8')).trim() : undefined;
  if (have === wanted) return;

  const mvnVersion = await run('mvn', ['-v'], { timeoutMs: 60_000 });
  if (mvnVersion.code === null) {
    throw new LocalInfraError(
      `no 'mvn' on PATH; it is needed once to download ${label} from Maven Central into ` +
        `infra/${path.basename(dir)}/lib (e.g. apt-get install maven)`,
    );
  }
  log(
    `Fetching ${label} from Maven Central into infra/${path.basename(dir)}/lib (first run only; this can take a few minutes)`,
  );
  const started = Date.now();
  await rm(lib, { recursive: true, force: true });
  // -U: retry artifacts whose earlier failure Maven cached (e.g. the network was down last time).
  const result = await run(
    'mvn',
    [
      '-B',
      '-q',
      '-U',
      '-Dstyle.color=never',
      'dependency:copy-dependencies',
      '-DoutputDirectory=lib',
    ],
    { cwd: dir, timeoutMs: 15 * 60_000 },
  );
  if (result.code !== 0) throw mavenFailure(label, pom, result.output);
  await writeFile(marker, `${wanted}\n`);
  log(`Fetched ${label} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function mavenFailure(label: string, pom: string, output: string): LocalInfraError {
  const artifact = failingArtifact(output);
  // Maven's generic "re-run with -e / see the wiki" trailer says nothing about this failure.
  const boilerplate =
    /^\[ERROR\]\s*(?:$|To see the full|Re-run Maven|For more information|\[Help \d+\])/;
  const lines = output
    .split('\n')
    .filter((line) => line.trim().length > 0 && !boilerplate.test(line))
    .slice(-15);
  const what = artifact ? `could not download ${artifact}` : 'failed';
  return new LocalInfraError(
    `Maven ${what} while fetching ${label} (${pom}). Check that Maven Central (or the mirror in ` +
      `~/.m2/settings.xml) is reachable and the version exists, then run the command again.` +
      indentBlock('Last lines of mvn output:', lines),
  );
}

/** The groupId:artifactId[:type]:version Maven names when resolution fails. */
export function failingArtifact(output: string): string | undefined {
  const patterns = [
    /Could not (?:find|transfer|resolve) artifact ([\w.-]+(?::[\w.-]+){2,4})/,
    /Failed to read artifact descriptor for ([\w.-]+(?::[\w.-]+){2,4})/,
    /Failed to collect dependencies at ([\w.-]+(?::[\w.-]+){2,4})/,
    /([\w.-]+(?::[\w.-]+){2,4}) was not found in/,
    /Plugin ([\w.-]+(?::[\w.-]+){2,3}) or one of its dependencies could not be resolved/,
    /The following artifacts could not be resolved: ([\w.-]+(?::[\w.-]+){2,4})/,
  ];
  for (const pattern of patterns) {
    const match = pattern.exec(output);
    if (match?.[1]) return match[1];
  }
  return undefined;
}

function stripAnsi(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '');
}
