import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HqHarness } from './support/harness';
import { Relay } from './support/relay';

let hq: HqHarness;
let relay: Relay;

beforeEach(async () => {
  hq = await new HqHarness().start();
  relay = await new Relay(hq.url).start();
});
afterEach(async () => {
  await relay.stop();
  await hq.dispose();
});

// Without a desk token HQ answers 401: what matters is that the relay passes HQ's answer through.
const health = (url: string) => fetch(`${url}/v1/sync/pull`).then((answer) => answer.status);

describe('the relay that stands for one window’s network', () => {
  it('forwards requests to HQ with their answers', async () => {
    expect(await health(relay.url)).toBe(await health(hq.url));
  });

  it('cut, fails requests as a network error, not with an HTTP status', async () => {
    relay.cut();
    await expect(health(relay.url)).rejects.toThrow();
    expect(relay.isCut).toBe(true);
  });

  it('restored, forwards again on the same address', async () => {
    const address = relay.url;
    relay.cut();
    await expect(health(address)).rejects.toThrow();
    relay.restore();
    expect(relay.url).toBe(address);
    expect(await health(address)).toBe(await health(hq.url));
  });

  it('answers 502 while HQ itself is down behind a working network', async () => {
    await hq.stop();
    expect(await health(relay.url)).toBe(502);
  });
});
