/**
 * The version of the wire contract between a desk and HQ. It changes when the contract does, and only
 * then: never with the desk's local database (whose versions are `data/schema.ts`'s). It continues the
 * numbers desks have sent so far, so a minimum an HQ has already set keeps its meaning.
 * 6: case events `offlineIssuanceApproved` and `conflictAcknowledged`, which a version-5 desk cannot read;
 * optional `businessTerm` in licence data, `fieldAuthors` and `issuanceConflict` on cases, `deskCode` on
 * event records. An HQ that has version-6 desks in a hall sets its minimum to 6.
 * 7: case event `deferredMaterialsReceived` (补交 of 容缺 materials, at any window) and the document kind
 * `supplementaryReceipt` it asks for, which a version-6 desk cannot read; the `withdrawn` case event
 * carries the applicant's written request (a scan, or the printed 撤回申请 signed at the counter) by the
 * SHA-256 of its bytes, uploaded as a blob before the event;
 * checklist status `committed` (告知承诺: a signed commitment instead of the material), the
 * `commitmentCheck` op and its pulled record (the 核查 result), document kind `commitmentLetter`;
 * `licenceCopies` on cases (the number of 副本 asked for), `licenceCopy` (副本 n/count) on the document
 * events of 副本 sheets, up to one 正本 and ten 副本 in a handover, and the case event `rejectionHandled`;
 * a person's `idKind` takes every identity document (`hkMacaoPermit`, `taiwanPermit`, `residencePermit`,
 * `foreignPermanentResident` beside `residentId` and `passport`; `travelPermit` and `other` are still read),
 * with an optional `nationality` (ISO 3166 alpha-3) for a passport, and phones abroad in E.164; a
 * handover names the collector's document (`collectorIdKind`, `collectorNationality`, both optional).
 * 8: enrolment codes the operator issues for one hall and desk, used once: enrolment answers 403
 * `code_for_other_desk` for another desk's code, 401 `enrolmentCode` with `codeStatus` (`unknown`, `used`,
 * `expired`, `stale`: issued before the desk's last enrolment) and 429 `too_many_attempts` with `Retry-After`
 * after five refusals of a hall and desk within 15 minutes; a token replaced by a new enrolment answers 401
 * `revoked`. A version-7 desk still enrols with a valid code and pauses on `revoked` as on an unknown token.
 * Also 8: on cases, `legalRepresentative` (the 法定代表人 of a company being founded: a person with any of
 * today's identity documents, a passport with its nationality, the phone optional; null when none) and
 * `shareholders` (the natural-person shareholders: name and identity document each), which desks send on
 * every new case and on corrections; the `intakeCorrected` case event may name the fields
 * `legalRepresentative` and `shareholders`, which a version-7 desk cannot read.
 * Also 8: push and close-day requests carry the desk's audit chain head (`auditHead`) and, once HQ named a seq
 * (`anchorSeq` in its answer), the desk's hash at that seq (`anchor`); HQ answers `auditAlert` when the log
 * no longer continues what the desk sent before (protocol/auditAnchor.ts).
 * 9: the hall's queue (叫号, protocol/queue.ts): desks call the next ticket of their lines (`POST
 * /v1/queue/call`, V tickets first, a ticket transferred to the desk before them), recall, skip (过号),
 * transfer and finish a ticket they called (409 `not_called_here` otherwise, 422 `unknown_desk` for a
 * transfer to a window the hall does not have), and read the hall display's last ten calls.
 * 10: the 督办台账 (domain/ledger/ledgerItem.ts): op `ledgerItem` (upsert, its entityId the item's id made
 * from source, case and subject, so an op's entityId may now be up to 200 characters) and op
 * `ledgerFollowUp` (append, a UUIDv7), pulled by every desk of the hall as `ledgerItem` (the item, its
 * entityId not a UUID) and `ledgerFollowUp` (with `recordedAt`); last writer wins on the owner, due date
 * and status it changed (those differing from its `previous`), the older values kept in `previous`; a
 * create (no `baseVersion`) of an item HQ already holds leaves it as it is, a change carries `baseVersion`
 * (0 before the desk has pulled the item back).
 * Also 10: on cases, `queueService` (the called ticket's id and its `issuedAt`, `calledAt`, `finishedAt`:
 * waiting and service times, no person; null when the ticket was typed), sent on every new case, at 完成
 * and when a correction of `queueTicket` drops it.
 */
export const protocolVersion = 10;

/**
 * A desk states its `protocolVersion` on every request in this header (and as `schemaVersion` in the
 * bodies of push and close-day); HQ answers 426 `desk_too_old` below its minimum. The names on the wire
 * stay as the contract first defined them.
 */
export const schemaVersionHeader = 'X-Desk-Schema-Version';
