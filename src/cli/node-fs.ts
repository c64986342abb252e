/** The core's file-system interface over node:fs, and atomic writes. */
import { promises as fsp } from 'node:fs';
import * as nodePath from 'node:path';
import type { DirEntry, HandbookFs } from '../core/handbook';

/** Absolute, `/`-separated path (the core's convention). */
export function toCorePath(p: string): string {
  return nodePath.resolve(p).split(nodePath.sep).join('/');
}

export const nodeFs: HandbookFs = {
  async readFile(path) {
    return fsp.readFile(path);
  },
  async readDirectory(path) {
    const entries = await fsp.readdir(path, { withFileTypes: true });
    const out: DirEntry[] = [];
    for (const e of entries) {
      let type: DirEntry['type'] = e.isFile() ? 'file' : e.isDirectory() ? 'directory' : 'other';
      if (e.isSymbolicLink()) {
        // Follow links; a dangling one or a loop shows up as 'other' or is caught by realpath.
        const st = await fsp.stat(nodePath.join(path, e.name)).catch(() => undefined);
        type = st?.isFile() ? 'file' : st?.isDirectory() ? 'directory' : 'other';
      }
      out.push({ name: e.name, type });
    }
    return out;
  },
  async stat(path) {
    const st = await fsp.stat(path);
    return { type: st.isFile() ? 'file' : st.isDirectory() ? 'directory' : 'other', size: st.size };
  },
  async realpath(path) {
    return fsp.realpath(path);
  },
};

/**
 * Write a file atomically: a temporary file in the same directory, then rename. With
 * `exclusive`, never replace an existing file (the link fails if one appeared meanwhile).
 */
export async function writeFileAtomic(path: string, text: string, options: { exclusive?: boolean } = {}): Promise<void> {
  const dir = nodePath.dirname(path);
  await fsp.mkdir(dir, { recursive: true });
  const tmp = nodePath.join(dir, `.${nodePath.basename(path)}.${process.pid}.${Date.now()}.tmp`);
  let mode: number | undefined;
  if (!options.exclusive) mode = await fsp.stat(path).then((s) => s.mode & 0o777, () => undefined);
  await fsp.writeFile(tmp, text, { flag: 'wx', ...(mode !== undefined ? { mode } : {}) });
  try {
    if (options.exclusive) {
      await fsp.link(tmp, path); // fails with EEXIST rather than replace
      await fsp.unlink(tmp);
    } else {
      await fsp.rename(tmp, path);
    }
  } catch (e) {
    await fsp.unlink(tmp).catch(() => {});
    throw e;
  }
}

export async function exists(path: string): Promise<boolean> {
  return fsp.lstat(path).then(
    () => true,
    () => false,
  );
}
