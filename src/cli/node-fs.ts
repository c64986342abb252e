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
 * A write refused because the destination, or a directory on the way to it, is a symbolic link
 * (code `ESYMLINK`): writing would change whatever the link points at (a file outside the
 * repository, `.git/config`). `path` is the link.
 */
export class SymlinkRefused extends Error {
  readonly code = 'ESYMLINK';
  constructor(readonly path: string) {
    super(`symbolic link: ${path}`);
  }
}

export interface WriteOptions {
  /** Never replace an existing file or link (EEXIST). */
  exclusive?: boolean;
  /**
   * A directory the caller trusts (the working directory, the handbook root, the site's root):
   * every directory from below it down to the destination must be a real directory, not a
   * symbolic link. Without it, only the destination itself is checked.
   */
  base?: string;
}

/** The first symbolic link among `path` and its parents below `base` (those that exist). */
async function linkOnTheWay(path: string, base: string | undefined): Promise<string | undefined> {
  const chain = [path];
  if (base !== undefined) {
    const rel = nodePath.relative(base, nodePath.dirname(path));
    if (rel !== '' && !rel.startsWith('..') && !nodePath.isAbsolute(rel)) {
      let dir = nodePath.dirname(path);
      for (let i = rel.split(nodePath.sep).length; i > 0; i--) {
        chain.push(dir);
        dir = nodePath.dirname(dir);
      }
    }
  }
  for (const p of chain.reverse()) {
    const st = await fsp.lstat(p).catch(() => undefined);
    if (st?.isSymbolicLink()) return p;
    if (!st) break; // missing: made by us below, as a real directory
  }
  return undefined;
}

/**
 * Write a file safely and atomically (every write of the CLI goes through here):
 *
 * - never through a symbolic link: a link at the destination, or at a directory between `base`
 *   and it, is refused with `SymlinkRefused` (docs/security.md); nothing is written;
 * - a temporary file beside it, created with O_EXCL (never an existing file or link), written in
 *   full and flushed, then renamed over the destination; a rename replaces a directory entry,
 *   never what a link (one that appeared meanwhile) points at; so a reader or a crash sees the
 *   old file or the new one, and the temporary file is removed whatever fails;
 * - replacing a file keeps its permissions and, when run as root, its owner; a read-only file is
 *   refused (EACCES), even for root. With `exclusive`, an existing file is never replaced: the
 *   final hard link fails with EEXIST if one appeared meanwhile.
 */
export async function writeFileAtomic(path: string, text: string | Uint8Array, options: WriteOptions = {}): Promise<void> {
  const target = nodePath.resolve(path);
  const link = await linkOnTheWay(target, options.base === undefined ? undefined : nodePath.resolve(options.base));
  if (link !== undefined) throw new SymlinkRefused(link);
  let existing: { mode: number; uid: number; gid: number } | undefined;
  if (!options.exclusive) {
    const st = await fsp.lstat(target).catch(() => undefined);
    if (st?.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR', path });
    if (st) {
      const mode = st.mode & 0o7777;
      const writable = (mode & 0o222) !== 0 && (await fsp.access(target, constants.W_OK).then(() => true, () => false));
      if (!writable) throw Object.assign(new Error('read-only file'), { code: 'EACCES', path });
      existing = { mode, uid: st.uid, gid: st.gid };
    }
  }
  const dir = nodePath.dirname(target);
  await fsp.mkdir(dir, { recursive: true });
  // mkdir follows links it meets: check again now that the directories exist.
  const made = await linkOnTheWay(target, options.base === undefined ? undefined : nodePath.resolve(options.base));
  if (made !== undefined) throw new SymlinkRefused(made);
  const tmp = nodePath.join(dir, `.${nodePath.basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let created = false;
  try {
    const handle = await fsp.open(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), existing ? existing.mode & 0o777 : 0o666);
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

/** `path` as the user sees it: relative to `cwd` when it is below it, else absolute. */
export function shownPath(cwd: string, path: string): string {
  const rel = nodePath.relative(cwd, path);
  return rel === '' ? '.' : rel.startsWith('..') || nodePath.isAbsolute(rel) ? path : rel;
}

/** The first symbolic link among `path` and its parents below `base`, or undefined (see WriteOptions). */
export function symlinkOnTheWay(path: string, base?: string): Promise<string | undefined> {
  return linkOnTheWay(nodePath.resolve(path), base === undefined ? undefined : nodePath.resolve(base));
}

export async function exists(path: string): Promise<boolean> {
  return fsp.lstat(path).then(
    () => true,
    () => false,
  );
}
