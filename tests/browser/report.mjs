// Loads grade's HTML reports in headless chromium (Debian's, driven by playwright-core) and
// checks what a reader meets: the page renders (a screenshot that is not blank), the
// score and the marked sentences are in the DOM, keyboard focus on a mark shows its
// criterion, no script runs or fails, and nothing is requested from any other host.
//
// usage: node report.mjs SPEC.json
// SPEC: {"pages": [{"file": "/abs/report.html", "screenshot": "/abs/out.png",
//         "score": "88.5", "marks": true, "texts": ["…"], "keepFocus": false}]}
// Prints one JSON line of results; exits 1 on the first failed check, naming it.
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';

const spec = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const failures = [];
const check = (ok, what) => { if (!ok) failures.push(what); };

// Distinct colours and non-white pixels of an 8-bit RGB(A) PNG, as chromium writes them.
function pixels(png) {
  let at = 8, width = 0, height = 0, channels = 0;
  const idat = [];
  while (at < png.length) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0); height = data.readUInt32BE(4);
      if (data[8] !== 8) throw new Error('expected 8-bit PNG');
      channels = { 2: 3, 6: 4 }[data[9]];
    } else if (type === 'IDAT') idat.push(data);
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  let prev = Buffer.alloc(stride);
  const colours = new Set();
  let nonWhite = 0;
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = Buffer.from(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? line[i - channels] : 0, b = prev[i];
      const c = i >= channels ? prev[i - channels] : 0;
      const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
      const add = [0, a, b, (a + b) >> 1, pa <= pb && pa <= pc ? a : pb <= pc ? b : c][filter];
      line[i] = (line[i] + add) & 255;
    }
    for (let x = 0; x < width; x++) {
      const r = line[x * channels], g = line[x * channels + 1], bl = line[x * channels + 2];
      colours.add((r << 16) | (g << 8) | bl);
      if (r < 245 || g < 245 || bl < 245) nonWhite++;
    }
    prev = line;
  }
  return { colours: colours.size, nonWhiteShare: nonWhite / (width * height) };
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const results = [];
try {
  for (const page of spec.pages) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const tab = await context.newPage();
    const errors = [];
    const outside = [];
    let dialogs = 0;
    tab.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    tab.on('pageerror', (e) => errors.push(String(e)));
    tab.on('dialog', async (d) => { dialogs++; await d.dismiss(); });
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:')) return route.continue();
      outside.push(url);
      return route.abort();
    });
    await tab.goto('file://' + page.file, { waitUntil: 'load' });
    const name = page.file.split('/').pop();
    const dom = await tab.evaluate(() => ({
      text: document.body.innerText,
      marks: document.querySelectorAll('mark.ev[tabindex="0"]').length,
      scripts: document.querySelectorAll('script').length,
      injected: document.querySelectorAll('img, iframe, object, embed, [onerror], [onload]').length,
      javascriptLinks: [...document.querySelectorAll('a[href]')]
        .filter((a) => a.getAttribute('href').trim().toLowerCase().startsWith('javascript:')).length,
      summaryFirst: (() => {
        const s = document.querySelector('section.summary'), f = document.querySelector('section.file');
        return !s || !f || s.getBoundingClientRect().top < f.getBoundingClientRect().top;
      })(),
    }));
    check(dom.text.includes(page.score), `${name}: the score ${page.score} is on the page`);
    if (page.marks) check(dom.marks > 0, `${name}: sentences are marked`);
    for (const text of page.texts || []) check(dom.text.includes(text), `${name}: shows ${JSON.stringify(text)}`);
    check(dom.scripts === 0, `${name}: no <script> element`);
    check(dom.injected === 0, `${name}: no img/iframe/event-handler element`);
    check(dom.javascriptLinks === 0, `${name}: no javascript: link`);
    check(dom.summaryFirst, `${name}: the cohort summary is shown above the files`);

    // Keyboard: tab until a mark has focus; its tooltip must show and name a criterion.
    let focused = null;
    if (page.marks) {
      for (let i = 0; i < 400 && !focused; i++) {
        await tab.keyboard.press('Tab');
        focused = await tab.evaluate(() => {
          const el = document.activeElement;
          if (!el || !el.matches('mark.ev')) return null;
          const tip = document.getElementById(el.getAttribute('aria-describedby'));
          return tip && getComputedStyle(tip).display !== 'none' ? tip.innerText : null;
        });
      }
      check(focused && /·/.test(focused) && /points/.test(focused),
        `${name}: keyboard focus on a mark shows its criterion, signal and points (${focused})`);
      // The screenshot shows the focused mark's tooltip when the spec asks for it.
      if (!page.keepFocus) await tab.evaluate(() => document.activeElement && document.activeElement.blur());
    }
    await tab.evaluate(() => window.scrollTo(0, 0));
    const shot = await tab.screenshot({ path: page.screenshot, fullPage: false });
    const { colours, nonWhiteShare } = pixels(shot);
    check(colours > 50, `${name}: the screenshot has more than 50 colours (${colours})`);
    check(nonWhiteShare > 0.05, `${name}: the screenshot is not blank (${nonWhiteShare})`);
    check(errors.length === 0, `${name}: no console or page errors (${errors.join('; ')})`);
    check(outside.length === 0, `${name}: no request to another host (${outside.join(', ')})`);
    check(dialogs === 0, `${name}: no dialog opened (a script ran)`);
    results.push({ file: name, marks: dom.marks, focused, colours, nonWhiteShare: +nonWhiteShare.toFixed(3) });
    await context.close();
  }
} finally {
  await browser.close();
}
console.log(JSON.stringify({ results, failures }));
process.exit(failures.length ? 1 : 0);
