-- The directory (<data>/directory.sqlite): mail domains, users and their
-- credentials. Released migrations are never edited; devices and later
-- additions come as new files.
--
-- Names are stored lower-cased and compared case-insensitively. Dates are
-- GRDB's text form, "YYYY-MM-DD HH:MM:SS.SSS" in UTC.

CREATE TABLE domain (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE
        CHECK (length(name) BETWEEN 3 AND 253 AND name = lower(name) COLLATE BINARY AND instr(name, '.') > 1),
    created_at TEXT NOT NULL
) STRICT;

-- AUTOINCREMENT: a user id is never reused, because the user's store is the
-- file <data>/users/<id>.sqlite and a new user must never inherit it.
CREATE TABLE user (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    domain_id INTEGER NOT NULL REFERENCES domain(id) ON DELETE RESTRICT,
    local_part TEXT NOT NULL
        CHECK (length(local_part) BETWEEN 1 AND 64 AND local_part = lower(local_part) COLLATE BINARY),
    address TEXT NOT NULL UNIQUE COLLATE NOCASE
        CHECK (address = lower(address) COLLATE BINARY),
    display_name TEXT NOT NULL CHECK (length(display_name) <= 256),
    plan TEXT NOT NULL CHECK (plan IN ('basic', 'enhanced')),
    quota_bytes INTEGER NOT NULL CHECK (quota_bytes > 0),
    created_at TEXT NOT NULL,
    UNIQUE (domain_id, local_part)
) STRICT;

-- The address is the local part at the domain's name, always.
CREATE TRIGGER user_address_insert BEFORE INSERT ON user
WHEN NEW.address IS NOT NEW.local_part || '@' || (SELECT name FROM domain WHERE id = NEW.domain_id)
BEGIN
    SELECT RAISE(ABORT, 'user.address must be local_part@domain.name');
END;

CREATE TRIGGER user_address_update BEFORE UPDATE OF address, local_part, domain_id ON user
WHEN NEW.address IS NOT NEW.local_part || '@' || (SELECT name FROM domain WHERE id = NEW.domain_id)
BEGIN
    SELECT RAISE(ABORT, 'user.address must be local_part@domain.name');
END;

-- One credential per user. `hash` is self-describing
-- ("$scrypt$ln=15,r=8,p=1$<salt>$<key>"), never a plain password. `version`
-- grows on every change: cached verifications carry it and are honoured only
-- while it is unchanged, also across processes.
CREATE TABLE credential (
    user_id INTEGER PRIMARY KEY REFERENCES user(id) ON DELETE CASCADE,
    hash TEXT NOT NULL CHECK (hash LIKE '$%$%$%'),
    version INTEGER NOT NULL CHECK (version >= 1),
    updated_at TEXT NOT NULL
) STRICT;

CREATE TRIGGER credential_version_grows BEFORE UPDATE ON credential
WHEN NEW.version <= OLD.version
BEGIN
    SELECT RAISE(ABORT, 'credential.version must grow on every change');
END;
