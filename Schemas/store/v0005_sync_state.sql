-- Exchange ActiveSync sync state (MS-ASCMD FolderSync and Sync SyncKeys): per
-- device and collection ('hierarchy' for the folder list, a folder id for a
-- folder's items), the state the current SyncKey names and the one before it,
-- so a client that lost a response and resends the previous key gets the same
-- answer again. The state is opaque to the store (encoded by ActiveSync).
CREATE TABLE sync_state (
    -- The EAS DeviceId, lower-cased.
    device_id      TEXT    NOT NULL CHECK (length(device_id) BETWEEN 1 AND 128 AND device_id = lower(device_id)),
    collection     TEXT    NOT NULL CHECK (length(collection) BETWEEN 1 AND 64),
    sync_key       INTEGER NOT NULL CHECK (sync_key > 0),
    state          BLOB    NOT NULL,
    previous_key   INTEGER NULL CHECK (previous_key IS NULL OR previous_key < sync_key),
    previous_state BLOB    NULL CHECK ((previous_key IS NULL) = (previous_state IS NULL)),
    updated_at     REAL    NOT NULL,
    PRIMARY KEY (device_id, collection)
) WITHOUT ROWID;
