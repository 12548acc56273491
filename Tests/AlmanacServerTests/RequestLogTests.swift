import Testing

@testable import AlmanacServer

struct RequestLogTests {
    @Test func durationsAreMillisecondsWithOneDecimalRounded() {
        #expect(RequestLog.milliseconds(.zero) == "0.0")
        #expect(RequestLog.milliseconds(.microseconds(49)) == "0.0")
        #expect(RequestLog.milliseconds(.microseconds(50)) == "0.1")
        #expect(RequestLog.milliseconds(.microseconds(12_345)) == "12.3")
        #expect(RequestLog.milliseconds(.microseconds(12_350)) == "12.4")
        #expect(RequestLog.milliseconds(.milliseconds(1_999_960)) == "1999960.0")
        #expect(RequestLog.milliseconds(.seconds(3) + .microseconds(99_960)) == "3100.0")
    }
}
