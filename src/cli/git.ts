/**
 * Git, asked safely. Everything in a handbook's repository is untrusted (docs/security.md): its
 * `.git/config` can name programs (core.fsmonitor, filter drivers, external diff, textconv,
 * hooks, pagers) that git would run, and a committed folder can look like a repository. So:
 *
 * - the repository is found by us, not by git: the nearest `.git` directory (or a `.git` file
 *   naming one) at or above the handbook; it is passed explicitly (`--git-dir`, `--work-tree`),
 *   so git never discovers a bare-looking folder inside the handbook;
 * - every call carries `-c` overrides that switch off each configured program git could start
 *   (SAFE_CONFIG), runs with no pager, no terminal prompt and literal pathspecs, and takes no
 *   optional locks;
 * - only commands that read the index or the object database are used (`ls-files`,
 *   `rev-parse`, `merge-base`, `log`, `ls-tree`, `cat-file`, tree-to-tree `diff`): none of them
 *   reads the work tree through a filter. Work-tree state (is this file unchanged?) is decided
 *   here from the index's stat data, as git itself does, never by `git diff-files` (which runs
 *   clean filters on racily clean files).
 *
 * Any failure (no git, not a repository, dubious ownership, a refused config) returns undefined
 * and the caller falls back to reading and hashing files.
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as nodePath from 'node:path';

/** Overrides that stop git from running anything a repository configures. */
export const SAFE_CONFIG: readonly string[] = [
  'core.fsmonitor=false',
  'core.hooksPath=/dev/null',
  'core.pager=cat',
  'core.askPass=',
  'core.sshCommand=',
  'core.editor=true',
  'core.alternateRefsCommand=',
  'core.untrackedCache=false',
  'diff.external=',
  'credential.helper=',
  'protocol.allow=never',
  'safe.bareRepository=explicit',
  'uploadpack.packObjectsHook=',
  'gc.auto=0',
  'maintenance.auto=false',
  'log.showSignature=false',
  'gpg.program=false',
  'gpg.ssh.program=false',
  'gpg.x509.program=false',
  'core.gitProxy=',
  'submodule.recurse=false',
  'diff.submodule=short',
  'status.submoduleSummary=false',
];

/** The only subcommands `runGit` runs: each reads the index or the object database. */
const READ_ONLY = new Set(['ls-files', 'rev-parse', 'merge-base', 'log', 'ls-tree', 'cat-file', 'diff', 'show', 'rev-list', 'for-each-ref']);
/** Subcommands that can run a diff program or textconv: always with them switched off. */
const DIFFING = new Set(['log', 'diff', 'show']);
/** Options that would run a filter or textconv, write a file or start a program. */
const REFUSED_OPTION = /^--(textconv|filters|ext-diff|output|open-files-in-pager|exec|upload-pack|receive-pack|no-index)(=|$)/;

/** Environment variables that would point git elsewhere or start programs; never passed on. */
const DROPPED_ENV = /^(GIT_DIR|GIT_WORK_TREE|GIT_INDEX_FILE|GIT_OBJECT_DIRECTORY|GIT_ALTERNATE_OBJECT_DIRECTORIES|GIT_COMMON_DIR|GIT_NAMESPACE|GIT_CEILING_DIRECTORIES|GIT_DISCOVERY_ACROSS_FILESYSTEM|GIT_EXTERNAL_DIFF|GIT_PAGER|PAGER|GIT_EDITOR|GIT_SSH|GIT_SSH_COMMAND|GIT_ASKPASS|SSH_ASKPASS|GIT_PROXY_COMMAND|GIT_CONFIG_PARAMETERS|GIT_CONFIG_COUNT|GIT_CONFIG_KEY_\d+|GIT_CONFIG_VALUE_\d+|GIT_EXEC_PATH|GIT_TRACE\w*)$/;

export interface GitRepository {
  /** The `.git` directory (absolute, symlinks resolved). */
  gitDir: string;
  /** The work tree: the directory that holds `.git` (absolute, symlinks resolved). */
  workTree: string;
}

/**
 * The repository whose `.git` sits at or above `start` (a directory), found without git: a
 * real `.git` directory (not a symbolic link) holding `HEAD`, or a `.git` file whose `gitdir:`
 * names such a directory (worktrees, submodules). Undefined when there is none.
 */
