import Foundation
import Hummingbird
import NIOCore

/// An uploaded file saved under its own temporary folder (the importers read files), named after the `file` query
/// parameter without any folder part. Remove it when done.
struct Upload {
    let data: Data
    let url: URL
    private let folder: URL

    /// nil when the body is larger than `ImportController.maxUploadBytes`: answer with `tooLarge`.
    static func receive(_ request: Request) async throws -> Upload? {
        var request = request
        let body: ByteBuffer
        do { body = try await request.collectBody(upTo: ImportController.maxUploadBytes) } catch is NIOTooManyBytesError { return nil }
        let data = Data(buffer: body)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("brain-upload-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(ImportController.safeFileName(request.uri.queryParameters.get("file")))
        do { try data.write(to: url) } catch {
            try? FileManager.default.removeItem(at: folder)
            throw error
        }
        return Upload(data: data, url: url, folder: folder)
    }

    static var tooLarge: Response {
        JSONResponse.error(.contentTooLarge, "the file is larger than \(ImportController.maxUploadBytes >> 20) MB: import it with `brain import` instead")
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }
}
