import pino from 'pino';
import { afterAll } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/server/app';
import { loadConfig, type Config } from '../../src/server/config';
import type { Database } from '../../src/server/db/connect';
import { createAuth, type Auth } from '../../src/server/features/auth/better-auth';
import type { App } from '../../src/server/http/app-deps';
import { buildJobs } from '../../src/server/job-registry';
import { startJobRunner, type JobRunner } from '../../src/server/jobs/job-runner';
import { startEventBus, type EventBus } from '../../src/server/realtime/event-bus';
import { buildServices, type Services } from '../../src/server/services';
import { createTestDatabase } from './test-database';

export const TEST_ORIGIN = 'http://localhost:3000';

export interface TestApp {
  app: App;
  database: Database;
  auth: Auth;
  bus: EventBus;
  jobs: JobRunner | null;
  services: Services;
  config: Config;
}

/** The real app on a fresh database, closed when the test file ends. */
export interface TestAppOptions {
  jobs?: boolean;
  env?: Record<string, string>;
  webRoot?: string;
  logStream?: NodeJS.WritableStream;
}

export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    APP_URL: TEST_ORIGIN,
    SECRET_KEY: 'test-secret-key-that-is-long-enough-0123456789',
    DATA_DIR: '/tmp/omniplus-test-data',
    LOG_LEVEL: 'silent',
    ...options.env,
  });
  const auth = createAuth({ db: database.db, appUrl: config.appUrl, secret: config.secretKey });
  const bus = await startEventBus(database.url, { warn: () => undefined });
  const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
  // Work outside requests (mail, jobs) logs where the app logs when a test reads the lines, else nowhere.
  const serviceLog = options.logStream ? pino({ level: config.logLevel }, options.logStream) : silent;
  const services = buildServices({ config, database, bus, log: serviceLog });
  // Workers never run in tests: a test runs a job's handler itself with jobs.runNow, when it wants to.
  const jobs = options.jobs
    ? await startJobRunner({ url: database.url, db: database.db, log: silent, jobs: buildJobs(services), work: false })
    : null;
  services.jobs = jobs;
  const app = await buildApp({
    config,
    database,
    auth,
    bus,
    jobs,
    services,
    webRoot: options.webRoot ?? null,
    ...(options.logStream ? { logStream: options.logStream } : {}),
  });
  afterAll(async () => {
    await app.close();
    await jobs?.stop();
    await bus.close();
  });
  return { app, database, auth, bus, jobs, services, config };
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A browser-like client over app.inject: keeps cookies, sends our Origin on writes. */
export class TestClient {
  readonly cookies = new Map<string, string>();

  constructor(
    private readonly app: App,
    readonly ip = '127.0.0.1',
    /** The Origin sent on writes: the app's APP_URL (TEST_ORIGIN unless the test app was given another). */
    readonly origin = TEST_ORIGIN,
  ) {}

  async request(method: Method, url: string, body?: unknown, headers: Record<string, string> = {}) {
    const response = await this.app.inject({
      method,
      url,
      remoteAddress: this.ip,
      headers: {
        ...(method === 'GET' ? {} : { origin: this.origin }),
        ...(this.cookies.size ? { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {}),
        ...headers,
      },
      ...(body === undefined ? {} : { payload: body as object }),
    });
    this.keepCookies(response);
    return response;
  }

  get = (url: string) => this.request('GET', url);
  post = (url: string, body: unknown = {}) => this.request('POST', url, body);

  private keepCookies(response: LightMyRequestResponse): void {
    for (const cookie of response.cookies) {
      if (cookie.maxAge === 0 || cookie.value === '') this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
  }
}

let counter = 0;
export function uniqueEmail(prefix = 'user'): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}@example.com`;
}

export async function signUpUser(
  app: App,
  options: { name?: string; email?: string; password?: string; ip?: string; origin?: string } = {},
) {
  const client = new TestClient(app, options.ip, options.origin);
  const email = options.email ?? uniqueEmail();
  const password = options.password ?? 'correct horse battery';
  const response = await client.post('/api/auth/sign-up', { name: options.name ?? 'Test User', email, password });
  if (response.statusCode !== 201) throw new Error(`sign-up failed: ${response.statusCode} ${response.body}`);
  const id = (response.json() as { user: { id: string } }).user.id;
  return { client, id, email, password };
}

/** A signed-in admin: a user promoted directly in the database, as bootstrap does. */
export async function signUpAdmin(testApp: TestApp) {
  const admin = await signUpUser(testApp.app, { name: 'Admin', origin: testApp.config.appUrl });
  await testApp.database.pool.query(`UPDATE users SET role = 'admin' WHERE id = $1`, [admin.id]);
  return admin;
}
