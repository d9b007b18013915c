/**
 * The reference HQ as a program:
 *   npm run hq -- --port PORT --data DIR --admin-token TOKEN [--enrolment-code CODE]
 *                 [--catalogue FILE] [--calendar FILE] [--greencards FILE]
 * The first line it prints is `HQ listening on http://127.0.0.1:PORT`. Desks enrol with single-use codes
 * the operator issues for them (`POST /operator/enrolment-codes`); `--enrolment-code` adds a demo code that
 * enrols any desk, and the second line says so. The optional files (JSON: an array of items, or one item)
 * are published as version 1 of their kind on a fresh data folder.
 * `npm run hq -- ticket …` takes a queue ticket from a running HQ instead (see ticketCommand.ts).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { startHq, type HqOptions } from './server';
import { takeTicketCommand } from './ticketCommand';

const usage =
  'usage: npm run hq -- --port PORT --data DIR --admin-token TOKEN [--enrolment-code DEMO-CODE] ' +
  '[--catalogue FILE] [--calendar FILE] [--greencards FILE]';

const argsSchema = z.object({
  port: z.coerce.number().pipe(z.int().min(0).max(65_535)),
  data: z.string().min(1),
  'enrolment-code': z.string().min(1).optional(),
  'admin-token': z.string().min(1),
  catalogue: z.string().optional(),
  calendar: z.string().optional(),
  greencards: z.string().optional(),
});

function readItems(path: string | undefined): unknown[] | undefined {
  if (path === undefined) return undefined;
  const content = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  return Array.isArray(content) ? content : [content];
}

async function main(): Promise<void> {
  let args: z.infer<typeof argsSchema>;
  try {
    const { values } = parseArgs({
      options: {
        port: { type: 'string' },
        data: { type: 'string' },
        'enrolment-code': { type: 'string' },
        'admin-token': { type: 'string' },
        catalogue: { type: 'string' },
        calendar: { type: 'string' },
        greencards: { type: 'string' },
      },
      strict: true,
    });
    args = argsSchema.parse(values);
  } catch (error) {
    console.error(error instanceof z.ZodError ? z.prettifyError(error) : String(error));
    console.error(usage);
    process.exit(2);
  }

  const hq = await startHq({
    port: args.port,
    dataDir: args.data,
    demoEnrolmentCode: args['enrolment-code'],
    adminToken: args['admin-token'],
    // Checked by startHq against the protocol's item schemas; a bad file stops it with the issues.
    catalogue: readItems(args.catalogue) as HqOptions['catalogue'],
    calendar: readItems(args.calendar) as HqOptions['calendar'],
    greencards: readItems(args.greencards) as HqOptions['greencards'],
  });
  console.log(`HQ listening on ${hq.url}`);
  if (args['enrolment-code'] !== undefined) {
    console.log(
      '演示登记码已启用：它可注册任何大厅的任何窗口，仅供演示和测试。' +
        ' / Demo enrolment code enabled: it enrols any desk, for demos and tests only.',
    );
  }

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`HQ stopping (${signal})`);
    hq.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

const run = process.argv[2] === 'ticket' ? takeTicketCommand(process.argv.slice(3)).then((code) => process.exit(code)) : main();
run.catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
