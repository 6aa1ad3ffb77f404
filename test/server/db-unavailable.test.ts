/** Which errors mean "the database is away" (503 and retry) rather than a bug (500). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DatabaseUnavailableError, isDatabaseUnavailable } from '../../src/server/db/unavailable.ts';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it('recognises a restart, a shutdown, dropped and refused connections, and timeouts', () => {
    for (const err of [
      withCode('terminating connection due to administrator command', '57P01'), // pg_ctl restart -m fast, pg_terminate_backend
      withCode('terminating connection due to crash of another server process', '57P02'),
      withCode('the database system is starting up', '57P03'),
      withCode('sorry, too many clients already', '53300'),
      withCode('canceling statement due to statement timeout', '57014'),
      withCode('connection failure', '08006'),
      withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'), // the server is down
      withCode('read ECONNRESET', 'ECONNRESET'),
      new Error('Connection terminated unexpectedly'),
      new Error('timeout exceeded when trying to connect'),
      new Error('Query read timeout'),
      new Error('Client has encountered a connection error and is not queryable'),
      new DatabaseUnavailableError(),
      new Error('wrapped', { cause: withCode('x', '57P01') }),
    ]) assert.equal(isDatabaseUnavailable(err), true, err.message);
  });

  it('leaves real errors alone', () => {
    for (const err of [
      withCode('duplicate key value violates unique constraint', '23505'),
      withCode('syntax error at or near', '42601'),
      withCode('invalid input syntax for type uuid', '22P02'),
      new TypeError("Cannot read properties of undefined (reading 'id')"),
      'a string',
      undefined,
    ]) assert.equal(isDatabaseUnavailable(err), false, String(err));
  });
});
