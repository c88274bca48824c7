import { describe, expect, it } from 'vitest';
import { primeClient } from '../../../src/ui/primeClient';
import { statusIn } from '../../fakes/popupStates';
import { fakeMessageClient } from '../../fakes/messageClient';

describe('a page’s first requests sent early', () => {
  it('sends them at once, answers the first identical request with that reply, and later ones afresh', async () => {
    const background = fakeMessageClient().reply('getStatus', statusIn.off());
    const send = primeClient(background.send, [{ type: 'getStatus' }]);
    expect(background.sentOf('getStatus')).toHaveLength(1);

    background.reply('getStatus', statusIn.on());
    const first = await send({ type: 'getStatus' });
    expect(first.ok && first.value.state).toBe('off');
    expect(background.sentOf('getStatus')).toHaveLength(1);

    const second = await send({ type: 'getStatus' });
    expect(second.ok && second.value.state).toBe('on');
    expect(background.sentOf('getStatus')).toHaveLength(2);
  });
});
