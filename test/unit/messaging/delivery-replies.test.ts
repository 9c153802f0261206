import { describe, expect, it } from 'vitest';
import { parseInboundCommand } from '../../../shared/messaging/inbound-commands';

describe("a driver's replies at a delivery's door", () => {
  it.each([
    ['3 КОД 1234', { kind: 'handover-code', stop: 3, code: '1234' }],
    ['3 код 0042', { kind: 'handover-code', stop: 3, code: '0042' }],
    ['12 kod 9876', { kind: 'handover-code', stop: 12, code: '9876' }],
    ['3 Код1234', { kind: 'handover-code', stop: 3, code: '1234' }],
    [' 3  КОД: 1234. ', { kind: 'handover-code', stop: 3, code: '1234' }],
    ['3 НЕМА', { kind: 'welfare', stop: 3, outcome: 'no-answer' }],
    ['3 немає', { kind: 'welfare', stop: 3, outcome: 'no-answer' }],
    ['3 nema', { kind: 'welfare', stop: 3, outcome: 'no-answer' }],
    ['3 погано', { kind: 'welfare', stop: 3, outcome: 'unwell' }],
    ['5 POGANO', { kind: 'welfare', stop: 5, outcome: 'unwell' }],
    ['3 Допомога!', { kind: 'welfare', stop: 3, outcome: 'needs-help' }],
    ['3 dopomoga', { kind: 'welfare', stop: 3, outcome: 'needs-help' }],
  ])('reads %j', (text, command) => {
    expect(parseInboundCommand(text)).toEqual(command);
  });

  it.each([
    ['3 КОД 12', 'a code is 4 digits'],
    ['3 КОД 12345', 'a code is 4 digits'],
    ['КОД 1234', 'a driver reply starts with the stop number'],
    ['НЕМА', 'a driver reply starts with the stop number'],
    ['3 ДОБРЕ', 'not one of the words'],
  ])('does not read %j as a delivery reply (%s)', (text) => {
    expect(parseInboundCommand(text).kind).not.toMatch(/handover-code|welfare/);
  });

  it('leaves the other replies as they were', () => {
    expect(parseInboundCommand('3 OK')).toEqual({ kind: 'driver', stop: 3, outcome: 'done' });
    expect(parseInboundCommand('3 NS')).toEqual({ kind: 'driver', stop: 3, outcome: 'no-show' });
    expect(parseInboundCommand('ТАК')).toEqual({ kind: 'confirm' });
    expect(parseInboundCommand('НІ')).toEqual({ kind: 'cancel' });
  });
});
