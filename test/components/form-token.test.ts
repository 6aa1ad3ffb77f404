import { expect } from '@open-wc/testing';
import { ApiClient } from '../../src/client/api-client.ts';
import { ApiError } from '../../src/client/errors.ts';
import { FormToken } from '../../src/forms/form-token.ts';

/** A client whose `/form-token` fails the first `failures` times (every retry included), then answers t1, t2, … */
function client(failures: number) {
  let n = 0;
  let calls = 0;
  const fetch = async () => {
    calls++;
    if (calls <= failures) throw new TypeError('Failed to fetch');
    return new Response(JSON.stringify({ token: `t${++n}` }), { status: 200, headers: { 'Content-Type': 'application/json' } });
  };
  return new ApiClient({ baseUrl: 'http://backend.invalid/api', fetch, retries: 0 });
}

describe('FormToken', () => {
  it('keeps the value a submission was first sent with while its outcome is unknown, so a resend is the same request', async () => {
    const api = client(1);
    const token = new FormToken();
    expect(await token.forSend(api)).to.equal(undefined); // the token could not be fetched: sent without it
    token.afterSend(new ApiError('offline', 'Failed to fetch')); // no answer: it may have been stored
    expect(await token.forSend(api)).to.equal(undefined);
    token.afterSend(new ApiError('server', 'Bad gateway', 502));
    expect(await token.forSend(api)).to.equal(undefined);
    token.afterSend(new ApiError('conflict', 'Still running', 409));
    expect(await token.forSend(api)).to.equal(undefined);
  });

  it('takes a fresh value once the server has settled the submission (refused it, or stored it)', async () => {
    const api = client(1);
    const token = new FormToken();
    expect(await token.forSend(api)).to.equal(undefined);
    token.afterSend(new ApiError('invalid', 'Too fast', 400)); // refused for good: nothing was stored
    expect(await token.forSend(api)).to.equal('t1');
    token.afterSend(undefined); // stored
    expect(await token.forSend(api)).to.equal('t1');
    token.reset();
    expect(await token.forSend(api)).to.equal('t2');
  });
});
