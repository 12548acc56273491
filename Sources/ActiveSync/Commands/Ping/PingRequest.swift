import WBXML

/// A Ping request (MS-ASCMD 2.2.1.13): the heartbeat interval and the folders to watch, each
/// optional (the device's cached values fill in what is left out, 3.1.5.8).
struct PingRequest: Sendable, Equatable {
    /// One watched folder (MS-ASCMD 2.2.3.75.1 Folder): its ServerId and its class
    /// (2.2.3.27.3: `Email`, `Calendar`, `Contacts`, `Tasks`, `Notes`, `SMS`).
    struct Folder: Sendable, Equatable, Hashable, Codable {
        var id: String
        var folderClass: String
    }

    /// MS-ASCMD 2.2.3.27.3, the classes a Ping folder may have.
    static let classes: Set<String> = ["Email", "Calendar", "Contacts", "Tasks", "Notes", "SMS"]
    /// Digits in a HeartbeatInterval: more is not an interval any server accepts.
    static let maximumIntervalDigits = 9

    var heartbeatInterval: Int?
    /// In request order, without repeats.
    var folders: [Folder]?

    init(heartbeatInterval: Int? = nil, folders: [Folder]? = nil) {
        self.heartbeatInterval = heartbeatInterval
        self.folders = folders
    }

    /// Parses a `Ping` element; nil when it is not a well-formed one (status 4): another root,
    /// a HeartbeatInterval that is not a whole number, a Folders without Folder, a Folder
    /// without Id or with a Class that is not one of ``classes``.
    init?(_ element: WBXMLElement) {
        guard element.name == "Ping" else { return nil }
        if let interval = element.child("HeartbeatInterval") {
            guard let text = interval.text, (1...Self.maximumIntervalDigits).contains(text.utf8.count),
                text.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let value = Int(text)
            else { return nil }
            heartbeatInterval = value
        }
        if let list = element.child("Folders") {
            let entries = list.children(named: "Folder")
            guard !entries.isEmpty else { return nil }
            var folders: [Folder] = []
            for entry in entries {
                guard let id = entry.childText("Id"), !id.isEmpty, let folderClass = entry.childText("Class"),
                    Self.classes.contains(folderClass)
                else { return nil }
                let folder = Folder(id: id, folderClass: folderClass)
                if !folders.contains(folder) { folders.append(folder) }
            }
            self.folders = folders
        }
    }
}
