import { strict as assert } from 'node:assert';
import { sendInSlices, type OutboundMessage } from '../../src/platform/event-bus.js';

describe('sendInSlices', () => {
  const messages = (n: number): OutboundMessage[] => Array.from({ length: n }, (_, i) => ({ key: 'k', value: String(i) }));

  function recordingBus(fail?: (call: number) => boolean) {
    const sends: string[][] = [];
    return {
      sends,
      bus: {
        send: async (_topic: string, batch: OutboundMessage[]) => {
          if (fail?.(sends.length + 1)) throw new Error('broker unavailable');
          await new Promise((resolve) => setImmediate(resolve));
          sends.push(batch.map((m) => String(m.value)));
        },
      },
    };
  }

  it('when there are more messages than a slice, then they go in order, a full slice per send and the rest last', async () => {
    const { bus, sends } = recordingBus();
    await sendInSlices(bus, 't', messages(250), 100);
    assert.deepEqual(sends.map((s) => s.length), [100, 100, 50]);
    assert.deepEqual(sends.flat(), messages(250).map((m) => m.value));
  });

  it('when a send fails, then the slices after it are not sent and the failure reaches the caller', async () => {
    const { bus, sends } = recordingBus((call) => call === 2);
    await assert.rejects(sendInSlices(bus, 't', messages(30), 10), /broker unavailable/);
    assert.deepEqual(sends.map((s) => s.length), [10]);
  });

  it('when there is nothing to send, then nothing is sent; a slice size below 1 is refused', async () => {
    const { bus, sends } = recordingBus();
    await sendInSlices(bus, 't', [], 100);
    assert.equal(sends.length, 0);
    await assert.rejects(sendInSlices(bus, 't', messages(3), 0), /sliceSize must be a whole number of at least 1, got 0/);
  });
});
