-- The per-user store (<data>/users/<user-id>.sqlite), first version.
--
-- Times are UTC unix seconds: REAL (with fractions) for bookkeeping times
-- (created_at, updated_at, change.at), INTEGER for the indexed item times.
-- Booleans are INTEGER 0/1.

-- One row (id = 1): the identity and counters of the store.
CREATE TABLE store_info (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    -- Random UUID generated at creation. Sync tokens carry it, so a restored
    -- backup (or another user's store) rejects tokens it never issued.
    store_id      TEXT    NOT NULL CHECK (length(store_id) = 36),
    -- Per-user counter, bumped once for every row written to `change`.
    modseq        INTEGER NOT NULL DEFAULT 0 CHECK (modseq >= 0),
    -- Quota usage: the sum of item.size.
    used_bytes    INTEGER NOT NULL DEFAULT 0 CHECK (used_bytes >= 0),
    -- Every change with a modseq above this one is still in the log; a token
    -- naming an older modseq cannot be answered (it was pruned past).
    oldest_modseq INTEGER NOT NULL DEFAULT 0 CHECK (oldest_modseq >= 0 AND oldest_modseq <= modseq),
    created_at    REAL    NOT NULL
);

CREATE TABLE folder (
    -- AUTOINCREMENT: ids are never reused (EAS ServerIds derive from them).
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    parent_id      INTEGER NULL REFERENCES folder(id) ON DELETE CASCADE,
    class          TEXT    NOT NULL CHECK (class IN ('mail', 'calendar', 'contacts', 'tasks', 'notes')),
    role           TEXT    NULL CHECK (role IN ('inbox', 'drafts', 'sent', 'trash', 'junk', 'outbox',
                                                'calendar', 'contacts', 'tasks', 'notes')),
    -- The URL segment / resource name of the collection, never rewritten.
    name           TEXT    NOT NULL CHECK (length(name) > 0 AND length(CAST(name AS BLOB)) <= 255
                                           AND instr(name, '/') = 0 AND name NOT IN ('.', '..')),
    display_name   TEXT    NOT NULL,
    created_modseq INTEGER NOT NULL,
    -- The modseq of the latest change to the folder or to one of its items
    -- (a CTag).
    modseq         INTEGER NOT NULL CHECK (modseq >= created_modseq),
    created_at     REAL    NOT NULL,
    updated_at     REAL    NOT NULL,
    CHECK (parent_id IS NULL OR parent_id <> id)
);

-- One folder per role.
CREATE UNIQUE INDEX folder_role ON folder(role) WHERE role IS NOT NULL;
-- Unique names among siblings; UNIQUE ignores NULLs, so top-level folders
-- (parent_id NULL) are compared under parent 0, an id AUTOINCREMENT never gives.
CREATE UNIQUE INDEX folder_parent_name ON folder(IFNULL(parent_id, 0), name);

CREATE TABLE item (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    folder_id      INTEGER NOT NULL REFERENCES folder(id) ON DELETE CASCADE,
    -- The name a DAV client chose on PUT (or <UID>.ics / <UID>.vcf over EAS),
    -- kept forever.
    resource_name  TEXT    NOT NULL CHECK (length(resource_name) > 0 AND length(CAST(resource_name AS BLOB)) <= 255
                                           AND instr(resource_name, '/') = 0
                                           AND resource_name NOT IN ('.', '..')),
    uid            TEXT    NULL,
    -- Strong ETag value, without quotes.
    etag           TEXT    NOT NULL CHECK (length(etag) > 0),
    content_type   TEXT    NOT NULL,
    -- Canonical text: iCalendar, vCard or an RFC 5322 message.
    body           BLOB    NOT NULL,
    size           INTEGER NOT NULL CHECK (size = length(body)),
    created_modseq INTEGER NOT NULL,
    modseq         INTEGER NOT NULL CHECK (modseq >= created_modseq),
    created_at     REAL    NOT NULL,
    updated_at     REAL    NOT NULL,
    -- Indexed columns, extracted from the body by the caller.
    subject        TEXT    NULL,
    sender         TEXT    NULL,
    -- Bounds of all occurrences; NULL = open-ended.
    start_at       INTEGER NULL,
    end_at         INTEGER NULL,
    is_read        INTEGER NULL CHECK (is_read IN (0, 1)),
    is_flagged     INTEGER NULL CHECK (is_flagged IN (0, 1)),
    received_at    INTEGER NULL
);

CREATE UNIQUE INDEX item_folder_resource_name ON item(folder_id, resource_name);
CREATE INDEX item_uid ON item(uid) WHERE uid IS NOT NULL;
CREATE INDEX item_folder_modseq ON item(folder_id, modseq);
CREATE INDEX item_folder_time_range ON item(folder_id, start_at, end_at);

-- The change log, with tombstones. Each row has its own modseq.
CREATE TABLE change (
    modseq        INTEGER PRIMARY KEY,
    -- No foreign keys: tombstones outlive the rows they name.
    folder_id     INTEGER NOT NULL,
    -- NULL for folder-level changes.
    item_id       INTEGER NULL,
    resource_name TEXT    NULL,
    kind          TEXT    NOT NULL CHECK (kind IN ('created', 'updated', 'deleted',
                                                   'folder-created', 'folder-updated', 'folder-deleted')),
    at            REAL    NOT NULL,
    CHECK ((item_id IS NULL) = (kind LIKE 'folder-%'))
);

CREATE INDEX change_folder_modseq ON change(folder_id, modseq);
CREATE INDEX change_at ON change(at);
