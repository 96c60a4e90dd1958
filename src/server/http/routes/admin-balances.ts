import { Readable } from 'node:stream';
import { z } from 'zod';
import {
  balanceSummary,
  balanceUsersPage,
  balanceUsersQuery,
  ledgerFilters,
  ledgerPage,
  ledgerQuery,
  syncBody,
  syncResponse,
  topUpBody,
} from '../../../contracts/balances';
import { errorBody } from '../../../contracts/errors';
import { ledgerCsv } from '../../features/balances/ledger-csv';
import { iterateLedger, listLedger } from '../../features/balances/list-ledger';
import { listBalanceUsers } from '../../features/balances/list-balance-users';
import { readBalanceSummary } from '../../features/balances/read-balance-summary';
import { syncMainBalance } from '../../features/balances/sync-main-balance';
import { topUpMainBalance } from '../../features/balances/top-up-main-balance';
import type { App, AppDeps } from '../app-deps';
import { actorOf } from '../request-context';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };
const balances = { config: { access: 'admin.balances' as const } };

/** Admin → Billing & Balances: the main balance, its ledger and the users overview (DOMAIN.md "Days"). */
export function adminBalanceRoutes(app: App, { database }: AppDeps): void {
  const { db } = database;

  app.get(
    '/api/admin/balances/summary',
    { ...balances, schema: { tags: ['admin'], response: { 200: balanceSummary, ...errors } } },
    async () => readBalanceSummary(db),
  );

  app.post(
    '/api/admin/balances/topup',
    { ...balances, schema: { tags: ['admin'], body: topUpBody, response: { 200: balanceSummary, ...errors } } },
    async (request) => topUpMainBalance(db, actorOf(request), request.body),
  );

  app.post(
    '/api/admin/balances/sync',
    { ...balances, schema: { tags: ['admin'], body: syncBody, response: { 200: syncResponse, ...errors } } },
    async (request) => syncMainBalance(db, actorOf(request), request.body.noticeId),
  );

  app.get(
    '/api/admin/balances/transactions',
    { ...balances, schema: { tags: ['admin'], querystring: ledgerQuery, response: { 200: ledgerPage, ...errors } } },
    async (request) => listLedger(db, request.query),
  );

  app.get(
    '/api/admin/balances/transactions.csv',
    {
      ...balances,
      schema: {
        tags: ['admin'],
        querystring: ledgerFilters,
        response: { 200: z.any().describe('The filtered ledger as text/csv (UTF-8, CRLF lines), streamed'), ...errors },
      },
    },
    async (request, reply) => {
      const day = new Date().toISOString().slice(0, 10);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="ledger-${day}.csv"`)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(Readable.from(ledgerCsv(iterateLedger(db, request.query))));
    },
  );

  app.get(
    '/api/admin/balances/users',
    { ...balances, schema: { tags: ['admin'], querystring: balanceUsersQuery, response: { 200: balanceUsersPage, ...errors } } },
    async (request) => listBalanceUsers(db, request.query),
  );
}
