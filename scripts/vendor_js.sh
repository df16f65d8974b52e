#!/usr/bin/env bash
# Copies the built front-end files Kronika serves into kronika/web/static/vendor/.
# Run after changing package.json; commit the copied files (the app never fetches them at run time).
set -euo pipefail
cd "$(dirname "$0")/.."
npm install --no-audit --no-fund --ignore-scripts
dest=kronika/web/static/vendor/swagger-ui
mkdir -p "$dest"
for f in swagger-ui-bundle.js swagger-ui.css LICENSE; do
  cp "node_modules/swagger-ui-dist/$f" "$dest/$f"
done
echo "vendored swagger-ui-dist $(node -p "require('./node_modules/swagger-ui-dist/package.json').version") into $dest"