export function findRepository(start: string): GitRepository | undefined {
  let dir: string;
  try {
    dir = fs.realpathSync(start);
  } catch {
    return undefined;
  }
  for (;;) {
    const dotGit = nodePath.join(dir, '.git');
    let st: fs.Stats | undefined;
    try {
      st = fs.lstatSync(dotGit);
    } catch {
      st = undefined;
    }
    if (st?.isDirectory()) {
      return isGitDir(dotGit) ? { gitDir: dotGit, workTree: dir } : undefined;
    }
    if (st?.isFile() && st.size < 4096) {
      const text = fs.readFileSync(dotGit, 'utf8');
      const m = /^gitdir: ?([^\r\n]{1,4000})/.exec(text);
      if (!m) return undefined;
      let target: string;
      try {
        target = fs.realpathSync(nodePath.resolve(dir, m[1]!));
      } catch {
        return undefined;
      }
      return isGitDir(target) ? { gitDir: target, workTree: dir } : undefined;
    }
    if (st) return undefined; // a symbolic link or something else named .git: not trusted as a repository
    const parent = nodePath.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * A git directory: `HEAD` and an object database, its own or, for a linked worktree
 * (`git worktree add`), the main repository's, named by its `commondir` file.
 */
function isGitDir(path: string): boolean {
  try {
    if (!fs.statSync(nodePath.join(path, 'HEAD')).isFile()) return false;
    let common = path;
    const commondir = nodePath.join(path, 'commondir');
    if (fs.existsSync(commondir)) {
      const target = fs.readFileSync(commondir, 'utf8').slice(0, 4096).split(/\r?\n/, 1)[0] ?? '';
      if (target === '') return false;
      common = nodePath.resolve(path, target);
    }
    return fs.statSync(nodePath.join(common, 'objects')).isDirectory();
  } catch {
    return false;
  }
}

/** The arguments every call starts with. */
export function safeGitArgs(repo: GitRepository): string[] {
  const args = ['--no-pager', '--literal-pathspecs', `--git-dir=${repo.gitDir}`, `--work-tree=${repo.workTree}`];
  for (const c of SAFE_CONFIG) args.push('-c', c);
  return args;
}

export function safeGitEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(env)) if (!DROPPED_ENV.test(k)) out[k] = v;
  return { ...out, GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0', GIT_LITERAL_PATHSPECS: '1', GIT_NO_REPLACE_OBJECTS: '1', LC_ALL: 'C' };
}

export interface GitOptions {
  env?: NodeJS.ProcessEnv;
  /** Bytes of output accepted (default 1 GiB). */
  maxBuffer?: number;
  /** Standard input for the command (e.g. `cat-file --batch`). */
  input?: string;
  encoding?: 'utf8' | 'buffer';
  /** Milliseconds before git is killed and the call fails (default 20 s): a config that includes `/dev/zero` or a FIFO must not hang a run. */
  timeout?: number;
}

/**
 * Run git on `repo` with the safe arguments; stdout, or undefined on any failure. Only the
 * read-only subcommands of READ_ONLY run (anything else throws); `log`, `diff` and `show` always
 * get `--no-ext-diff --no-textconv`, and options that run filters or write files are refused.
 * A `diff` must compare trees or the index, never the work tree (which runs clean filters).
 */
export function runGit(repo: GitRepository, args: string[], o: GitOptions & { encoding: 'buffer' }): Promise<Buffer | undefined>;
export function runGit(repo: GitRepository, args: string[], o?: GitOptions): Promise<string | undefined>;
export function runGit(repo: GitRepository, args: string[], o: GitOptions = {}): Promise<string | Buffer | undefined> {
  const [command, ...rest] = args;
  // A programming error, not a repository's doing: fail loudly.
  if (command === undefined || !READ_ONLY.has(command)) throw new Error(`runGit: ${String(command)} is not a read-only git command`);
  // Options are ours (constants); what follows `--` or `--end-of-options` may be anything.
  const end = rest.findIndex((a) => a === '--' || a === '--end-of-options');
  if ((end < 0 ? rest : rest.slice(0, end)).some((a) => REFUSED_OPTION.test(a))) throw new Error(`runGit: refused option in ${args.join(' ')}`);
  const full = DIFFING.has(command) ? [command, '--no-ext-diff', '--no-textconv', ...rest] : args;
  return new Promise((resolve) => {
    try {
      const child = execFile(
        'git',
        [...safeGitArgs(repo), ...full],
        {
          encoding: o.encoding === 'buffer' ? 'buffer' : 'utf8',
          maxBuffer: o.maxBuffer ?? 1 << 30,
          env: safeGitEnv(o.env),
          cwd: repo.workTree,
          windowsHide: true,
          timeout: o.timeout ?? 20_000,
          killSignal: 'SIGKILL',
        },
        (error, stdout) => resolve(error ? undefined : stdout),
      );
      child.stdin?.on('error', () => undefined);
      if (o.input !== undefined) child.stdin?.end(o.input);
      else child.stdin?.end();
    } catch {
      resolve(undefined);
    }
  });
}

interface IndexEntry {
  id: string;
  ctimeS: bigint;
  ctimeNs: bigint;
  mtimeS: bigint;
  mtimeNs: bigint;
  dev: bigint;
  ino: bigint;
  uid: bigint;
  gid: bigint;
  size: bigint;
}

const DEBUG_BLOCK = /^ {2}ctime: (\d{1,20}):(\d{1,20})\n {2}mtime: (\d{1,20}):(\d{1,20})\n {2}dev: (\d{1,20})\tino: (\d{1,20})\n {2}uid: (\d{1,20})\tgid: (\d{1,20})\n {2}size: (\d{1,20})\tflags: [0-9a-f]{1,16}\n/;

/** Parse `git ls-files --stage -v --debug -z`: path (relative to the work tree) → entry. */
export function parseIndex(out: string): Map<string, IndexEntry> {
  const entries = new Map<string, IndexEntry>();
  // Records: "<tag> <mode> <id> <stage>\t<path>\0" then the --debug block of that entry
  // ("  ctime: s:ns\n  mtime: s:ns\n  dev: n\tino: n\n  uid: n\tgid: n\n  size: n\tflags: x\n"),
  // then the next record. A path may hold any byte but NUL, so the block is taken from the
  // front of what follows the NUL, never searched for.
  const parts = out.split('\0');
  let header = parts[0] ?? '';
  for (let i = 1; i < parts.length; i++) {
    const rest = parts[i]!;
    const m = DEBUG_BLOCK.exec(rest);
    if (!m) return new Map(); // not the format we know: trust nothing
    const tab = header.indexOf('\t');
    const [tag, mode, id, stage] = (tab < 0 ? '' : header.slice(0, tab)).split(' ');
    const path = header.slice(tab + 1);
    if (tab >= 0 && tag === 'H' && stage === '0' && (mode === '100644' || mode === '100755') && id && /^[0-9a-f]{40,64}$/.test(id)) {
      entries.set(path, {
        id,
        ctimeS: BigInt(m[1]!),
        ctimeNs: BigInt(m[2]!),
        mtimeS: BigInt(m[3]!),
        mtimeNs: BigInt(m[4]!),
        dev: BigInt(m[5]!),
        ino: BigInt(m[6]!),
        uid: BigInt(m[7]!),
        gid: BigInt(m[8]!),
        size: BigInt(m[9]!),
      });
    }
    header = rest.slice(m[0].length);
  }
  return entries;
}

const NS = 1_000_000_000n;
const U32 = 0xffffffffn;

/** Does the file on disk still have the stat data the index recorded (and is not racily clean)? */
function unchanged(e: IndexEntry, st: fs.BigIntStats, indexMtimeNs: bigint): boolean {
  if (!st.isFile()) return false;
  // The index keeps 32-bit fields; compare modulo 2^32 as git does.
  if ((st.size & U32) !== e.size || (st.ino & U32) !== e.ino || (st.dev & U32) !== e.dev) return false;
  if ((st.uid & U32) !== e.uid || (st.gid & U32) !== e.gid) return false;
  if (st.mtimeNs / NS !== e.mtimeS || st.mtimeNs % NS !== e.mtimeNs) return false;
  if (st.ctimeNs / NS !== e.ctimeS || st.ctimeNs % NS !== e.ctimeNs) return false;
  // Racily clean: modified in the same instant the index was written; git re-reads these.
  const entryMtime = e.mtimeS * NS + e.mtimeNs;
  return entryMtime < indexMtimeNs;
}

/**
 * Content hashes from git, for `--cache`: in a git work tree, the blob id git's index holds for
 * a file whose stat data still matches the index is the hash of its bytes, so the cache can be
 * checked without reading the file (a fresh CI checkout is as quick as a developer's machine).
 * A file is taken from the index only when it is a regular file at stage 0 with no
 * assume-unchanged or skip-worktree bit, its lstat matches the index entry and it is not racily
 * clean. Absolute path → blob id, for such files under `dir`; undefined without git.
 */
export async function gitBlobIds(dir: string, env: NodeJS.ProcessEnv = process.env): Promise<Map<string, string> | undefined> {
  const repo = findRepository(dir);
  if (!repo) return undefined;
  let realDir: string;
  try {
    realDir = fs.realpathSync(dir);
  } catch {
    return undefined;
  }
  const rel = nodePath.relative(repo.workTree, realDir);
  if (rel.startsWith('..') || nodePath.isAbsolute(rel)) return undefined;
  let indexMtimeNs: bigint;
  try {
    indexMtimeNs = fs.statSync(nodePath.join(repo.gitDir, 'index'), { bigint: true }).mtimeNs;
  } catch {
    return undefined;
  }
  const out = await runGit(repo, ['ls-files', '--stage', '-v', '--debug', '-z', '--', rel === '' ? '.' : rel], { env });
  if (out === undefined) return undefined;
  const ids = new Map<string, string>();
  for (const [path, entry] of parseIndex(out)) {
    const abs = nodePath.join(repo.workTree, path);
    let st: fs.BigIntStats;
    try {
      st = fs.lstatSync(abs, { bigint: true });
    } catch {
      continue;
    }
    if (!unchanged(entry, st, indexMtimeNs)) continue;
    // The caller looks files up by the path it discovered them under (dir may be reached
    // through a link): report them under `dir`.
    ids.set(nodePath.join(dir, nodePath.relative(realDir, abs)), entry.id);
  }
  return ids;
}
