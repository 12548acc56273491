import WBXML

/// Hand-encoded EAS bodies, one comment per token, with the trees they stand for
/// (MS-ASWBXML §2.1.2.1 tokens; WBXML 1.3 §5 structure).
enum AnnotatedBodies {
    static let header: [UInt8] = [
        0x03,  // version: WBXML 1.3
        0x01,  // public identifier: unknown
        0x6A,  // charset: 106 = UTF-8
        0x00,  // string table length: 0
    ]

    /// MS-ASCMD §4.4.1 shape: the first FolderSync request.
    static let folderSyncRequest: [UInt8] =
        header + [
            0x00, 0x07,  // SWITCH_PAGE 7 FolderHierarchy
            0x56,  // FolderSync (0x16) with content
            0x52,  // SyncKey (0x12) with content
            0x03, 0x30, 0x00,  // STR_I "0"
            0x01,  // END SyncKey
            0x01,  // END FolderSync
        ]

    static let folderSyncRequestTree = WBXMLElement(
        "FolderHierarchy", "FolderSync", children: [WBXMLElement("FolderHierarchy", "SyncKey", text: "0")])

    /// A Sync request adding an event: AirSync, then Calendar, AirSyncBase and Calendar again.
    static let syncCalendarRequest: [UInt8] =
        header + [
            0x45,  // Sync (0x05) with content; page 0 AirSync is current at the start
            0x5C,  // Collections (0x1C)
            0x4F,  // Collection (0x0F)
            0x4B, 0x03, 0x31, 0x00, 0x01,  // SyncKey, STR_I "1", END
            0x52, 0x03, 0x31, 0x00, 0x01,  // CollectionId (0x12), STR_I "1", END
            0x56,  // Commands (0x16)
            0x47,  // Add (0x07)
            0x4C, 0x03, 0x37, 0x00, 0x01,  // ClientId (0x0C), STR_I "7", END
            0x5D,  // ApplicationData (0x1D)
            0x00, 0x04,  // SWITCH_PAGE 4 Calendar
            0x66, 0x03, 0x48, 0x69, 0x00, 0x01,  // Subject (0x26), STR_I "Hi", END
            0x67, 0x03,  // StartTime (0x27), STR_I
            0x32, 0x30, 0x32, 0x36, 0x31, 0x32, 0x30, 0x31,  // "20261201"
            0x54, 0x31, 0x30, 0x30, 0x30, 0x30, 0x30, 0x5A,  // "T100000Z"
            0x00, 0x01,  // NUL, END StartTime
            0x00, 0x11,  // SWITCH_PAGE 17 AirSyncBase
            0x4A,  // Body (0x0A)
            0x46, 0x03, 0x31, 0x00, 0x01,  // Type (0x06), STR_I "1", END
            0x4B, 0x03, 0x78, 0x00, 0x01,  // Data (0x0B), STR_I "x", END
            0x01,  // END Body
            0x00, 0x04,  // SWITCH_PAGE 4 Calendar
            0x7C, 0x03, 0x75, 0x31, 0x00, 0x01,  // ClientUid (0x3C, EAS 16.0), STR_I "u1", END
            0x01,  // END ApplicationData
            0x01,  // END Add
            0x01,  // END Commands
            0x01,  // END Collection
            0x01,  // END Collections
            0x01,  // END Sync
        ]

    static let syncCalendarRequestTree = WBXMLElement(
        "AirSync", "Sync",
        children: [
            WBXMLElement(
                "AirSync", "Collections",
                children: [
                    WBXMLElement(
                        "AirSync", "Collection",
                        children: [
                            WBXMLElement("AirSync", "SyncKey", text: "1"),
                            WBXMLElement("AirSync", "CollectionId", text: "1"),
                            WBXMLElement(
                                "AirSync", "Commands",
                                children: [
                                    WBXMLElement(
                                        "AirSync", "Add",
                                        children: [
                                            WBXMLElement("AirSync", "ClientId", text: "7"),
                                            WBXMLElement(
                                                "AirSync", "ApplicationData",
                                                children: [
                                                    WBXMLElement("Calendar", "Subject", text: "Hi"),
                                                    WBXMLElement("Calendar", "StartTime", text: "20261201T100000Z"),
                                                    WBXMLElement(
                                                        "AirSyncBase", "Body",
                                                        children: [
                                                            WBXMLElement("AirSyncBase", "Type", text: "1"),
                                                            WBXMLElement("AirSyncBase", "Data", text: "x"),
                                                        ]),
                                                    WBXMLElement("Calendar", "ClientUid", text: "u1"),
                                                ]),
                                        ])
                                ]),
                        ])
                ])
        ])

