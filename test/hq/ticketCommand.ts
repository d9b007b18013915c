/**
 * The hall's ticket machine from a terminal, for demos (叫号 without a kiosk):
 *   npm run hq -- ticket --url http://127.0.0.1:PORT --admin-token TOKEN --hall FC --line A
 * prints the ticket's number (`A012`) and when it was issued.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { hallCodeSchema } from '../../renderer/src/domain/cases/caseNumber';
import { queueLineSchema } from '../../renderer/src/protocol/queue';
import { HqOperator } from './operatorClient';

export const ticketUsage = 'usage: npm run hq -- ticket --url http://127.0.0.1:PORT --admin-token TOKEN --hall HALL --line A|B|V';

const argsSchema = z.object({
  url: z.url(),
  'admin-token': z.string().min(1),
  hall: hallCodeSchema,
  line: queueLineSchema,
});

export async function takeTicketCommand(argv: readonly string[]): Promise<number> {
  let args: z.infer<typeof argsSchema>;
  try {
    const { values } = parseArgs({
      args: [...argv],
      options: { url: { type: 'string' }, 'admin-token': { type: 'string' }, hall: { type: 'string' }, line: { type: 'string' } },
      strict: true,
    });
    args = argsSchema.parse(values);
  } catch (error) {
    console.error(error instanceof z.ZodError ? z.prettifyError(error) : String(error));
    console.error(ticketUsage);
    return 2;
  }
  const ticket = await new HqOperator(args.url.replace(/\/$/, ''), args['admin-token']).takeQueueTicket({ hallCode: args.hall, line: args.line });
  console.log(`${ticket.number}  取号时间 ${ticket.issuedAt}`);
  return 0;
}
