import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';

/** QUALITY P5: gzip bytes of every script the sign-in page loads on first visit. */
export async function signInScriptWeight(baseUrl: string, executablePath: string) {
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  try {
    const page = await browser.newPage();
    const scripts: { url: string; gzipBytes: number }[] = [];
    page.on('response', async (response) => {
      if (response.request().resourceType() !== 'script') return;
      const body = await response.body().catch(() => Buffer.alloc(0));
      scripts.push({ url: new URL(response.url()).pathname, gzipBytes: gzipSync(body, { level: 9 }).length });
    });
    await page.goto(`${baseUrl}/sign-in`, { waitUntil: 'networkidle' });
    return { scripts, totalGzipBytes: scripts.reduce((sum, s) => sum + s.gzipBytes, 0) };
  } finally {
    await browser.close();
  }
}
