-- What Exchange ActiveSync needs from the directory: the devices of each
-- user, each domain's provisioning policy, and each user's out-of-office
-- settings. Dates are GRDB's text form, "YYYY-MM-DD HH:MM:SS.SSS" in UTC,
-- so that they also compare as text.

-- A phone or other EAS client of one user, known by the DeviceId it sends
-- (MS-ASHTTP 2.2.1.1.1.2.3): ASCII letters and digits, stored as sent and
-- unique per user in any case.
CREATE TABLE device (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE,
    device_id TEXT NOT NULL COLLATE NOCASE
        CHECK (length(device_id) BETWEEN 1 AND 64 AND device_id NOT GLOB '*[^A-Za-z0-9]*'),
    device_type TEXT NOT NULL CHECK (length(device_type) BETWEEN 1 AND 64),
    -- The User-Agent header of the latest request that carried one.
    user_agent TEXT CHECK (length(user_agent) <= 1024),
    -- Settings DeviceInformation Set (MS-ASCMD 2.2.3.45), as last sent.
    model TEXT CHECK (length(model) <= 1024),
    imei TEXT CHECK (length(imei) <= 1024),
    friendly_name TEXT CHECK (length(friendly_name) <= 1024),
    os TEXT CHECK (length(os) <= 1024),
    os_language TEXT CHECK (length(os_language) <= 1024),
    phone_number TEXT CHECK (length(phone_number) <= 1024),
    mobile_operator TEXT CHECK (length(mobile_operator) <= 1024),
    information_user_agent TEXT CHECK (length(information_user_agent) <= 1024),
    protocol_version TEXT CHECK (length(protocol_version) BETWEEN 1 AND 16),
    first_seen TEXT NOT NULL,
    last_seen TEXT NOT NULL CHECK (last_seen >= first_seen),
    -- MS-ASPROV PolicyKey: the final key the device acknowledged, and while a
    -- Provision is under way the temporary key handed out in phase 1 with the
    -- final key it turns into. Keys are non-zero unsigned 32-bit numbers.
    policy_key INTEGER CHECK (policy_key BETWEEN 1 AND 4294967295),
    pending_policy_key INTEGER CHECK (pending_policy_key BETWEEN 1 AND 4294967295),
    pending_final_key INTEGER CHECK (pending_final_key BETWEEN 1 AND 4294967295),
    wipe_state TEXT NOT NULL DEFAULT 'none' CHECK (wipe_state IN ('none', 'requested', 'acknowledged')),
    wipe_account_only INTEGER NOT NULL DEFAULT 0 CHECK (wipe_account_only IN (0, 1)),
    wipe_requested_at TEXT,
    wipe_acknowledged_at TEXT,
    blocked INTEGER NOT NULL DEFAULT 0 CHECK (blocked IN (0, 1)),
    UNIQUE (user_id, device_id),
    -- The pending keys come and go together, and differ.
    CHECK ((pending_policy_key IS NULL) = (pending_final_key IS NULL)),
    CHECK (pending_policy_key IS NOT pending_final_key OR pending_policy_key IS NULL),
    -- Each wipe state carries exactly its dates.
    CHECK (
        (wipe_state = 'none' AND wipe_account_only = 0
            AND wipe_requested_at IS NULL AND wipe_acknowledged_at IS NULL)
        OR (wipe_state = 'requested' AND wipe_requested_at IS NOT NULL AND wipe_acknowledged_at IS NULL)
        OR (wipe_state = 'acknowledged' AND wipe_requested_at IS NOT NULL
            AND wipe_acknowledged_at IS NOT NULL AND wipe_acknowledged_at >= wipe_requested_at)
    )
) STRICT;

CREATE INDEX device_last_seen ON device (last_seen);

-- The EAS provisioning policy of a domain (MS-ASPROV 2.2.2.28
-- EASProvisionDoc). A domain without a row uses the built-in default.
-- `required` = 0 is the no-policy mode: devices sync without Provision.
CREATE TABLE domain_policy (
    domain_id INTEGER PRIMARY KEY REFERENCES domain(id) ON DELETE CASCADE,
    required INTEGER NOT NULL CHECK (required IN (0, 1)),
    password_required INTEGER NOT NULL CHECK (password_required IN (0, 1)),
    -- MS-ASPROV MinDevicePasswordLength: 1-16.
    min_password_length INTEGER NOT NULL CHECK (min_password_length BETWEEN 1 AND 16),
    alphanumeric_required INTEGER NOT NULL CHECK (alphanumeric_required IN (0, 1)),
    -- MS-ASPROV 2.2.2.36 MaxInactivityTimeDeviceLock, in seconds; 9999 and
    -- above mean unlimited, NULL means no lock is set.
    max_inactivity_lock_seconds INTEGER CHECK (max_inactivity_lock_seconds BETWEEN 60 AND 9999),
    allow_simple_password INTEGER NOT NULL CHECK (allow_simple_password IN (0, 1)),
    -- MS-ASPROV 2.2.2.32 MaxDevicePasswordFailedAttempts: 4-16, or NULL.
    max_failed_attempts INTEGER CHECK (max_failed_attempts BETWEEN 4 AND 16),
    updated_at TEXT NOT NULL
) STRICT;

-- A user's out-of-office settings (MS-ASCMD 2.2.3.122 Oof): the state
-- (2.2.3.124 OofState), the period of a time-based state, and one message per
-- audience (2.2.3.123 OofMessage: AppliesToInternal, AppliesToExternalKnown,
-- AppliesToExternalUnknown), each NULL until set. A user without a row is
-- not out of office.
CREATE TABLE out_of_office (
    user_id INTEGER PRIMARY KEY REFERENCES user(id) ON DELETE CASCADE,
    state TEXT NOT NULL CHECK (state IN ('disabled', 'global', 'time-based')),
    start_time TEXT,
    end_time TEXT,
    internal_enabled INTEGER CHECK (internal_enabled IN (0, 1)),
    internal_message TEXT CHECK (length(internal_message) <= 65536),
    internal_body_type TEXT CHECK (internal_body_type IN ('text', 'html')),
    external_known_enabled INTEGER CHECK (external_known_enabled IN (0, 1)),
    external_known_message TEXT CHECK (length(external_known_message) <= 65536),
    external_known_body_type TEXT CHECK (external_known_body_type IN ('text', 'html')),
    external_unknown_enabled INTEGER CHECK (external_unknown_enabled IN (0, 1)),
    external_unknown_message TEXT CHECK (length(external_unknown_message) <= 65536),
    external_unknown_body_type TEXT CHECK (external_unknown_body_type IN ('text', 'html')),
    updated_at TEXT NOT NULL,
    -- A period exactly when time-based, and it ends after it starts.
    CHECK (
        (state = 'time-based' AND start_time IS NOT NULL AND end_time IS NOT NULL AND start_time < end_time)
        OR (state <> 'time-based' AND start_time IS NULL AND end_time IS NULL)
    ),
    -- Each audience's message is set whole or not at all.
    CHECK ((internal_enabled IS NULL) = (internal_message IS NULL)
        AND (internal_enabled IS NULL) = (internal_body_type IS NULL)),
    CHECK ((external_known_enabled IS NULL) = (external_known_message IS NULL)
        AND (external_known_enabled IS NULL) = (external_known_body_type IS NULL)),
    CHECK ((external_unknown_enabled IS NULL) = (external_unknown_message IS NULL)
        AND (external_unknown_enabled IS NULL) = (external_unknown_body_type IS NULL))
) STRICT;
