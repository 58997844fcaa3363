// Every page of a built site in a real browser (Debian's chromium, driven by
// playwright-core), at 1280 and 320 px wide: axe-core's WCAG 2.2 A/AA rules
// find nothing, and nothing scrolls sideways (WCAG 1.4.10 reflow). One page
// of each kind is photographed at 375 and 1280 px into SHOTS, to look at.
//
// usage: node check_site.mjs SITE_DIR SHOTS_DIR
import { readFileSync, readdirSync, statSync, mkdirSync } from "node:fs";
import { join, relative } from "node:path";
import { createRequire } from "node:module";
import { execFileSync } from "node:child_process";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const [site, shots] = process.argv.slice(2);
mkdirSync(shots, { recursive: true });

function pages(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name.startsWith(".")) return [];
    if (statSync(path).isDirectory()) return pages(path);
    return name.endsWith(".html") ? [path] : [];
  }).sort();
}

// One page of each kind, named by what it is.
function kindOf(path) {
  const rel = relative(site, path);
  if (rel === "index.html") return "home";
  if (rel.startsWith("glossaries/")) return "glossary";
  if (rel.startsWith("committees/")) return rel.endsWith("index.html") ? "committee" : "committee-" + rel.split("/").pop().replace(".html", "");
  if (rel.startsWith("meetings/")) {
    const name = rel.split("/").pop();
    if (name === "index.html") return "meeting";
    if (/minutes/.test(name)) return "minutes";
    if (/appendix/.test(name)) return "appendix";
    return "report";
  }
  return rel.replace(/\W+/g, "-");
}

// Every address a page gives — links, pictures, stylesheets — names a file
// of the site, and every #fragment an id on the page it names.
const idsOf = new Map();
function ids(file) {
  if (!idsOf.has(file)) idsOf.set(file, new Set([...readFileSync(file, "utf8").matchAll(/\sid="([^"]+)"/g)].map((m) => m[1])));
  return idsOf.get(file);
}
function checkLinks(path, failures) {
  const html = readFileSync(path, "utf8");
  for (const [, attr, value] of html.matchAll(/\s(href|src)="([^"]*)"/g)) {
    const target = value.replace(/&amp;/g, "&");
    if (/^(https?:|mailto:|tel:|data:)/.test(target)) continue;
    const [file, fragment] = target.split("#");
    const resolved = file === "" ? path : join(path, "..", decodeURIComponent(file));
    let exists = false;
    try { exists = statSync(resolved).isFile(); } catch { exists = false; }
    if (!exists) { failures.push(`${relative(site, path)}: ${attr}="${value}" names no file of the site`); continue; }
    if (fragment && resolved.endsWith(".html") && !ids(resolved).has(decodeURIComponent(fragment)))
      failures.push(`${relative(site, path)}: ${attr}="${value}" names no id on ${relative(site, resolved)}`);
  }
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const failures = [];
const photographed = new Set();
let checked = 0;
for (const path of pages(site)) {
  const rel = relative(site, path);
  checkLinks(path, failures);
  for (const width of [1280, 320]) {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    await page.goto("file://" + path);
    const overflow = await page.evaluate(() => {
      const doc = document.documentElement;
      if (doc.scrollWidth <= window.innerWidth) return null;
      // The widest elements that reach past the window, to say what to fix.
      const wide = [...document.querySelectorAll("body *")]
        .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest("[data-scroll]"))
        .slice(0, 3)
        .map((e) => e.tagName.toLowerCase() + (e.className ? "." + String(e.className).split(" ")[0] : "") + " " + Math.round(e.getBoundingClientRect().right) + "px");
      return `${doc.scrollWidth}px wide: ${wide.join(", ")}`;
    });
    if (overflow) failures.push(`${rel} at ${width}px scrolls sideways (${overflow})`);
    await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(() =>
      window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] } }));
    for (const v of result.violations)
      failures.push(`${rel} at ${width}px: axe ${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 2).map((n) => n.target.join(" ")).join("; ")}`);
    // Pages holding a scorecard, a chart or a tracker are kinds of their own.
    const special = await page.evaluate(() =>
      document.querySelector("table.scorecard") ? "scorecard" : document.querySelector("table.tracker") ? "tracker"
        : document.querySelector("figure.chart") ? "chart" : "");
    const kind = special || kindOf(path);
    // Printed, a scorecard page puts every column of every scorecard on paper (landscape pages).
    if (special === "scorecard" && width === 1280 && !photographed.has("print")) {
      photographed.add("print");
      // The last word of each scorecard's last column heading ("England"):
      // as often on paper as in the printed page's text, or columns were cut.
      const words = await page.evaluate(() =>
        [...new Set([...document.querySelectorAll("table.scorecard")].map((t) => [...t.querySelectorAll("thead th")].pop().textContent.trim().split(/\s+/).pop()))]);
      const pdf = join(shots, "scorecard-print.pdf");
      await page.emulateMedia({ media: "print" });
      const printed = await page.evaluate(() => document.body.innerText);
      await page.pdf({ path: pdf, preferCSSPageSize: true });
      await page.emulateMedia({ media: "screen" });
      const text = execFileSync("pdftotext", [pdf, "-"]).toString();
      const info = execFileSync("pdfinfo", ["-f", "1", "-l", "999", pdf]).toString();
      if (!/size:\s+841\.\d+ x 59\d/.test(info)) failures.push(`${rel} printed: no landscape page for its scorecards`);
      const count = (haystack, word) => haystack.split(new RegExp(`\\b${word}\\b`)).length - 1;
      for (const word of words)
        if (count(text, word) < count(printed, word))
          failures.push(`${rel} printed: "${word}" (a last column) is on paper ${count(text, word)} times, on the page ${count(printed, word)}`);
    }
    if (!photographed.has(kind + width)) {
      photographed.add(kind + width);
      const shotWidth = width === 320 ? 375 : width;
      await page.setViewportSize({ width: shotWidth, height: 900 });
      await page.screenshot({ path: join(shots, `${kind}-${shotWidth}.png`), fullPage: true });
    }
    await page.close();
    checked++;
  }
}
// The search page finds the 2024 Youth Justice report from "youth justice",
// by keyboard, and says how many it found.
{
  const page = await browser.newPage({ viewport: { width: 320, height: 900 } });
  await page.goto("file://" + join(site, "search.html"));
  await page.focus("#search-words");
  await page.keyboard.type("youth justice");
  await page.keyboard.press("Enter");
  const status = await page.textContent("#search-status");
  const hrefs = await page.$$eval("#search-results a", (links) => links.map((a) => a.getAttribute("href")));
  if (!/\d+ results? for/.test(status)) failures.push(`search: the status says "${status}"`);
  if (!hrefs.some((h) => /children-and-families-2024-09-26\/07-youth-justice-service\.html$/.test(h)))
    failures.push(`search: "youth justice" does not find the 2024 Youth Justice report (${hrefs.slice(0, 5).join(", ")})`);
  await page.screenshot({ path: join(shots, "search-375.png"), fullPage: true });
  await page.close();
}
await browser.close();
for (const f of failures) console.log("FAIL: " + f);
console.log(`${checked} page views checked, ${failures.length} problem(s); screenshots in ${shots}`);
process.exit(failures.length ? 1 : 0);
