// Copies the npm-only front-end libraries (Vant and the three packages it imports) from node_modules
// into the bundle's classes, as plain ES modules the browser loads through the portal's import map.
// Their bundler-only `process.env.NODE_ENV` checks are settled to "production" here, because no
// bundler runs, and the scripts are minified with terser (Vant ships no minified ES module; phones
// on mobile networks load these). No network: terser comes from the same lockfile.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { minify } from 'terser';

const out = process.argv[2];
if (!out) {
  console.error('usage: node build/vendor.mjs <output directory>');
  process.exit(2);
}
const files = [
  ['vant/lib/vant.es.js', 'vant.es.js'],
  ['vant/lib/index.css', 'vant.css'],
  ['vant/LICENSE', 'LICENSE.vant'],
  ['@vant/use/dist/index.esm.mjs', 'vant-use.js'],
  ['@vant/popperjs/dist/index.esm.mjs', 'vant-popperjs.js'],
  ['@vue/shared/dist/shared.esm-bundler.js', 'vue-shared.js'],
  ['@vue/shared/LICENSE', 'LICENSE.vue-shared'],
];
mkdirSync(out, { recursive: true });
for (const [from, to] of files) {
  const source = join('node_modules', from);
  const target = join(out, to);
  mkdirSync(dirname(target), { recursive: true });
  if (to.endsWith('.js')) {
    const text = readFileSync(source, 'utf8').replaceAll('process.env.NODE_ENV', '"production"');
    if (text.includes('process.env')) {
      console.error(`${from} still reads process.env after the rewrite`);
      process.exit(1);
    }
    const small = await minify(text, { module: true, compress: { passes: 1 }, mangle: true, format: { comments: /^!|@license/i } });
    writeFileSync(target, small.code);
  } else if (to.endsWith('.css')) {
    // Vant's icon font is embedded (woff2 data URL); its fallback on a CDN would break the
    // pages' Content-Security-Policy (no external hosts) and is dropped.
    const text = readFileSync(source, 'utf8').replace(/,url\(\/\/at\.alicdn\.com\/[^)]*\) format\("woff"\)/g, '');
    if (/url\((https?:)?\/\//.test(text)) {
      console.error(`${from} still names an external host`);
      process.exit(1);
    }
    writeFileSync(target, text);
  } else {
    copyFileSync(source, target);
  }
}
const version = JSON.parse(readFileSync('node_modules/vant/package.json', 'utf8')).version;
writeFileSync(join(out, 'versions.json'), JSON.stringify({ vant: version }) + '\n');
console.log(`vendor: ${files.length} files of vant ${version} in ${out}`);
