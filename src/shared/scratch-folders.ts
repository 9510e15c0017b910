// Folders for files worked on a while (a stored file's local copy, a file taken out of an archive), named after the
// process that holds them (`copy~HOST~PID~…`), so that one a killed process left behind can be told and swept.
import { mkdir, mkdtemp } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';

/** This machine's name as it can stand in a file name. */
const HOST = hostname().replace(/[^A-Za-z0-9.-]/g, '_') || 'host';

/** A new folder of this process in `parent` (made when missing). */
export async function createScratchFolder(parent: string): Promise<string> {
  await mkdir(parent, { recursive: true });
  return mkdtemp(join(parent, `copy~${HOST}~${process.pid}~`));
}

/**
 * Whether a folder of `parent` so named was left by a process of this machine that no longer runs; null for a name
 * that is no scratch folder's. Only this machine's processes can be asked whether they still run.
 */
export function isLeftBehind(name: string): boolean | null {
  const owner = /^copy~(.+)~(\d+)~[^~]+$/.exec(name);
  if (!owner) return null;
  return owner[1] === HOST && !isRunning(Number(owner[2]));
}

/** Whether a process of this machine runs (one of another user counts). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
