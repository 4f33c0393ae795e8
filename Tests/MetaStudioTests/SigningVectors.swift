import Foundation
public import Testing
public import TestSupport

extension SigningVector: CustomTestStringConvertible {
    public var testDescription: String { name }

    /// Every vector in the shared file; a file that cannot be read is recorded as a test issue.
    static let loaded: [SigningVector] = {
        do {
            return try SigningVector.all()
        } catch {
            Issue.record("cannot load the signing vectors: \(error)")
            return []
        }
    }()
}
