import { defineConfig } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';

// One free loopback port per run, chosen once: worker processes inherit it through the environment.
if (!process.env.E2E_PORT) {
  process.env.E2E_PORT = execFileSync('python3', ['-c',
    'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])',
  ]).toString().trim();
}
const port = process.env.E2E_PORT;
const root = path.resolve(__dirname, '..');
const db = path.join(os.tmpdir(), `osmand-account-e2e-${port}.sqlite`);
// E2E_DIST lets several builds be tested side by side (default: the release build in dist/).
const dist = path.resolve(root, process.env.E2E_DIST || 'dist');
// The designers' gallery build (scripts/test.sh builds it; gallery specs skip without it).
const gallery = path.resolve(root, process.env.E2E_GALLERY || 'dist-gallery');

export default defineConfig({
  testDir: './tests',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  expect: {
    timeout: 10_000,
    // Screenshot baselines (gallery.spec.ts): small tolerance for anti-aliasing.
    toHaveScreenshot: { maxDiffPixelRatio: 0.01, animations: 'disabled', caret: 'hide' },
  },
  snapshotPathTemplate: '{testDir}/__screenshots__/{arg}{ext}',
  reporter: 'list',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      args: ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    },
  },
  projects: [
    { name: 'desktop', use: { viewport: { width: 1280, height: 800 } } },
  ],
  webServer: {
    command: `${root}/target/debug/devserver --port ${port} --db ${db} --seed demo --dev --dist ${dist} --gallery ${gallery} --bcrypt-cost 4`,
    url: `http://127.0.0.1:${port}/mapapi/auth/info`,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    timeout: 60_000,
  },
});
