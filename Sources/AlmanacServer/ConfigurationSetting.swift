import Autodiscover
import Logging

/// One setting of ``ServerConfiguration``: its key in the configuration file
/// (also the `--flag` name), its environment variable, and how a text value
/// is applied.
public struct ConfigurationSetting: Sendable {
    public let key: String
    public let environmentVariable: String
    /// What a valid value looks like, for error messages.
    public let expected: String
    let apply: @Sendable (inout ServerConfiguration, String) -> Bool

    /// Every setting, as data. The README's configuration table lists the same.
    public static let all: [ConfigurationSetting] = [
        .init("host", "ALMANAC_HOST", "an IP address or host name") { config, value in
            guard !value.isEmpty else { return false }
            config.host = value
            return true
        },
        .integer("port", "ALMANAC_PORT", "a port number from 0 to 65535", 0...65535, \.port),
        .init("data-dir", "ALMANAC_DATA_DIR", "a directory path") { config, value in
            guard !value.isEmpty else { return false }
            config.dataDirectory = value
            return true
        },
        .init("tls-certificate", "ALMANAC_TLS_CERTIFICATE", "a PEM file path") { config, value in
            config.tlsCertificate = value.isEmpty ? nil : value
            return true
        },
        .init("tls-key", "ALMANAC_TLS_KEY", "a PEM file path") { config, value in
            config.tlsKey = value.isEmpty ? nil : value
            return true
        },
        .init("public-host", "ALMANAC_PUBLIC_HOST", "a host name") { config, value in
            config.publicHost = value.isEmpty ? nil : value
            return true
        },
        .init("public-base-domain", "ALMANAC_PUBLIC_BASE_DOMAIN", "a domain name such as almanac.example.net") {
            config, value in
            guard !value.isEmpty else {
                config.publicBaseDomain = nil
                return true
            }
            guard let mapping = HostNameMapping(baseDomain: value) else { return false }
            config.publicBaseDomain = mapping.baseDomain
            return true
        },
        .integer(
            "max-open-stores", "ALMANAC_MAX_OPEN_STORES", "a number from 1 to 100000", 1...100_000, \.maxOpenStores),
        .integer(
            "max-body-size", "ALMANAC_MAX_BODY_SIZE", "a byte count from 1024 to 1073741824", 1024...1_073_741_824,
            \.maxBodySize),
        .init(
            "device-idle-days", "ALMANAC_DEVICE_IDLE_DAYS", "a number of days from 1 to 3650, or 0 to keep idle devices"
        ) { config, value in
            guard let days = Int(value), (0...3650).contains(days) else { return false }
            config.deviceIdleDays = days == 0 ? nil : days
            return true
        },
        .integer(
            "heartbeat-min", "ALMANAC_HEARTBEAT_MIN", "a number of seconds from 10 to 3540", 10...3540,
            \.heartbeatMinimum),
        .integer(
            "heartbeat-max", "ALMANAC_HEARTBEAT_MAX", "a number of seconds from 10 to 3540", 10...3540,
            \.heartbeatMaximum),
        .integer(
            "requests-per-device", "ALMANAC_REQUESTS_PER_DEVICE", "a number from 1 to 100", 1...100, \.requestsPerDevice
        ),
        .integer(
            "requests-per-user", "ALMANAC_REQUESTS_PER_USER", "a number from 1 to 10000", 1...10_000, \.requestsPerUser),
        .integer(
            "waiting-per-user", "ALMANAC_WAITING_PER_USER", "a number from 1 to 10000", 1...10_000, \.waitingPerUser),
        .integer("idle-timeout", "ALMANAC_IDLE_TIMEOUT", "a number of seconds from 5 to 3600", 5...3600, \.idleTimeout),
        .init("log-level", "ALMANAC_LOG_LEVEL", "trace, debug, info, notice, warning, error or critical") {
            config, value in
            guard let level = Logger.Level(rawValue: value.lowercased()) else { return false }
            config.logLevel = level
            return true
        },
    ]

    init(
        _ key: String, _ environmentVariable: String, _ expected: String,
        apply: @escaping @Sendable (inout ServerConfiguration, String) -> Bool
    ) {
        self.key = key
        self.environmentVariable = environmentVariable
        self.expected = expected
        self.apply = apply
    }

    /// A whole-number setting: a value in `range` is stored at `property`, anything else is refused.
    static func integer(
        _ key: String, _ environmentVariable: String, _ expected: String, _ range: ClosedRange<Int>,
        _ property: any WritableKeyPath<ServerConfiguration, Int> & Sendable
    ) -> ConfigurationSetting {
        ConfigurationSetting(key, environmentVariable, expected) { config, value in
            guard let number = Int(value), range.contains(number) else { return false }
            config[keyPath: property] = number
            return true
        }
    }

    public static func named(_ key: String) -> ConfigurationSetting? {
        all.first { $0.key == key }
    }
}
