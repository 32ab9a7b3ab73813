// Drives the dashboard in Debian's headless Chromium through playwright-core (NODE_PATH points at the copy
// installed into target/ at test time). Prints one JSON object per line; the Java test reads and checks them.
// Arguments: dashboard URL, room to close, directory for screenshots, path of the README screenshot.
const { chromium } = require('playwright-core');

const [url, roomToClose, shots, readmeShot] = process.argv.slice(2);
const say = (o) => console.log(JSON.stringify(o));

(async () => {
  const context = await chromium.launchPersistentContext(process.env.PROFILE_DIR, {
    executablePath: process.env.CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1440, height: 1000 },
    timeout: 20000,
  });
  try {
    const page = context.pages()[0] || await context.newPage();
    page.setDefaultTimeout(10000);
    const consoleErrors = [];
    page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
    page.on('response', (r) => { if (r.status() >= 400) consoleErrors.push(r.status() + ' ' + r.url()); });
    await page.goto(url);

    // The live overview: game server rows, the busiest rooms, the stream marked live.
    await page.waitForSelector(`#rooms tr[data-room="${roomToClose}"]`);
    await page.waitForSelector('#live.live');
    await page.waitForSelector('#chart-ccu canvas');
    const cluster = await page.$$eval('#cluster tbody tr', (rows) => rows.map((r) => ({
      role: r.dataset.role, cells: [...r.cells].map((c) => c.innerText.trim()) })));
    const rooms = await page.$$eval('#rooms tbody tr[data-room]', (rows) => rows.map((r) => ({
      gameId: r.dataset.room, players: r.cells[3].innerText.trim() })));
    const ccu = await page.textContent('#card-ccu');
    say({ step: 'overview', cluster, rooms, ccu });
    await page.screenshot({ path: `${shots}/dashboard-overview.png`, fullPage: true });
    await page.screenshot({ path: readmeShot, fullPage: true });

    // A room's detail: actors with their user ids.
    await page.click(`#rooms tr[data-room="${roomToClose}"] button.details`);
    await page.waitForSelector('#actors tbody tr[data-actor]');
    const actors = await page.$$eval('#actors tbody tr[data-actor]', (rows) => rows.map((r) => ({
      actorNr: Number(r.dataset.actor), userId: r.cells[1].innerText.trim(), state: r.cells[3].innerText.trim() })));
    const facts = await page.textContent('#room-facts');
    say({ step: 'room', actors, facts });
    await page.screenshot({ path: `${shots}/dashboard-room.png`, fullPage: true });

    // Close the room: the page asks first; cancelling changes nothing, confirming closes it.
    await page.click(`#rooms tr[data-room="${roomToClose}"] button.close-room`);
    await page.waitForSelector('#confirm[open]');
    const question = await page.textContent('#confirm-text');
    await page.screenshot({ path: `${shots}/dashboard-confirm.png` });
    await page.click('#confirm-ok');
    await page.waitForSelector(`#rooms tr[data-room="${roomToClose}"]`, { state: 'detached' });
    const activity = await page.textContent('#activity');
    say({ step: 'closed', question, activity });
    await page.screenshot({ path: `${shots}/dashboard-after-close.png`, fullPage: true });
    say({ step: 'done', consoleErrors });
  } catch (e) {
    say({ step: 'failed', error: String(e && e.stack || e) });
    process.exitCode = 1;
  } finally {
    await context.close();
  }
})();
