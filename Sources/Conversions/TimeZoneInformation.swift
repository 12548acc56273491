import Foundation

/// The `Calendar:Timezone` value (MS-ASCAL 2.2.2.44): a TIME_ZONE_INFORMATION structure
/// (MS-ASDTYPE 2.7.6), 172 bytes, base64-encoded. Biases are minutes west of UTC (UTC =
/// local + bias); the standard and daylight biases add to `bias` in their periods.
struct TimeZoneInformation: Sendable, Equatable, Hashable {
    static let size = 172
    /// UTF-16 code units of each name, the terminating NUL included.
    static let nameLength = 32

    var bias: Int32 = 0
    var standardName = ""
    var standardDate = SystemTime.none
    var standardBias: Int32 = 0
    var daylightName = ""
    var daylightDate = SystemTime.none
    var daylightBias: Int32 = 0

    /// Whether the zone changes to daylight time and back.
    var hasDaylightTime: Bool { standardDate.isSet && daylightDate.isSet }

    /// The standard UTC offset in seconds east.
    var standardOffset: Int { -Int(bias + standardBias) * 60 }
    /// The daylight UTC offset in seconds east.
    var daylightOffset: Int { -Int(bias + daylightBias) * 60 }

    /// Whether two structures describe the same rules, whatever their names.
    func hasSameRules(as other: TimeZoneInformation) -> Bool {
        guard standardOffset == other.standardOffset, hasDaylightTime == other.hasDaylightTime else { return false }
        guard hasDaylightTime else { return true }
        return daylightOffset == other.daylightOffset && standardDate == other.standardDate
            && daylightDate == other.daylightDate
    }

    /// The 172 bytes, little-endian.
    var bytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(Self.size)
        func int32(_ value: Int32) { withUnsafeBytes(of: value.littleEndian) { out += $0 } }
        func uint16(_ value: UInt16) { withUnsafeBytes(of: value.littleEndian) { out += $0 } }
        func name(_ text: String) {
            let units = Array(text.utf16.prefix(Self.nameLength - 1))
            for unit in units + Array(repeating: 0, count: Self.nameLength - units.count) { uint16(unit) }
        }
        int32(bias)
        name(standardName)
        standardDate.fields.forEach(uint16)
        int32(standardBias)
        name(daylightName)
        daylightDate.fields.forEach(uint16)
        int32(daylightBias)
        return out
    }

    var base64: String { Data(bytes).base64EncodedString() }

    init(
        bias: Int32, standardName: String = "", standardDate: SystemTime = .none, standardBias: Int32 = 0,
        daylightName: String = "", daylightDate: SystemTime = .none, daylightBias: Int32 = 0
    ) {
        self.bias = bias
        self.standardName = standardName
        self.standardDate = standardDate
        self.standardBias = standardBias
        self.daylightName = daylightName
        self.daylightDate = daylightDate
        self.daylightBias = daylightBias
    }

    /// Reads a client's `Timezone` value: base64 of exactly 172 bytes whose biases are within
    /// ±24 hours and whose dates are valid SYSTEMTIMEs.
    init(base64 text: String) throws(ConversionError) {
        let invalid = ConversionError.invalidField(name: "Timezone", value: ClientFields.shown(text))
        let compact = text.filter { !$0.isWhitespace }
        guard compact.utf8.count <= 512, let data = Data(base64Encoded: compact), data.count == Self.size else {
            throw invalid
        }
        let bytes = [UInt8](data)
        func uint16(_ offset: Int) -> UInt16 { UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8 }
        func int32(_ offset: Int) -> Int32 {
            Int32(bitPattern: UInt32(uint16(offset)) | UInt32(uint16(offset + 2)) << 16)
        }
        func name(_ offset: Int) -> String {
            let units = (0..<Self.nameLength).map { uint16(offset + 2 * $0) }.prefix { $0 != 0 }
            return String(decoding: units, as: UTF16.self)
        }
        func systemTime(_ offset: Int) -> SystemTime {
            SystemTime(fields: (0..<8).map { uint16(offset + 2 * $0) })
        }
        bias = int32(0)
        standardName = name(4)
        standardDate = systemTime(68)
        standardBias = int32(84)
        daylightName = name(88)
        daylightDate = systemTime(152)
        daylightBias = int32(168)
        let day: ClosedRange<Int32> = -1440...1440
        guard day.contains(bias), day.contains(standardBias), day.contains(daylightBias), standardDate.isValid,
            daylightDate.isValid
        else { throw invalid }
    }
}
