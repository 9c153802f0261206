import { describe, expect, it } from 'vitest';
import { connectContactFlowEventSchema } from '../../../events/contracts/connect-contact-flow';
import { contactFlowEvent } from '../../../infra/local/phone-call';
import { playCall } from '../../../scripts/lib/terminal-phone';
import { callAnswerAttributes, handleCall } from '../../../shared/app/handle-call';
import { bookServiceRequest } from '../../../shared/app/service-requests';
import { HROMADA, memoryPorts, seedBasics, taxiRequest } from '../../support/fixtures';
import { bookingOf } from '../../support/inputs';

/** The terminal telephone on memory ports: the local event, the contract and the use case, as the handler runs them. */
async function dial(caller: string | undefined, keys: string[]) {
  const { ports } = memoryPorts();
  const resident = await seedBasics(ports);
  const request = await bookServiceRequest(ports, HROMADA, bookingOf(taxiRequest(resident.id)), 'dispatcher');
  const printed: string[] = [];
  const answers = await playCall(
    {
      step: async (step) => {
        const event = contactFlowEvent({ dialled: '+380931112233', ...step });
        return callAnswerAttributes(await handleCall(ports, connectContactFlowEventSchema.parse(event)));
      },
      key: async () => keys.shift(),
      print: (line) => printed.push(line),
    },
    { contactId: 'local-1', ...(caller ? { caller } : {}) },
  );
  return { ports, request, printed, answers };
}

describe('the terminal telephone (npm run phone)', () => {
  it('plays the menu as text and takes keys from its arguments', async () => {
    const { ports, request, printed } = await dial('380671234567', ['2', '1']);
    expect(printed).toEqual([
      '🔊 Вітаємо! Це служба соціального транспорту громади.',
      expect.stringMatching(/^🔊 Щоб підтвердити найближчу поїздку, натисніть 1/),
      '⌨  2',
      '🔊 Скасувати найближчу поїздку? Так — натисніть 1. Ні, повернутися до меню — 9.',
      '⌨  1',
      '🔊 Поїздку скасовано. До побачення!',
      '☎  [кінець дзвінка]',
    ]);
    expect((await ports.entities.requests.get(HROMADA, request.id))?.status).toBe('cancelled');
  });

  it('hangs up when the keys run out, and puts an unknown caller through', async () => {
    expect((await dial('0671234567', [])).printed.at(-1)).toBe('☎  [абонент поклав слухавку]');
    expect((await dial('+380501112233', [])).printed.at(-1)).toBe("☎  [з'єднання з диспетчером]");
  });
});
