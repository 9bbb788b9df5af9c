import { statfs } from 'node:fs/promises';

import { LocalInfraError } from './errors.js';

/**
 * What a first start of both servers writes before either answers (Kafka's index files, Neo4j's
 * stores and first transaction log files), with room for a test run on top. Below this the servers
 * fail part-way through start-up with errors that do not mention the disk (Neo4j reports a database
 * name as invalid when it tries to turn read-only), so it is cheaper to say so up front.
 */
export const MIN_FREE_DISK_MIB = 512;

/** Free space available to this process on the file system holding `dir`, in MiB. */
export async function freeDiskMiB(dir: string): Promise<number> {
  const fs = await statfs(dir);
  return Math.floor((fs.bavail * fs.bsize) / (1024 * 1024));
}

/** Refuses to start servers on a disk too full for them to start on. */
export async function assertDiskRoom(
  dir: string,
  minMiB = MIN_FREE_DISK_MIB,
  free: (dir: string) => Promise<number> = freeDiskMiB,
): Promise<void> {
  const available = await free(dir);
  if (available >= minMiB) return;
  throw new LocalInfraError(
    `only ${available} MiB are free on the disk that holds ${dir}; the local servers need at least ` +
      `${minMiB} MiB to start. Free some space, or point INFRA_DIR at a disk with more`,
  );
}
