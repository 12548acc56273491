-- Properties of folders that one protocol sets and the others keep: WebDAV
-- dead properties (RFC 4918 §4.2) and the settable CalDAV/CardDAV ones
-- (calendar-description, calendar-color, calendar-timezone,
-- supported-calendar-component-set, …), each kept as the self-contained XML
-- fragment the client sent, so it is returned exactly as it was set.
CREATE TABLE folder_property (
    folder_id INTEGER NOT NULL REFERENCES folder(id) ON DELETE CASCADE,
    -- Clark notation: {namespace}local-name.
    name      TEXT    NOT NULL CHECK (length(name) > 2 AND substr(name, 1, 1) = '{'),
    value     TEXT    NOT NULL,
    PRIMARY KEY (folder_id, name)
) WITHOUT ROWID;
