-- Exchange ActiveSync client Adds (MS-ASCMD 2.2.3.7.2): which item a device's
-- Add with this ClientId and content fingerprint created in a folder, written
-- in the transaction of the item itself. A resent Add (the response or the
-- sync state save was lost) then finds the item instead of creating a second
-- one. Pruned per device and folder by age and count; an item's rows go with
-- it; a moved item keeps its id and its rows.
CREATE TABLE client_add (
    -- The EAS DeviceId, lower-cased.
    device_id   TEXT    NOT NULL CHECK (length(device_id) BETWEEN 1 AND 128 AND device_id = lower(device_id)),
    -- The folder the Add was sent to (its CollectionId).
    folder_id   INTEGER NOT NULL,
    client_id   TEXT    NOT NULL CHECK (length(client_id) BETWEEN 1 AND 256),
    -- The UInt64 fingerprint of the Add's ApplicationData, as its Int64 bit pattern.
    fingerprint INTEGER NOT NULL,
    item_id     INTEGER NOT NULL REFERENCES item(id) ON DELETE CASCADE,
    created_at  REAL    NOT NULL,
    PRIMARY KEY (device_id, folder_id, client_id, fingerprint)
) WITHOUT ROWID;

-- The foreign key's cascade on item deletion.
CREATE INDEX client_add_item ON client_add (item_id);
