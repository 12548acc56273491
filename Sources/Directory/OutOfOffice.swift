import Foundation

/// A user's out-of-office settings, as the Settings command's Oof reads and
/// writes them (MS-ASCMD 2.2.3.122 Oof).
public struct OutOfOffice: Sendable, Equatable {
    /// OofState (MS-ASCMD 2.2.3.124); the raw values are what the directory
    /// stores.
    public enum State: String, Sendable, Equatable, CaseIterable {
        /// 0: not out of office.
        case disabled
        /// 1: out of office until turned off.
        case global
        /// 2: out of office from `start` to `end`.
        case timeBased = "time-based"
    }

    /// BodyType of an OofMessage: the format of the reply.
    public enum BodyType: String, Sendable, Equatable, CaseIterable {
        case text
        case html
    }

    /// The reply for one audience (MS-ASCMD 2.2.3.123 OofMessage).
    public struct Message: Sendable, Equatable {
        /// The longest reply kept, in bytes of UTF-8.
        public static let maximumLength = 65_536

        /// Enabled: whether this audience gets the reply.
        public var enabled: Bool
        /// ReplyMessage.
        public var text: String
        /// BodyType.
        public var bodyType: BodyType

        public init(enabled: Bool, text: String, bodyType: BodyType) {
            self.enabled = enabled
            self.text = text
            self.bodyType = bodyType
        }
    }

    public var state: State
    /// StartTime: the start of a time-based period, else nil.
    public var start: Date?
    /// EndTime: the end of a time-based period, after `start`, else nil.
    public var end: Date?
    /// AppliesToInternal: people of the user's organization.
    public var `internal`: Message?
    /// AppliesToExternalKnown: outsiders in the user's contacts.
    public var externalKnown: Message?
    /// AppliesToExternalUnknown: every other outsider.
    public var externalUnknown: Message?

    public init(
        state: State, start: Date? = nil, end: Date? = nil, internal: Message? = nil, externalKnown: Message? = nil,
        externalUnknown: Message? = nil
    ) {
        self.state = state
        self.start = start
        self.end = end
        self.internal = `internal`
        self.externalKnown = externalKnown
        self.externalUnknown = externalUnknown
    }

    /// Not out of office, no messages: a user who never set anything.
    public static let disabled = OutOfOffice(state: .disabled)

    /// Checks the settings and returns them as the directory keeps them.
    ///
    /// A time-based state needs a start at least a second before its end.
    /// Other states keep no period: a start or end sent with them is
    /// dropped, as MS-ASCMD 2.2.3.124 has the server do. Each message is at
    /// most `Message.maximumLength` bytes.
    public func validated() throws(DirectoryError) -> OutOfOffice {
        var value = self
        switch state {
        case .timeBased:
            guard let start, let end else {
                throw .invalidOutOfOffice("a time-based out-of-office needs a start and an end time")
            }
            // Dates are kept to the millisecond; a second apart keeps the order.
            guard end.timeIntervalSince(start) >= 1 else {
                throw .invalidOutOfOffice(
                    "the end time \(end.formatted(.iso8601)) is not at least a second after the start time "
                        + start.formatted(.iso8601))
            }
        case .disabled, .global:
            value.start = nil
            value.end = nil
        }
        for (audience, message) in [
            ("internal", `internal`), ("external known", externalKnown),
            ("external unknown", externalUnknown),
        ] {
            if let message, message.text.utf8.count > Message.maximumLength {
                throw .invalidOutOfOffice(
                    "the \(audience) message has \(message.text.utf8.count) bytes, more than \(Message.maximumLength)")
            }
        }
        return value
    }
}
