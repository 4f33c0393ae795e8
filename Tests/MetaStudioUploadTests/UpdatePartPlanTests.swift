import MetaStudio
import Preflight
import MetaStudioUpload
import Testing

@Suite("Update: part planning")
struct UpdatePartPlanTests {
    @Test("parts are contiguous, cover the file, and only the last is short")
    func contiguous() throws {
        let plan = try PartPlan(fileSize: 1_000_000, partSize: 300_000)
        #expect(plan.count == 4)
        #expect(plan.parts.map(\.number) == [1, 2, 3, 4])
        #expect(plan.parts.map(\.offset) == [0, 300_000, 600_000, 900_000])
        #expect(plan.parts.map(\.length) == [300_000, 300_000, 300_000, 100_000])
    }

    @Test("a file of exactly n part sizes has n full parts")
    func exactMultiple() throws {
        let plan = try PartPlan(fileSize: 4 * 102_400, partSize: 102_400)
        #expect(plan.count == 4)
        #expect(plan.parts.allSatisfy { $0.length == 102_400 })
    }

    @Test("small and empty files are one part")
    func smallFiles() throws {
        #expect(try PartPlan(fileSize: 10).parts == [FilePart(number: 1, offset: 0, length: 10)])
        #expect(try PartPlan(fileSize: 0).parts == [FilePart(number: 1, offset: 0, length: 0)])
    }

    @Test("the default part size is 16 MiB and grows to keep within 1000 parts")
    func defaultSize() throws {
        #expect(PartPlan.defaultPartSize(forFileSize: 2 << 30) == 16 << 20)
        let huge: Int64 = 40 << 30
        let size = PartPlan.defaultPartSize(forFileSize: huge)
        #expect(size > 16 << 20)
        #expect(size % (1 << 20) == 0)
        #expect(try PartPlan(fileSize: huge).count <= 1000)
        #expect(try PartPlan(fileSize: 2 << 30).count == 128)
    }

    @Test("part sizes outside 100 KiB–5 GiB are refused")
    func outOfRange() {
        #expect(throws: PartPlanError.self) { try PartPlan(fileSize: 1_000_000, partSize: 100 * 1024 - 1) }
        #expect(throws: PartPlanError.self) { try PartPlan(fileSize: 1_000_000, partSize: (5 << 30) + 1) }
        #expect(throws: Never.self) { try PartPlan(fileSize: 1_000_000, partSize: 100 * 1024) }
    }

    @Test("more than 1000 parts is refused with advice")
    func tooManyParts() {
        do {
            _ = try PartPlan(fileSize: 1001 * 102_400, partSize: 102_400)
            Issue.record("expected an error")
        } catch let error as PartPlanError {
            #expect(error.description.contains("1001 parts"))
            #expect(error.description.contains("larger part size"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test("byte counts parse with binary units", arguments: [
        ("123", Int64(123)), ("100KiB", 102_400), ("100k", 102_400), ("16MiB", 16 << 20), ("16m", 16 << 20),
        ("1GiB", 1 << 30), ("2g", 2 << 30),
    ])
    func parse(text: String, bytes: Int64) {
        #expect(ByteCountText.parse(text) == bytes)
    }

    @Test("malformed byte counts are nil", arguments: ["", "MiB", "12 parsecs", "-5", "99999999999999999999G"])
    func parseBad(text: String) {
        #expect(ByteCountText.parse(text) == nil)
    }
}
