import Testing
import WBXML

/// The compact XML form: namespaces declared where they change, text escaped, opaque as base64.
struct WBXMLElementXMLTests {
    @Test func declaresNamespacesWhereTheyChange() {
        #expect(
            AnnotatedBodies.syncCalendarRequestTree.xml()
                == #"<Sync xmlns="AirSync:"><Collections><Collection><SyncKey>1</SyncKey><CollectionId>1</CollectionId>"#
                + #"<Commands><Add><ClientId>7</ClientId><ApplicationData><Subject xmlns="Calendar:">Hi</Subject>"#
                + #"<StartTime xmlns="Calendar:">20261201T100000Z</StartTime><Body xmlns="AirSyncBase:"><Type>1</Type>"#
                + #"<Data>x</Data></Body><ClientUid xmlns="Calendar:">u1</ClientUid></ApplicationData></Add></Commands>"#
                + #"</Collection></Collections></Sync>"#)
    }

    @Test func escapesTextAndWritesOpaqueAsBase64() {
        let tree = WBXMLElement(
            "ComposeMail", "SendMail",
            children: [
                WBXMLElement("ComposeMail", "ClientId", text: "a<b>&\"c'\r\n\t\u{1}é"),
                WBXMLElement("ComposeMail", "Mime", .opaque([0xFF, 0x00])),
                WBXMLElement("ComposeMail", "SaveInSentItems"),
                WBXMLElement("ComposeMail", "Status", text: ""),
            ])
        #expect(
            tree.xml()
                == #"<SendMail xmlns="ComposeMail:"><ClientId>a&lt;b&gt;&amp;"c'&#xD;"# + "\n\t"
                + #"&#x1;é</ClientId><Mime opaque="base64">/wA=</Mime><SaveInSentItems/><Status></Status></SendMail>"#)
    }
}
