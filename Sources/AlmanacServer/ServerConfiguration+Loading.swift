import Foundation

extension ServerConfiguration {
    /// The environment variable naming a configuration file.
    public static let configFileVariable = "ALMANAC_CONFIG"

    /// Merges the sources in order of precedence: `flags` (setting key → value)
    /// win over `environment`, which wins over the configuration file, which
    /// wins over the defaults.
    ///
    /// The file is `configFile`, else `$ALMANAC_CONFIG`, else
    /// `<data-dir>/almanac.conf` when it exists.
    public static func load(
        configFile: String? = nil, environment: [String: String], flags: [String: String]
    ) throws(ConfigurationError) -> ServerConfiguration {
        var configuration = ServerConfiguration()
        let explicitFile = configFile ?? environment[configFileVariable]
        let dataDirectory =
            flags["data-dir"] ?? environment["ALMANAC_DATA_DIR"] ?? configuration.dataDirectory
        let defaultFile = DataDirectory(path: dataDirectory).configurationFile.path
        if let path = explicitFile {
            try configuration.apply(ConfigurationFile(path: path))
        } else if FileManager.default.fileExists(atPath: defaultFile) {
            try configuration.apply(ConfigurationFile(path: defaultFile))
        }
        for setting in ConfigurationSetting.all {
            if let value = environment[setting.environmentVariable] {
                try configuration.apply(setting, value: value, source: setting.environmentVariable)
            }
        }
        for (key, value) in flags.sorted(by: { $0.key < $1.key }) {
            guard let setting = ConfigurationSetting.named(key) else {
                throw .unknownKey(source: "--\(key)", key: key)
            }
            try configuration.apply(setting, value: value, source: "--\(key)")
        }
        try configuration.validate()
        return configuration
    }

    mutating func apply(_ file: ConfigurationFile) throws(ConfigurationError) {
        for entry in file.entries {
            let source = "\(file.path):\(entry.line)"
            guard let setting = ConfigurationSetting.named(entry.key) else {
                throw .unknownKey(source: source, key: entry.key)
            }
            try apply(setting, value: entry.value, source: source)
        }
    }

    mutating func apply(_ setting: ConfigurationSetting, value: String, source: String) throws(ConfigurationError) {
        guard setting.apply(&self, value) else {
            throw .invalidValue(source: source, key: setting.key, value: value, expected: setting.expected)
        }
    }

    /// Checks what no single setting can: TLS needs both halves; the heartbeat minimum is not
    /// above the maximum.
    public func validate() throws(ConfigurationError) {
        switch (tlsCertificate, tlsKey) {
        case (.some, nil): throw .incompleteTLS(missing: "tls-key")
        case (nil, .some): throw .incompleteTLS(missing: "tls-certificate")
        default: break
        }
        if heartbeatMinimum > heartbeatMaximum {
            throw .invalidValue(
                source: "heartbeat-min", key: "heartbeat-min", value: String(heartbeatMinimum),
                expected: "at most heartbeat-max (\(heartbeatMaximum))")
        }
    }
}
