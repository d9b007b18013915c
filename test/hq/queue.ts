import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type {
  CalledTicket,
  QueueBoard,
  QueueCallRequest,
  QueueDoneRequest,
  QueueLine,
  QueueTicket,
  QueueTicketState,
  QueueTransferRequest,
  TakeTicketRequest,
} from '../../renderer/src/protocol/queue';
import { chinaDate, chinaIso } from './clock';
import { HttpError } from './http';
import { hqMessages } from './messages';
import type { DeskRecord } from './store';

interface TicketRow {
  ticket_id: string;
  hall_code: string;
  line: QueueLine;
  number: string;
  issued_at: string;
  state: QueueTicketState['state'];
  skips: number;
  desk_id: string | null;
  desk_code: string | null;
  called_at: string | null;
}

const ticketOf = (row: TicketRow): QueueTicket => ({ ticketId: row.ticket_id, number: row.number, line: row.line, issuedAt: row.issued_at });
const stateOf = (row: TicketRow): QueueTicketState => ({ ticketId: row.ticket_id, number: row.number, state: row.state });

/**
 * The hall's ticket queue (叫号) on HQ's database. Every change is one SQLite transaction and the server
 * handles one request at a time, so of two windows calling at the same moment each gets its own ticket.
 */
export class QueueStore {
  private readonly statements;

  constructor(private readonly db: Database.Database) {
    this.statements = {
      countOfDay: db.prepare<[string, string, string], { n: number }>(
        'SELECT COUNT(*) AS n FROM queue_tickets WHERE hall_code = ? AND line = ? AND business_date = ?',
      ),
      insert: db.prepare(
        `INSERT INTO queue_tickets (ticket_id, hall_code, line, number, business_date, issued_at, state, queued_ms)
         VALUES (@ticketId, @hallCode, @line, @number, @businessDate, @issuedAt, 'waiting', @queuedMs)`,
      ),
      transferredTo: db.prepare<[string, string], TicketRow>(
        `SELECT * FROM queue_tickets WHERE hall_code = ? AND state = 'waiting' AND transferred_to = ? ORDER BY queued_ms, rowid LIMIT 1`,
      ),
      nextOfLines: db.prepare<[string, string], TicketRow>(
        `SELECT * FROM queue_tickets WHERE hall_code = ? AND state = 'waiting' AND transferred_to IS NULL
           AND line IN (SELECT value FROM json_each(?))
         ORDER BY line = 'V' DESC, queued_ms, rowid LIMIT 1`,
      ),
      ticket: db.prepare<[string], TicketRow>('SELECT * FROM queue_tickets WHERE ticket_id = ?'),
      lastOfLine: db.prepare<[string, string], { last: number | null }>(
        `SELECT MAX(queued_ms) AS last FROM queue_tickets WHERE hall_code = ? AND line = ? AND state = 'waiting'`,
      ),
      markCalled: db.prepare(
        `UPDATE queue_tickets SET state = 'called', desk_id = @deskId, desk_code = @deskCode, called_at = @at, transferred_to = NULL
         WHERE ticket_id = @ticketId`,
      ),
      requeue: db.prepare(
        `UPDATE queue_tickets SET state = 'waiting', skips = @skips, queued_ms = @queuedMs, transferred_to = @transferredTo,
           desk_id = NULL, desk_code = NULL, called_at = NULL
         WHERE ticket_id = @ticketId`,
      ),
      finish: db.prepare(`UPDATE queue_tickets SET state = @state, done_at = @at, case_id = @caseId WHERE ticket_id = @ticketId`),
      insertCall: db.prepare('INSERT INTO queue_calls (hall_code, number, desk_code, at) VALUES (?, ?, ?, ?)'),
      board: db.prepare<[string], { number: string; desk_code: string; at: string }>(
        'SELECT number, desk_code, at FROM queue_calls WHERE hall_code = ? ORDER BY id DESC LIMIT 10',
      ),
      deskOfHall: db.prepare<[string, string], { desk_id: string }>('SELECT desk_id FROM desks WHERE hall_code = ? AND desk_code = ?'),
    };
  }

  /** The ticket machine: the line's next number of the day. */
  take(request: TakeTicketRequest, now: Date): QueueTicket {
    return this.db.transaction(() => {
      const businessDate = chinaDate(now);
      const { n } = this.statements.countOfDay.get(request.hallCode, request.line, businessDate)!;
      const ticket: QueueTicket = {
        ticketId: randomUUID(),
        number: `${request.line}${String(n + 1).padStart(3, '0')}`,
        line: request.line,
        issuedAt: chinaIso(now),
      };
      this.statements.insert.run({ ...ticket, hallCode: request.hallCode, businessDate, queuedMs: now.getTime() });
      return ticket;
    })();
  }

