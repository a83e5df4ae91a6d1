// Pictures of a page as a person sees it: screenshots at a window width, or the page
// printed to PDF by Chromium (A4, the style sheet's @page rules and margin boxes).
// Usage: node shoot.mjs JOB...   where JOB is png:WIDTH:FILE[#ANCHOR]:OUT[:full] or pdf:FILE:OUT
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch } from './browser.mjs';

const jobs = process.argv.slice(2);
const { browser, close } = await launch();
try {
  for (const job of jobs) {
    const [kind, ...rest] = job.split(':');
    const page = await browser.newPage();
    if (kind === 'png') {
      const [width, file, out, full] = rest;
      await page.setViewport({ width: Number(width), height: 900 });
      const [path, anchor] = file.split('#');
      await page.goto(pathToFileURL(resolve(path)).href + (anchor ? `#${anchor}` : ''), { waitUntil: 'load' });
      await page.screenshot({ path: out, fullPage: full === 'full' });
    } else if (kind === 'pdf') {
      const [file, out] = rest;
      await page.goto(pathToFileURL(resolve(file)).href, { waitUntil: 'load' });
      await page.pdf({ path: out, preferCSSPageSize: true, printBackground: true, displayHeaderFooter: false });
    } else {
      throw new Error(`onbekende opdracht: ${job}`);
    }
    await page.close();
    console.log(`Geschreven: ${kind === 'png' ? rest[2] : rest[1]}`);
  }
} finally {
  await close();
}
