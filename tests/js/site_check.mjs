// Open pages of the exported site from disk in headless Chromium (Debian's /usr/bin/chromium,
// driven by playwright-core, which downloads no browser) and report, as JSON, per page: console
// errors, page errors, every request, the charts found, and screenshots where asked.
//   node site_check.mjs '{"pages": ["/abs/index.html", ...],
//                         "screenshots": {"/abs/index.html": "/abs/out.png"},
//                         "chromium": "/usr/bin/chromium"}'
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const job = JSON.parse(process.argv[2]);
const profile = mkdtempSync(join(tmpdir(), "rotasched-chromium-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: job.chromium || "/usr/bin/chromium",
  headless: true,
  chromiumSandbox: false, // --no-sandbox: CI runs as root
  args: [
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
  ],
  viewport: { width: 1200, height: 900 },
  locale: "zh-CN",
});
const results = [];
try {
  for (const path of job.pages) {
    const page = await context.newPage();
    const out = { path, console: [], pageErrors: [], requests: [], failed: [] };
    page.on("console", (msg) => {
      if (msg.type() === "error" || msg.type() === "warning") {
        out.console.push(`${msg.type()}: ${msg.text()}`);
      }
    });
    page.on("pageerror", (err) => out.pageErrors.push(String(err)));
    page.on("request", (req) => out.requests.push(req.url()));
    page.on("requestfailed", (req) => out.failed.push(`${req.url()} ${req.failure()?.errorText}`));
    const response = await page.goto(pathToFileURL(path).href, { waitUntil: "load" });
    out.ok = response ? response.ok() : null;
    await page.evaluate(() => document.fonts.ready);
    Object.assign(
      out,
      await page.evaluate(() => ({
        title: document.title,
        lang: document.documentElement.lang,
        charts: [...document.querySelectorAll("svg[data-chart]")].map((s) => ({
          kind: s.dataset.chart,
          texts: s.querySelectorAll("text").length,
          shapes: s.querySelectorAll("rect,circle").length,
          width: s.getBoundingClientRect().width,
        })),
        icsLinks: [...document.querySelectorAll('a[href$=".ics"]')].map((a) => a.getAttribute("href")),
        scripts: document.querySelectorAll("script").length,
        h1: document.querySelector("h1")?.textContent ?? "",
        bodyText: document.body.innerText.slice(0, 4000),
      })),
    );
    const shot = job.screenshots && job.screenshots[path];
    if (shot) await page.screenshot({ path: shot, fullPage: true });
    results.push(out);
    await page.close();
  }
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
process.stdout.write(JSON.stringify(results));
