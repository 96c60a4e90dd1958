import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type ProxyOptions } from 'vite';

const apiTarget = 'http://localhost:3000';

// The API refuses state-changing requests whose Origin is not its own (QUALITY C1). In development the
// browser talks to Vite on :5173, so the proxy presents the request as coming from the API's origin.
// Responses are streamed untouched, which keeps Server-Sent Events (/api/events) flowing.
const apiProxy: ProxyOptions = {
  target: apiTarget,
  changeOrigin: true,
  configure: (proxy) => {
    proxy.on('proxyReq', (proxyReq) => {
      if (proxyReq.getHeader('origin')) proxyReq.setHeader('origin', apiTarget);
    });
  },
};

export default defineConfig({
  root: fileURLToPath(new URL('./src/web', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
  },
  server: { port: 5173, strictPort: true, proxy: { '/api': apiProxy } },
  preview: { port: 4173, proxy: { '/api': apiProxy } },
});
