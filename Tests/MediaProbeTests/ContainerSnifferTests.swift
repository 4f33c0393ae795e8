import Testing
@testable import MediaProbe

/// The byte-level readers behind `majorBrand`, `compatibleBrands` and the WebM/Matroska split.
@Suite("Container sniffing")
struct ContainerSnifferTests {
    private func box(_ type: String, _ body: [UInt8]) -> [UInt8] {
        let size = UInt32(8 + body.count)
        return withUnsafeBytes(of: size.bigEndian) { Array($0) } + Array(type.utf8) + body
    }

    @Test("ftyp brands keep their spaces and order")
    func fileType() {
        let bytes = box("ftyp", Array("qt  ".utf8) + [0, 0, 2, 0] + Array("qt  mp41".utf8)) + box("moov", [])
        let brands = ContainerSniffer.fileTypeBrands(in: bytes)
        #expect(brands == .init(major: "qt  ", compatible: ["qt  ", "mp41"]))
    }

    @Test("ftyp after a free box is found; none before moov gives nil")
    func fileTypePosition() {
        let later = box("free", [1, 2, 3]) + box("ftyp", Array("mp42".utf8) + [0, 0, 0, 0])
        #expect(ContainerSniffer.fileTypeBrands(in: later) == .init(major: "mp42", compatible: []))
        let none = box("moov", [0, 0]) + box("ftyp", Array("mp42".utf8) + [0, 0, 0, 0])
        #expect(ContainerSniffer.fileTypeBrands(in: none) == nil)
        #expect(ContainerSniffer.fileTypeBrands(in: [0, 0, 0]) == nil)
        // A size smaller than the header is malformed, not an endless loop.
        #expect(ContainerSniffer.fileTypeBrands(in: [0, 0, 0, 4] + Array("free".utf8)) == nil)
    }

    @Test("ftyp with a 64-bit size")
    func largeSize() {
        let body = Array("isom".utf8) + [0, 0, 0, 1] + Array("iso2".utf8)
        let size = UInt64(16 + body.count)
        let bytes = [0, 0, 0, 1] + Array("ftyp".utf8) + withUnsafeBytes(of: size.bigEndian) { Array($0) } + body
        #expect(ContainerSniffer.fileTypeBrands(in: bytes) == .init(major: "isom", compatible: ["iso2"]))
    }

    @Test("EBML doctype")
    func docType() {
        // EBML header: EBMLVersion 1, DocType "webm".
        let header: [UInt8] = [0x1A, 0x45, 0xDF, 0xA3, 0x8B, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84] + Array("webm".utf8)
        #expect(ContainerSniffer.ebmlDocType(in: header) == "webm")
        #expect(ContainerSniffer.ebmlDocType(in: Array("RIFF....AVI ".utf8)) == nil)
        #expect(ContainerSniffer.ebmlDocType(in: [0x1A, 0x45, 0xDF, 0xA3, 0x00]) == nil)
    }

    @Test("ZIP magic")
    func zip() {
        #expect(ContainerSniffer.isZipArchive([0x50, 0x4B, 3, 4, 20]))
        #expect(!ContainerSniffer.isZipArchive(Array("PKG!".utf8)))
    }

    @Test("demuxer names map to families")
    func families() {
        #expect(ContainerFamily(demuxerName: "mov,mp4,m4a,3gp,3g2,mj2") == .isoBaseMedia)
        #expect(ContainerFamily(demuxerName: "matroska,webm") == .matroska)
        #expect(ContainerFamily(demuxerName: "mpegts") == .mpegTS)
        #expect(ContainerFamily(demuxerName: "mpeg") == .mpegPS)
        #expect(ContainerFamily(demuxerName: "png_pipe") == .image)
        #expect(ContainerFamily(demuxerName: "image2") == .image)
        #expect(ContainerFamily(demuxerName: "wav") == .other)
    }
}
