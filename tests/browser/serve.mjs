// Drives grade serve's practice page in headless chromium (playwright-core, Debian's
// /usr/bin/chromium): types an answer with the keyboard, waits for the report, and checks
// it against the API; then untrusted markup, and a stale response arriving last.
// Usage: node serve.mjs URL ANSWER_FILE SCREENSHOT.png   (tests/browser_serve.rs runs it)
import { chromium } from "playwright-core";
import { readFileSync } from "node:fs";

const [url, answerFile, screenshot] = process.argv.slice(2);
const answer = readFileSync(answerFile, "utf8");
const check = (ok, what) => {
  if (!ok) throw new Error("check failed: " + what);
};

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  const page = await browser.newPage({ viewport: { width: 1360, height: 1000 } });
  const errors = [];
  const elsewhere = [];
  page.on("pageerror", (e) => errors.push("page error: " + e.message));
  page.on("console", (m) => { if (m.type() === "error") errors.push("console: " + m.text()); });
  page.on("request", (r) => { if (!r.url().startsWith(url)) elsewhere.push(r.url()); });

  await page.goto(url);
  await page.waitForSelector("body[data-ready=yes]");
  const options = await page.$$eval("#rubric option", (os) => os.map((o) => o.value));
  check(options[0] === "auto" && options.includes("product-pitch"), "rubric list " + options);
  await page.selectOption("#rubric", "product-pitch");

  // Typed key by key, as a person would: each keystroke fires an input event.
  const typed = async (text) => {
    await page.click("#answer");
    await page.keyboard.press("Control+A");
    await page.keyboard.press("Delete");
    await page.keyboard.type(text);
    const length = await page.$eval("#answer", (a) => a.value.length);
    await page.waitForSelector(`body[data-state=graded][data-graded="${length}"]`, { timeout: 15000 });
    return page.$eval("#answer", (a) => a.value);
  };
  const api = (text, rubric) => page.evaluate(async ([text, rubric]) => {
    const response = await fetch("/api/grade", { method: "POST", body: JSON.stringify({ text, rubric }) });
    return response.json();
  }, [text, rubric]);

  // 1. The report for a typed answer is the API's report for that text.
  const text = await typed(answer);
  check(text === answer.replace(/\r\n/g, "\n"), "the textarea holds what was typed");
  const report = await api(text, "product-pitch");
  const shown = await page.$eval("#score", (s) => s.firstChild.textContent);
  check(Number(shown) === report.score, `score shown ${shown}, API ${report.score}`);
  check((await page.textContent("#band")) === report.band, "band");
  const criteria = await page.$$eval("#criteria > li", (items) => items.length);
  check(criteria === report.criteria.length, "one bar per criterion");
  const evidence = report.criteria.flatMap((c) => c.signals.flatMap((s) => s.evidence));
  const marks = await page.$$eval("#marked mark", (ms) => ms.map((m) => m.textContent));
  check(evidence.length > 0 && marks.length > 0, "highlights exist");
  for (const e of evidence) {
    const start = e.quote.replace(/…$/, "").slice(0, 20);
    check(marks.some((m) => m.replace(/\s+/g, " ").includes(start)), "a highlight for " + e.quote);
  }
  const steps = await page.$$eval("#steps li", (items) => items.length);
  check(steps === report.next_steps.length, "next steps");
  await page.focus("#marked mark");
  check((await page.textContent("#detail")).includes(" of "), "a focused highlight says what it showed");
  await page.evaluate(() => document.activeElement.blur());
  if (screenshot) await page.screenshot({ path: screenshot, fullPage: false });

  // 2. Markup in the answer is text: nothing from it runs or becomes an element.
  const hostile = "I would pitch <script>window.__pwned = 1</script> offline downloads for members on the train.\n" +
    "\"><img src=x onerror=\"window.__pwned = 2\"> Members on prepaid data give up when the video spins, and we lose them in month three.\n" +
    "<b onmouseover=\"window.__pwned = 3\">I would measure retention at month three.</b>";
  const hostileText = await typed(hostile);
  check(await page.evaluate(() => window.__pwned === undefined), "no script from the answer ran");
  const injected = await page.$$eval("#report img, #marked img, #marked script, #marked b, #report b[onmouseover]", (n) => n.length);
  check(injected === 0, "no element from the answer");
  const markedText = await page.textContent("#marked");
  check(markedText === hostileText, "the marked-up answer is the answer's text, character for character");
  check(markedText.includes("<script>") && markedText.includes("onerror="), "markup shown as text");

  // 3. A response that arrives after a newer one is dropped.
  let sent = 0;
  await page.route("**/api/grade", async (route) => {
    if (++sent === 1) await new Promise((r) => setTimeout(r, 1500));
    await route.continue();
  });
  await page.fill("#answer", "");
  await page.click("#answer");
  await page.keyboard.type("I would pitch offline downloads for members who ride the train.");
  await page.waitForTimeout(450); // the first request is out, and held back
  await page.keyboard.type(" We lose them in month three when the video spins on prepaid data.");
  const final = await page.$eval("#answer", (a) => a.value.length);
  await page.waitForSelector(`body[data-graded="${final}"]`, { timeout: 15000 });
  await page.waitForTimeout(1800); // the held-back, older response has arrived by now
  check(sent === 2, "two requests, got " + sent);
  check((await page.getAttribute("body", "data-graded")) === String(final), "the older response was dropped");
  await page.unroute("**/api/grade");

  check(errors.length === 0, "no page errors: " + errors.join("; "));
  check(elsewhere.length === 0, "no request to another host: " + elsewhere.join(", "));
  console.log(JSON.stringify({ score: report.score, shown: Number(shown), marks: marks.length, criteria, steps }));
} finally {
  await browser.close();
}
