import Autodiscover
import Foundation
import Testing

/// A request body as a client sends it.
func request(_ address: String, schema: String, namespace: String = "mobilesync") -> [UInt8] {
    Array(
        """
        <?xml version="1.0" encoding="utf-8"?>
        <Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/\(namespace)/requestschema/2006">
          <Request>
            <EMailAddress>\(address)</EMailAddress>
            <AcceptableResponseSchema>\(schema)</AcceptableResponseSchema>
          </Request>
        </Autodiscover>
        """.utf8)
}