    /// MS-ASPROV §4.1.1 shape: the initial Provision request.
    static let provisionRequest: [UInt8] =
        header + [
            0x00, 0x0E,  // SWITCH_PAGE 14 Provision
            0x45,  // Provision (0x05)
            0x46,  // Policies (0x06)
            0x47,  // Policy (0x07)
            0x48, 0x03,  // PolicyType (0x08), STR_I
            0x4D, 0x53, 0x2D, 0x45, 0x41, 0x53, 0x2D,  // "MS-EAS-"
            0x50, 0x72, 0x6F, 0x76, 0x69, 0x73, 0x69, 0x6F, 0x6E, 0x69, 0x6E, 0x67, 0x2D,  // "Provisioning-"
            0x57, 0x42, 0x58, 0x4D, 0x4C,  // "WBXML"
            0x00, 0x01,  // NUL, END PolicyType
            0x01,  // END Policy
            0x01,  // END Policies
            0x01,  // END Provision
        ]

    static let provisionRequestTree = WBXMLElement(
        "Provision", "Provision",
        children: [
            WBXMLElement(
                "Provision", "Policies",
                children: [
                    WBXMLElement(
                        "Provision", "Policy",
                        children: [WBXMLElement("Provision", "PolicyType", text: "MS-EAS-Provisioning-WBXML")])
                ])
        ])

    /// A SendMail with the message as OPAQUE and an empty SaveInSentItems.
    static let sendMail: [UInt8] =
        header + [
            0x00, 0x15,  // SWITCH_PAGE 21 ComposeMail
            0x45,  // SendMail (0x05)
            0x08,  // SaveInSentItems (0x08), no content
            0x50,  // Mime (0x10) with content
            0xC3, 0x05,  // OPAQUE, length 5
            0x68, 0x69, 0x0D, 0x0A, 0x00,  // "hi\r\n\0": opaque data may hold any byte
            0x01,  // END Mime
            0x01,  // END SendMail
        ]

    static let sendMailTree = WBXMLElement(
        "ComposeMail", "SendMail",
        children: [
            WBXMLElement("ComposeMail", "SaveInSentItems"),
            WBXMLElement("ComposeMail", "Mime", .opaque([0x68, 0x69, 0x0D, 0x0A, 0x00])),
        ])

    /// From Microsoft's Open Specifications blog post on decoding a Sync request by hand: the page
    /// switch to AirSyncBase (17) inside Options.
    static let blogSyncRequest: [UInt8] = [
        0x03, 0x01, 0x6A, 0x00,  // header
        0x45, 0x5C, 0x4F,  // Sync, Collections, Collection
        0x4B, 0x03, 0x30, 0x00, 0x01,  // SyncKey "0"
        0x52, 0x03, 0x32, 0x00, 0x01,  // CollectionId "2"
        0x57,  // Options (0x17)
        0x00, 0x11,  // SWITCH_PAGE 17 AirSyncBase
        0x45,  // BodyPreference (0x05)
        0x46, 0x03, 0x31, 0x00, 0x01,  // Type "1"
        0x47, 0x03, 0x33, 0x32, 0x37, 0x36, 0x38, 0x00, 0x01,  // TruncationSize "32768"
        0x01, 0x01, 0x01, 0x01, 0x01,  // END BodyPreference, Options, Collection, Collections, Sync
    ]

    static let all: [(name: String, bytes: [UInt8], tree: WBXMLElement)] = [
        ("FolderSync request", folderSyncRequest, folderSyncRequestTree),
        ("Sync request with Calendar and AirSyncBase", syncCalendarRequest, syncCalendarRequestTree),
        ("Provision request", provisionRequest, provisionRequestTree),
        ("SendMail with OPAQUE", sendMail, sendMailTree),
    ]
}
