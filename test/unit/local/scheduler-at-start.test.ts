import { describe, expect, it } from 'vitest';
import { LocalScheduler } from '../../../infra/local/scheduler';

describe('the local scheduler', () => {
  it('runs a daily job marked alsoAtStart once when it starts, then at its time', async () => {
    const inputs: unknown[] = [];
    let ran!: () => void;
    const done = new Promise<void>((resolve) => {
      ran = resolve;
    });
    const scheduler = new LocalScheduler(
      [
        {
          functionName: 'generate-standing-orders',
          handler: async (input: unknown) => {
            inputs.push(input);
            ran();
            return { created: 0 };
          },
          at: '05:00',
          timeZone: 'Europe/Kyiv',
          input: { job: 'generate-standing-orders' },
          alsoAtStart: true,
        },
      ],
      () => {},
    );
    scheduler.start();
    await done;
    scheduler.stop();
    expect(inputs).toEqual([{ job: 'generate-standing-orders' }]);
    expect(scheduler.describe()).toEqual([expect.stringMatching(/^generate-standing-orders next at /)]);
  });
});
