import { expect, waitUntil } from '@open-wc/testing';
import { autoload } from '../../src/core/autoload.ts';

let n = 0;
const tag = () => `kentro-autoload-test-${++n}`;

describe('autoload (all.js)', () => {
  it('loads a widget whose tag is already on the page, once, however many copies there are', async () => {
    const name = tag();
    document.body.insertAdjacentHTML('beforeend', `<${name}></${name}><div><${name}></${name}></div>`);
    let calls = 0;
    autoload({ [name]: async () => { calls++; } });
    await waitUntil(() => calls > 0);
    document.body.append(document.createElement(name));
    await new Promise((r) => setTimeout(r, 20));
    expect(calls).to.equal(1);
  });

  it('loads a widget when its tag is added later, nested or not, and never one that is absent', async () => {
    const [later, nested, absent] = [tag(), tag(), tag()];
    const loaded: string[] = [];
    autoload(Object.fromEntries([later, nested, absent].map((t) => [t, async () => { loaded.push(t); }])));
    await new Promise((r) => setTimeout(r, 20));
    expect(loaded).to.deep.equal([]);
    document.body.append(document.createElement(later));
    const wrapper = document.createElement('section');
    wrapper.innerHTML = `<p><${nested}></${nested}></p>`;
    document.body.append(wrapper);
    await waitUntil(() => loaded.length === 2, `loaded ${loaded.join()}`);
    expect(loaded.sort()).to.deep.equal([later, nested].sort());
  });

  it('tries again at the next sighting when loading failed (a flaky network)', async () => {
    const name = tag();
    let calls = 0;
    const originalError = console.error;
    console.error = () => {};
    try {
      autoload({ [name]: async () => { calls++; if (calls === 1) throw new Error('offline'); } });
      document.body.append(document.createElement(name));
      await waitUntil(() => calls === 1);
      await new Promise((r) => setTimeout(r, 20));
      document.body.append(document.createElement(name));
      await waitUntil(() => calls === 2, `calls ${calls}`);
    } finally {
      console.error = originalError;
    }
  });

  it('skips tags that are already defined', async () => {
    const name = tag();
    customElements.define(name, class extends HTMLElement {});
    document.body.append(document.createElement(name));
    let calls = 0;
    autoload({ [name]: async () => { calls++; } });
    await new Promise((r) => setTimeout(r, 20));
    expect(calls).to.equal(0);
  });
});
