import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * HQ's SQLite schema, oldest first; `user_version` records how many steps a database has had. A step
 * is never edited once shipped: a change is a new step.
 */
const migrations: readonly string[] = [
  `
  CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;

  CREATE TABLE desks (
    desk_id TEXT PRIMARY KEY,
    hall_code TEXT NOT NULL,
    desk_code TEXT NOT NULL,
    last_seq INTEGER NOT NULL DEFAULT 0,
    enrolled_at TEXT NOT NULL,
    UNIQUE (hall_code, desk_code)
  ) STRICT;

  -- Only hashes: a copied database does not hand out desk tokens.
  CREATE TABLE tokens (
    token_hash TEXT PRIMARY KEY,
    desk_id TEXT NOT NULL REFERENCES desks (desk_id),
    issued_at TEXT NOT NULL,
    expired INTEGER NOT NULL DEFAULT 0
  ) STRICT;
  CREATE INDEX tokens_by_desk ON tokens (desk_id);

  -- Every op a desk pushed, as sent, with the result it got (duplicates are answered from here).
  CREATE TABLE ops (
    desk_id TEXT NOT NULL REFERENCES desks (desk_id),
    seq INTEGER NOT NULL,
    op_id TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    type TEXT NOT NULL,
    base_version INTEGER,
    clerk_id TEXT NOT NULL,
    at TEXT NOT NULL,
    business_date TEXT NOT NULL,
    payload TEXT NOT NULL,
    status TEXT NOT NULL,
    server_version INTEGER,
    reason TEXT,
    conflict_fields TEXT,
    received_at TEXT NOT NULL,
    UNIQUE (desk_id, seq)
  ) STRICT;
  CREATE INDEX ops_by_op_id ON ops (op_id);
  CREATE INDEX ops_by_day ON ops (desk_id, business_date);

  -- fields: the desk-owned fields merged; field_stamps: per field, the version that last changed it and who.
  CREATE TABLE cases (
    case_id TEXT PRIMARY KEY,
    hall_code TEXT NOT NULL,
    origin_desk_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    status_code TEXT NOT NULL,
    fields TEXT NOT NULL,
    field_stamps TEXT NOT NULL,
    hq_case_number TEXT UNIQUE,
    decision TEXT,
    licence TEXT,
    updated_at TEXT NOT NULL
  ) STRICT;
  CREATE INDEX cases_by_hall ON cases (hall_code, status_code);

  CREATE TABLE events (
    event_id TEXT PRIMARY KEY,
    entity TEXT NOT NULL,
    case_id TEXT,
    hall_code TEXT NOT NULL,
    desk_id TEXT NOT NULL,
    data TEXT NOT NULL
  ) STRICT;
  CREATE INDEX events_by_case ON events (case_id);

  CREATE TABLE licence_sheets (
    serial TEXT PRIMARY KEY,
    state TEXT NOT NULL,
    hall_code TEXT NOT NULL,
    desk_id TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT;

  -- The latest state of each entity, keyed by HQ's own sequence: an update takes a new seq and drops
  -- the old row, so a pull from any cursor gets every entity changed since, once, as it is now.
  CREATE TABLE changes (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    hall_code TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    op TEXT NOT NULL,
    data TEXT,
    UNIQUE (entity, entity_id)
  );
  CREATE INDEX changes_by_hall ON changes (hall_code, seq);

  CREATE TABLE reference_versions (
    kind TEXT NOT NULL,
    version INTEGER NOT NULL,
    items TEXT NOT NULL,
    published_at TEXT NOT NULL,
    PRIMARY KEY (kind, version)
  ) STRICT;

  CREATE TABLE day_closes (
    desk_id TEXT NOT NULL,
    business_date TEXT NOT NULL,
    status TEXT NOT NULL,
    desk_last_seq INTEGER NOT NULL,
    hq_last_seq INTEGER NOT NULL,
    totals TEXT NOT NULL,
    differences TEXT NOT NULL,
    closed_at TEXT NOT NULL,
    PRIMARY KEY (desk_id, business_date)
  ) STRICT;

  CREATE TABLE hq_case_counters (
    hall_code TEXT NOT NULL,
    year INTEGER NOT NULL,
    last INTEGER NOT NULL,
    PRIMARY KEY (hall_code, year)
  ) STRICT;
  `,
  `
  -- At most one live claim per case; a row past expires_ms is free for any desk.
  CREATE TABLE issuance_claims (
    case_id TEXT PRIMARY KEY,
    claim_id TEXT NOT NULL,
    desk_id TEXT NOT NULL REFERENCES desks (desk_id),
    clerk_name TEXT NOT NULL,
    claimed_at TEXT NOT NULL,
    expires_ms INTEGER NOT NULL
  ) STRICT;

  -- The desk whose handover or used licence sheet of a case reached HQ first: the issuance that stands.
  CREATE TABLE issuances (
    case_id TEXT PRIMARY KEY,
    desk_id TEXT NOT NULL REFERENCES desks (desk_id),
    clerk_name TEXT NOT NULL,
    issued_at TEXT NOT NULL
  ) STRICT;

  -- A later desk's issuance of an issued case, open until that desk's sheets for the case are voided.
  CREATE TABLE issuance_conflicts (
    case_id TEXT NOT NULL,
    desk_id TEXT NOT NULL REFERENCES desks (desk_id),
    at TEXT NOT NULL,
    resolved_at TEXT,
    PRIMARY KEY (case_id, desk_id)
  ) STRICT;
  CREATE INDEX issuance_conflicts_by_desk ON issuance_conflicts (desk_id, resolved_at);

  -- The open conflict the hall's desks see on the case (pull), as JSON, or NULL.
  ALTER TABLE cases ADD COLUMN issuance_conflict TEXT;
  `,
  `
  -- Enrolment codes the operator issued, by hash only: each for one hall and desk, used once, until expires_ms.
  CREATE TABLE enrolment_codes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    code_hash TEXT NOT NULL UNIQUE,
    hall_code TEXT NOT NULL,
    desk_code TEXT NOT NULL,
    issued_at TEXT NOT NULL,
    expires_ms INTEGER NOT NULL,
    used_at TEXT
  ) STRICT;

  -- The newest enrolment code id when the desk last enrolled: only a later code may enrol it again.
  ALTER TABLE desks ADD COLUMN enrolled_after_code INTEGER NOT NULL DEFAULT 0;

  -- A token replaced by a new enrolment (401 revoked), apart from one an operator expired (401 expired).
  ALTER TABLE tokens ADD COLUMN revoked INTEGER NOT NULL DEFAULT 0;

  -- Refused enrolment attempts per hall and desk, kept for the throttle's window only.
  CREATE TABLE enrolment_failures (
    hall_code TEXT NOT NULL,
    desk_code TEXT NOT NULL,
    at_ms INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX enrolment_failures_by_desk ON enrolment_failures (hall_code, desk_code, at_ms);
  `,
  `
  -- Every audit chain head a desk sent with a push or close-day, in the order received (a rewritten log
  -- may send a seq again, with another hash).
  CREATE TABLE audit_heads (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    desk_id TEXT NOT NULL REFERENCES desks (desk_id),
    seq INTEGER NOT NULL,
    hash TEXT NOT NULL,
    received_at TEXT NOT NULL
  ) STRICT;
  CREATE INDEX audit_heads_by_seq ON audit_heads (desk_id, seq);

  -- A desk whose audit log no longer continues what it sent before: what HQ held, and what came.
  CREATE TABLE audit_alerts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    desk_id TEXT NOT NULL REFERENCES desks (desk_id),
    reason TEXT NOT NULL,
    seq INTEGER NOT NULL,
    stored_hash TEXT NOT NULL,
    received_seq INTEGER NOT NULL,
    received_hash TEXT NOT NULL,
    at TEXT NOT NULL
  ) STRICT;
  `,
  `
  -- The hall's queue tickets (叫号). \`queued_ms\` orders a line: the issue time, or the time a ticket was
  -- skipped (back of its line) or transferred (\`transferred_to\`: the window whose calls it leads).
  CREATE TABLE queue_tickets (
    ticket_id TEXT PRIMARY KEY,
    hall_code TEXT NOT NULL,
    line TEXT NOT NULL CHECK (line IN ('A', 'B', 'V')),
    number TEXT NOT NULL,
    business_date TEXT NOT NULL,
    issued_at TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('waiting', 'called', 'done', 'dropped')),
    queued_ms INTEGER NOT NULL,
    skips INTEGER NOT NULL DEFAULT 0,
    transferred_to TEXT,
    desk_id TEXT REFERENCES desks (desk_id),
    desk_code TEXT,
    called_at TEXT,
    done_at TEXT,
    case_id TEXT,
    UNIQUE (hall_code, business_date, number)
  ) STRICT;
  CREATE INDEX queue_tickets_waiting ON queue_tickets (hall_code, state, queued_ms);

  -- Every call and recall, for the hall display.
  CREATE TABLE queue_calls (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    hall_code TEXT NOT NULL,
    number TEXT NOT NULL,
    desk_code TEXT NOT NULL,
    at TEXT NOT NULL
  ) STRICT;
  CREATE INDEX queue_calls_by_hall ON queue_calls (hall_code, id);
  `,
  `
  -- The hall's 督办台账 items (protocol version 10), as the last writer left them; their follow-ups are
  -- events (entity 'ledgerFollowUp', case_id the item's case).
  CREATE TABLE ledger_items (
    item_id TEXT PRIMARY KEY,
    hall_code TEXT NOT NULL,
    case_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    data TEXT NOT NULL
  ) STRICT;
  `,
];

/** Opens (creating if needed) HQ's database in `dataDir`, migrated to the latest step. */
export function openHqDatabase(dataDir: string): Database.Database {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, 'hq.sqlite'));
  db.pragma('journal_mode = WAL');
  // WAL with NORMAL survives a killed process; only a power cut may lose the last commits.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  const applied = db.pragma('user_version', { simple: true }) as number;
  migrations.slice(applied).forEach((step, index) => {
    db.transaction(() => {
      db.exec(step);
      db.pragma(`user_version = ${applied + index + 1}`);
    })();
  });
  return db;
}