  /**
   * The next ticket for this window: one transferred to it first, then green-card (V) tickets whatever
   * lines it serves, then the oldest of its lines. Null when nobody waits for it.
   */
  call(desk: DeskRecord, request: QueueCallRequest, now: Date): CalledTicket | null {
    return this.db.transaction(() => {
      const row =
        this.statements.transferredTo.get(desk.hallCode, desk.deskCode) ??
        this.statements.nextOfLines.get(desk.hallCode, JSON.stringify([...new Set<QueueLine>([...request.lines, 'V'])]));
      if (row === undefined) return null;
      const at = chinaIso(now);
      this.statements.markCalled.run({ ticketId: row.ticket_id, deskId: desk.deskId, deskCode: desk.deskCode, at });
      this.statements.insertCall.run(desk.hallCode, row.number, desk.deskCode, at);
      return { ...ticketOf(row), calledAt: at, deskCode: desk.deskCode };
    })();
  }

  /** Calls the ticket again on the board (the applicant did not come up yet). */
  recall(desk: DeskRecord, ticketId: string, now: Date): QueueTicketState {
    return this.db.transaction(() => {
      const row = this.calledHere(desk, ticketId);
      this.statements.insertCall.run(desk.hallCode, row.number, desk.deskCode, chinaIso(now));
      return stateOf(row);
    })();
  }

  /** 过号: back of its line the first time; a second skip drops it. */
  skip(desk: DeskRecord, ticketId: string, now: Date): QueueTicketState {
    return this.db.transaction(() => {
      const row = this.calledHere(desk, ticketId);
      if (row.skips >= 1) {
        this.statements.finish.run({ ticketId, state: 'dropped', at: chinaIso(now), caseId: null });
        return { ...stateOf(row), state: 'dropped' as const };
      }
      // Behind every ticket now waiting in its line, even one issued in the same millisecond.
      const last = this.statements.lastOfLine.get(desk.hallCode, row.line)?.last ?? null;
      this.statements.requeue.run({ ticketId, skips: row.skips + 1, queuedMs: Math.max(now.getTime(), (last ?? 0) + 1), transferredTo: null });
      return { ...stateOf(row), state: 'waiting' as const };
    })();
  }

  /** To the front of another window's calls (the applicant came to the wrong window). */
  transfer(desk: DeskRecord, ticketId: string, request: QueueTransferRequest, now: Date): QueueTicketState {
    return this.db.transaction(() => {
      const row = this.calledHere(desk, ticketId);
      if (this.statements.deskOfHall.get(desk.hallCode, request.deskCode) === undefined) {
        throw new HttpError(422, { error: 'unknown_desk', message: hqMessages.transferTargetUnknown(request.deskCode) });
      }
      this.statements.requeue.run({ ticketId, skips: row.skips, queuedMs: now.getTime(), transferredTo: request.deskCode });
      return { ...stateOf(row), state: 'waiting' as const };
    })();
  }

  /** The encounter ended; `caseId` links the ticket to the case it opened (waiting and service times). */
  done(desk: DeskRecord, ticketId: string, request: QueueDoneRequest, now: Date): QueueTicketState {
    return this.db.transaction(() => {
      const row = this.calledHere(desk, ticketId);
      this.statements.finish.run({ ticketId, state: 'done', at: chinaIso(now), caseId: request.caseId ?? null });
      return { ...stateOf(row), state: 'done' as const };
    })();
  }

  board(desk: DeskRecord): QueueBoard {
    return { calls: this.statements.board.all(desk.hallCode).map((call) => ({ number: call.number, deskCode: call.desk_code, at: call.at })) };
  }

  /** The ticket as this window holds it called, or the contract's refusal: 404 unknown (or another hall's), 409 not called here. */
  private calledHere(desk: DeskRecord, ticketId: string): TicketRow {
    const row = this.statements.ticket.get(ticketId);
    if (row === undefined || row.hall_code !== desk.hallCode) throw new HttpError(404, { error: 'not_found', message: hqMessages.ticketNotFound });
    if (row.state !== 'called' || row.desk_id !== desk.deskId) {
      throw new HttpError(409, { error: 'not_called_here', message: hqMessages.ticketNotYours(row.state === 'called' ? row.desk_code : null) });
    }
    return row;
  }
}
