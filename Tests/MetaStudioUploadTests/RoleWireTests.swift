import Foundation
import MetaStudio
import MetaStudioUpload
import Preflight
import Testing

@Suite("The role → wire table")
struct RoleWireTests {
    @Test("each role's upload-URL field is the field of the Update response its URLs are read from", arguments: Role.allCases)
    func urlFieldMatchesTheResponse(_ role: Role) throws {
        let wire = role.wire
        let value: Any = wire.multipart == nil ? "https://u/\(wire.name)" : ["https://u/\(wire.name)/1", "https://u/\(wire.name)/2"]
        let json = try JSONSerialization.data(withJSONObject: [wire.uploadURLField: value])
        let urls = try JSONDecoder().decode(TrainingJobUploadURLs.self, from: json)
        let expected = wire.multipart == nil ? ["https://u/\(wire.name)"] : ["https://u/\(wire.name)/1", "https://u/\(wire.name)/2"]
        #expect(wire.urls(urls) == expected)
        // No other role reads that field.
        for other in Role.allCases where other != role { #expect(other.wire.urls(urls).isEmpty, "\(other) reads \(wire.uploadURLField)") }
    }

    @Test("a video role's part count lands in its own request field, and its commands are the documented ones")
    func multipartFields() throws {
        for (role, field, confirm, list) in [
            (Role.trainingVideo, "video_multipart_count", "CONFIRM_MULTIPART_UPLOADED", "GET_MULTIPART_UPLOADED"),
            (Role.actionVideo, "action_video_multipart_count", "CONFIRM_ACTION_VIDEO_MULTIPART_UPLOADED", "GET_ACTION_VIDEO_MULTIPART_UPLOADED"),
        ] {
            let multipart = try #require(role.wire.multipart)
            #expect(multipart.countField == field)
            var request = UpdateTrainingJobRequest()
            multipart.setCount(&request, 7)
            let object = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(request)) as? [String: Any])
            #expect(object[field] as? Int == 7)
            #expect(multipart.confirm.rawValue == confirm && multipart.list.rawValue == list)
            #expect(RoleWire.role(confirmedBy: confirm) == role && RoleWire.role(listedBy: list) == role)
        }
        #expect(Role.allCases.filter { $0.wire.multipart != nil } == [.trainingVideo, .actionVideo])
        #expect(RoleWire.role(confirmedBy: "SUBMITVERIFYING") == nil)
    }

    @Test("names are unique and round-trip; only the audio ZIP is sent as application/zip")
    func namesAndContentTypes() {
        let names = Role.allCases.map(\.wire.name)
        #expect(Set(names).count == names.count)
        for role in Role.allCases { #expect(RoleWire.role(named: role.wire.name) == role) }
        #expect(Role.audioZip.wire.name == "audio" && Role.idCardFront.wire.name == "id_card_image1")
        #expect(Role.allCases.filter { $0.wire.contentType == "application/zip" } == [.audioZip])
        #expect(Role.allCases.filter { $0.wire.contentType != "application/zip" }.allSatisfy { $0.wire.contentType == "application/octet-stream" })
    }
}
