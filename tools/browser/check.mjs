// Accessibility of the HTML the tool writes: for each file, at 1280 and 390 px,
// 0 axe-core violations (WCAG 2.0/2.1 A and AA); at those and at 320 and 1920 px the
// page no wider than the window (WCAG 1.4.10); and 0 Nu Html Checker errors. Prints the figures; exit code 1 on any failure.
// Usage: node check.mjs FILE.html...
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch } from './browser.mjs';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const files = process.argv.slice(2).map((f) => resolve(f));
if (files.length === 0) {
  console.error('gebruik: node check.mjs BESTAND.html...');
  process.exit(2);
}
const widths = [1280, 390];
const widthOnly = [320, 1920];
const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
let failures = 0;

const { browser, close } = await launch();
try {
  for (const file of files) {
    for (const width of widths) {
      const page = await browser.newPage();
      await page.setViewport({ width, height: 900 });
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      await page.evaluate(axeSource);
      const violations = await page.evaluate(
        (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } })
          .then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }))),
        tags,
      );
      const { scrollWidth, clientWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
      }));
      const ok = violations.length === 0 && scrollWidth === clientWidth;
      if (!ok) failures++;
      console.log(`${ok ? 'ok  ' : 'FOUT'} ${basename(file)} @${width}px: axe ${violations.length} schendingen, breedte ${scrollWidth}/${clientWidth} px`);
      for (const v of violations) {
        console.log(`       ${v.id} (${v.impact}): ${v.nodes.slice(0, 5).join(' | ')}`);
      }
      await page.close();
    }
    for (const width of widthOnly) {
      const page = await browser.newPage();
      await page.setViewport({ width, height: 900 });
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      const { scrollWidth, clientWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
      }));
      const ok = scrollWidth === clientWidth;
      if (!ok) failures++;
      console.log(`${ok ? 'ok  ' : 'FOUT'} ${basename(file)} @${width}px: breedte ${scrollWidth}/${clientWidth} px`);
      await page.close();
    }
  }
} finally {
  await close();
}

// The Nu Html Checker, all files at once (one JVM start).
const jar = require.resolve('vnu-jar/build/dist/vnu.jar');
let report;
try {
  report = execFileSync('java', ['-jar', jar, '--errors-only', '--format', 'json', '--stdout', '--exit-zero-always', ...files], {
    encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'],
  });
} catch (e) {
  console.log(`FOUT vnu kon niet draaien: ${e.message}`);
  process.exit(1);
}
// No report at all is a failure, never a pass.
const messages = JSON.parse(report).messages;
for (const file of files) {
  const errors = messages.filter((m) => m.type === 'error' && decodeURIComponent(m.url || '').endsWith(`/${basename(file)}`));
  if (errors.length) failures++;
  console.log(`${errors.length ? 'FOUT' : 'ok  '} ${basename(file)}: Nu Html Checker ${errors.length} fouten`);
  for (const m of errors.slice(0, 10)) {
    console.log(`       regel ${m.lastLine}: ${m.message}`);
  }
}
const fatal = messages.filter((m) => m.type === 'non-document-error');
for (const m of fatal) {
  failures++;
  console.log(`FOUT vnu: ${m.message}`);
}
console.log(failures === 0 ? 'Toegankelijkheid: alles in orde.' : `Toegankelijkheid: ${failures} controle(s) mislukt.`);
process.exit(failures === 0 ? 0 : 1);
