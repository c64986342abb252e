/** The core's file-system interface over node:fs, and atomic writes. */
import { randomBytes } from 'node:crypto';
import { constants, promises as fsp } from 'node:fs';
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
        // Follow links. A broken or looping one counts as a file, so that a `.md` one is listed
        // as skipped with the reason (ENOENT, ELOOP) instead of vanishing; a directory loop is
        // caught by realpath in discovery.
        const st = await fsp.stat(nodePath.join(path, e.name)).catch(() => undefined);
        type = !st || st.isFile() ? 'file' : st.isDirectory() ? 'directory' : 'other';
        out.push({ name: e.name, type, link: true });
        continue;
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
 * Write a file atomically: a temporary file beside it (written in full and flushed to disk),
 * then a rename, so a reader or a crash sees the old file or the new one, never half of one;
 * the temporary file is removed whatever fails. Replacing a file keeps its permissions and, when
 * run as root, its owner; a symbolic link is written through (its target is replaced, the link
 * kept), and a read-only file is refused (EACCES), even for root. With `exclusive`, never replace
 * an existing file or link: the final hard link fails with EEXIST if one appeared meanwhile.
 */
export async function writeFileAtomic(path: string, text: string | Uint8Array, options: { exclusive?: boolean } = {}): Promise<void> {
  let target = path;
  let existing: { mode: number; uid: number; gid: number } | undefined;
  if (!options.exclusive) {
    target = await fsp.realpath(path).catch(() => path);
    const st = await fsp.stat(target).catch(() => undefined);
    if (st) {
      const mode = st.mode & 0o7777;
      const writable = (mode & 0o222) !== 0 && (await fsp.access(target, constants.W_OK).then(() => true, () => false));
      if (!writable) throw Object.assign(new Error('read-only file'), { code: 'EACCES', path });
      existing = { mode, uid: st.uid, gid: st.gid };
    }
  }
  const dir = nodePath.dirname(target);
  await fsp.mkdir(dir, { recursive: true });
  const tmp = nodePath.join(dir, `.${nodePath.basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let created = false;
  try {
    const handle = await fsp.open(tmp, 'wx', existing ? existing.mode & 0o777 : 0o666);
    created = true;
    try {
      await handle.writeFile(text);
      if (existing && process.getuid?.() === 0) await handle.chown(existing.uid, existing.gid).catch(() => {});
      if (existing) await handle.chmod(existing.mode).catch(() => {});
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.exclusive) {
      await fsp.link(tmp, target); // fails with EEXIST rather than replace
      await fsp.unlink(tmp);
    } else {
      await fsp.rename(tmp, target);
    }
    created = false;
  } finally {
    if (created) await fsp.unlink(tmp).catch(() => {});
  }
}

export async function exists(path: string): Promise<boolean> {
  return fsp.lstat(path).then(
    () => true,
    () => false,
  );
}
