#!/usr/bin/env bash
# Gradescope runs this once, when it builds the autograder image (Ubuntu): it installs Node.js.
# Partitura itself and its libraries are already in this zip (partitura/), so nothing else is fetched.
set -euo pipefail

NODE_VERSION="__NODE_VERSION__"
ROOT="${PARTITURA_AUTOGRADER_ROOT:-/autograder}"
# Partitura runs TypeScript through Node's type stripping: Node 22.18 or newer.
if command -v node >/dev/null &&
  [ "$(node -p 'const [a, b] = process.versions.node.split(".").map(Number); a > 22 || (a === 22 && b >= 18)')" = "true" ]; then
  echo "Node $(node --version) já instalado."
else
  apt-get update -qq
  apt-get install -y -qq curl xz-utils ca-certificates >/dev/null
  arch="$(uname -m)"
  case "$arch" in
    x86_64) arch=x64 ;;
    aarch64) arch=arm64 ;;
  esac
  curl -fsSL "https://nodejs.org/dist/v${NODE_VERSION}/node-v${NODE_VERSION}-linux-${arch}.tar.xz" \
    | tar -xJ -C /usr/local --strip-components=1
  echo "Node $(node --version) instalado."
fi
# The bundled grader starts: its libraries are all in the zip.
node "$ROOT/source/partitura/bin/partitura.js" --help >/dev/null
echo "partitura pronto."
