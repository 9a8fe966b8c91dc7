import Testing
import HandoutModel

/// Numbers in messages and PDF attributes, written without String(format:).
@Suite struct NumberTextTests {
    @Test func fixedPointRoundsLikePrintf() {
        #expect(0.125.fixed(2) == "0.13")
        #expect(99.96.fixed(1) == "100.0")
        #expect(4.5.fixed(0) == "5")
        #expect((-3.14159).fixed(3) == "-3.142")
        #expect(0.04.fixed(2) == "0.04")
        #expect((-0.001).fixed(2) == "0.00")
        #expect(595.0.fixed(2) == "595.00")
    }

    @Test func hexAndPaddedDigits() {
        #expect(0xAD.hex(4) == "00AD")
        #expect(UInt8(0x0c).hex(2, uppercase: false) == "0c")
        #expect(0x1F600.hex(4) == "1F600")
        #expect(7.padded(2) == "07")
        #expect(2026.padded(4) == "2026")
        #expect(Unicode.Scalar(0x202E)!.codePoint == "U+202E")
    }
}

