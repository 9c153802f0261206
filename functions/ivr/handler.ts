import { connectContactFlowEventSchema } from '../../events/contracts/connect-contact-flow';
import { portsFromConfig } from '../../shared/adapters/ports-from-config';
import { callAnswerAttributes, handleCall } from '../../shared/app/handle-call';
import { loadConfig } from '../../shared/config/config';
import { maskPhone } from '../../shared/domain/phone';
import { lambdaStack } from '../../shared/observability/lambda-stack';
import { logger } from '../../shared/observability/logger';

const config = loadConfig();
const ports = portsFromConfig(config);

/**
 * The phone line's keypad menu, invoked by the Amazon Connect contact flow once per key: the
 * answer is a flat map of strings (what to play, then take a key, put through or hang up). A
 * fault throws: the flow's error branch puts the caller through to a dispatcher.
 */
export const handler = lambdaStack<unknown, Record<string, string>>().handler(async (event) => {
  const step = connectContactFlowEventSchema.parse(event);
  const answer = await handleCall(ports, step);
  logger.info('call step', {
    contactId: step.contactId,
    caller: step.caller ? maskPhone(step.caller) : 'withheld',
    state: step.state ?? 'start',
    action: answer.action,
    prompt: answer.prompt,
  });
  return callAnswerAttributes(answer, config.IVR_PROMPTS_URI);
});
