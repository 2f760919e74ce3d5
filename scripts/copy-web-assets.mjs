// Copies the third-party files the web pages load from node_modules into web/static/vendor.
// Run by `npm ci` (the postinstall script of package.json): the files are never committed, and
// the service serves them itself, so nothing is fetched from a CDN at run time.
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const target = join(root, "web", "static", "vendor");

// name under /static/vendor/ -> file in node_modules
const files = {
  "nlds-components.css": "@utrecht/component-library-css/dist/index.css",
  "nlds-theme.css": "@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css",
  "htmx.min.js": "htmx.org/dist/htmx.min.js",
};

rmSync(target, { recursive: true, force: true });
mkdirSync(target, { recursive: true });
for (const [name, source] of Object.entries(files)) {
  copyFileSync(join(root, "node_modules", source), join(target, name));
}
console.log(`web assets: ${Object.keys(files).length} files copied to web/static/vendor`);
