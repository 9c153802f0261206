import { describe, expect, it } from 'vitest';
import { parseInboundCommand } from '../../../shared/messaging/inbound-commands';
import { countSegments } from '../../../shared/messaging/segments';
import {
  confirmedReply,
  helpReply,
  nothingToActOnReply,
  optInReply,
  optOutReply,
} from '../../../shared/messaging/templates';

describe('reading replies', () => {
  it.each(['ТАК', 'так', ' Так! ', 'TAK', 'tak', '1', 'Так, дякую'])('%j confirms', (text) => {
    expect(parseInboundCommand(text)).toEqual({ kind: 'confirm' });
  });

  it.each(['НІ', 'ні', 'Ні.', 'NI', 'HI', 'ni', '0', 'нi' /* Latin i */, 'Ні, не поїду'])(
    '%j cancels',
    (text) => {
      expect(parseInboundCommand(text)).toEqual({ kind: 'cancel' });
    },
  );

  it.each(['СТОП', 'stop', 'Stop', 'CTOП' /* mixed Latin */])('%j opts out', (text) => {
    expect(parseInboundCommand(text)).toEqual({ kind: 'stop' });
  });

  it('reads driver codes with or without a space', () => {
    expect(parseInboundCommand('3 OK')).toEqual({ kind: 'driver', stop: 3, outcome: 'done' });
    expect(parseInboundCommand('3ok')).toEqual({ kind: 'driver', stop: 3, outcome: 'done' });
    expect(parseInboundCommand('12 NS')).toEqual({ kind: 'driver', stop: 12, outcome: 'no-show' });
    expect(parseInboundCommand('4 нс')).toEqual({ kind: 'driver', stop: 4, outcome: 'no-show' });
    expect(parseInboundCommand('5?')).toEqual({ kind: 'driver', stop: 5, outcome: 'problem' });
  });

  it('does not guess at anything else', () => {
    for (const text of ['Доброго дня, коли приїде машина?', 'ТАКСІ', 'НІЧОГО', '', '33333 OK']) {
      expect(parseInboundCommand(text), text).toEqual({ kind: 'unknown' });
    }
  });
});

describe('reply texts fit one UCS-2 segment', () => {
  it.each([
    confirmedReply({ day: '24.11', from: '09:45', to: '10:15' }),
    optOutReply(),
    optInReply(),
    nothingToActOnReply(),
    helpReply(),
  ])('%s', (text) => {
    expect(countSegments(text)).toMatchObject({ encoding: 'UCS-2', segments: 1 });
  });
});
