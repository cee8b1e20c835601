#!/bin/sh
# Build ../static/vendor/prosemirror.bundle.js (IIFE, global `PM`) from the exact npm versions
# of package-lock.json: `npm ci && sh build.sh` in this folder. The output needs nothing at run
# time: no network, no modules, no eval.
set -eu
cd "$(dirname "$0")"
out=../static/vendor
v() { node -p "require('./node_modules/$1/package.json').version"; }
banner="/* prosemirror.bundle.js: prosemirror-model $(v prosemirror-model), -state $(v prosemirror-state), -view $(v prosemirror-view), -transform $(v prosemirror-transform), -commands $(v prosemirror-commands), -keymap $(v prosemirror-keymap), -history $(v prosemirror-history), -dropcursor $(v prosemirror-dropcursor); markdown-it $(v markdown-it) inline parser only. MIT licences: prosemirror.bundle.LICENSES.txt. Built with esbuild $(v esbuild) by build/build.sh. */"
# markdown-it's dependencies that serve only links, entities and linkify (never enabled
# here) are replaced by stub.mjs, which throws if ever called.
npx esbuild vendor-entry.mjs --bundle --minify --format=iife --global-name=PM \
  --target=es2020 --charset=utf8 --legal-comments=none --banner:js="$banner" \
  --alias:entities=./stub.mjs --alias:linkify-it=./stub.mjs \
  --alias:punycode.js=./stub.mjs --alias:mdurl=./stub.mjs \
  --outfile="$out/prosemirror.bundle.js"
{
  for p in prosemirror-model prosemirror-state prosemirror-view prosemirror-transform \
           prosemirror-commands prosemirror-keymap prosemirror-history prosemirror-dropcursor \
           orderedmap rope-sequence w3c-keyname markdown-it uc.micro; do
    echo "==== $p $(v $p) ($(node -p "require('./node_modules/$p/package.json').license"))"
    cat node_modules/$p/LICENSE* 2>/dev/null || echo "(no LICENSE file in the package)"
    echo
  done
} > "$out/prosemirror.bundle.LICENSES.txt"
