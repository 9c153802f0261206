import { describe, expect, it } from 'vitest';
import { parseCaseReply } from '../../../shared/messaging/case-replies';
import { parseInboundCommand } from '../../../shared/messaging/inbound-commands';

describe('mobile-case replies by SMS', () => {
  it('ЗАПИС books the first free slot, in any case and with Latin letters', () => {
    for (const text of ['ЗАПИС', 'запис', ' Запис! ', 'zapys', 'ZAPIS'])
      expect(parseCaseReply(text)).toEqual({ kind: 'book' });
  });

  it('ЗАПИС with a time names the slot, however the time is typed', () => {
    for (const text of ['ЗАПИС 10:40', 'запис 10.40', 'Запис 1040', 'запис10:40', 'ZAPYS 10 40'])
      expect(parseCaseReply(text)).toEqual({ kind: 'book', time: '10:40' });
    expect(parseCaseReply('запис 9:20')).toEqual({ kind: 'book', time: '09:20' });
  });

  it('ВІДМОВА gives the slot back', () => {
    expect(parseCaseReply('відмова')).toEqual({ kind: 'cancel' });
    expect(parseCaseReply('VIDMOVA')).toEqual({ kind: 'cancel' });
  });

  it('is not a case reply when the time is nonsense or the word is another', () => {
    expect(parseCaseReply('ЗАПИС 25:00')).toBeUndefined();
    expect(parseCaseReply('ЗАПИС завтра')).toBeUndefined();
    expect(parseCaseReply('ВІДМОВА 10:40')).toBeUndefined();
    expect(parseCaseReply('записатися можна?')).toBeUndefined();
  });

  it('leaves the ride words alone: ТАК, НІ, СТОП and driver reports are not case replies', () => {
    for (const text of ['ТАК', 'НІ', 'ні', '0', '1', 'СТОП', 'СТАРТ', '3 OK', '2 NS'])
      expect(parseCaseReply(text)).toBeUndefined();
    // and the ride parser does not read the case words as ТАК / НІ
    expect(parseInboundCommand('ЗАПИС').kind).toBe('unknown');
    expect(parseInboundCommand('ВІДМОВА').kind).toBe('unknown');
  });
});
