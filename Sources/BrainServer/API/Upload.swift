import Foundation
import BrainModel
import Hummingbird
import NIOCore
#if canImport(Glibc)
import Glibc
#endif

/// An uploaded file saved under its own temporary folder (the importers read files), named after the `file` query
/// parameter without any folder part. Remove it when done (`defer { upload.remove() }`).
///
/// Every upload folder sits in one folder of this user's (`$TMPDIR/brain-uploads-UID`, mode 0700, so other users of
/// the machine cannot read uploads), is itself 0700, and is named after the server's process id: a server that
/// crashed mid-upload leaves folders whose process is gone, and the next server start sweeps them (`sweep`).
struct Upload {
    let data: Data
    let url: URL
    private let folder: URL

    static var root: URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("brain-uploads-\(getuid())", isDirectory: true)
    }

    /// nil when the body is larger than `ImportController.maxUploadBytes`: answer with `tooLarge`.
    static func receive(_ request: Request) async throws -> Upload? {
        var request = request
        let body: ByteBuffer
        do { body = try await request.collectBody(upTo: ImportController.maxUploadBytes) } catch is NIOTooManyBytesError { return nil }
        let data = Data(buffer: body)
        let folder = try privateRoot().appendingPathComponent("upload-\(getpid())-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        let url = folder.appendingPathComponent(ImportController.safeFileName(request.uri.queryParameters.get("file")))
        do {
            guard FileManager.default.createFile(atPath: url.path, contents: data, attributes: [.posixPermissions: 0o600]) else {
                throw CocoaError(.fileWriteUnknown)
            }
        } catch {
            try? FileManager.default.removeItem(at: folder)
            throw error
        }
        return Upload(data: data, url: url, folder: folder)
    }

    /// The uploads folder, made 0700 if new; refused if it is not this user's own directory (another user could have
    /// made it, or a link in its place, to read or redirect uploads).
    static func privateRoot() throws -> URL {
        let root = root, manager = FileManager.default
        if !manager.fileExists(atPath: root.path) {
            try? manager.createDirectory(at: root, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        var status = stat()
        guard lstat(root.path, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR, status.st_uid == getuid() else {
            throw UploadFolderError(path: root.path)
        }
        if status.st_mode & 0o077 != 0 { chmod(root.path, 0o700) }
        return root
    }

    /// Removes upload folders left by servers that are no longer running (a crash mid-upload); returns how many.
    @discardableResult
    static func sweep() -> Int {
        guard let root = try? privateRoot(),
              let names = try? FileManager.default.contentsOfDirectory(atPath: root.path) else { return 0 }
        var removed = 0
        for name in names where name.hasPrefix("upload-") {
            let pid = name.dropFirst("upload-".count).prefix { $0 != "-" }
            // kill(pid, 0) fails with ESRCH when no such process exists: its uploads can never be finished.
            guard let owner = pid_t(pid), owner != getpid(), kill(owner, 0) != 0, errno == ESRCH else { continue }
            if (try? FileManager.default.removeItem(at: root.appendingPathComponent(name))) != nil { removed += 1 }
        }
        return removed
    }

    static var tooLarge: Response {
        JSONResponse.error(.contentTooLarge, Reason("api.upload-too-large", ["mb": "\(ImportController.maxUploadBytes >> 20)"]))
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }
}

struct UploadFolderError: Error, CustomStringConvertible {
    let path: String
    var description: String { "the uploads folder \(path) is not a directory owned by this user: remove it and try again" }
}
