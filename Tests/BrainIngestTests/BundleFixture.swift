import Foundation
@testable import BrainIngest
import BrainModel

/// The repository's real `data/` folder, loaded once for all tests of this target.
enum BundleFixture {
    static let dataFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("data")

    private static let loaded: Result<(bundle: DataBundle, report: ImportReport), any Error> = Result { () throws(any Error) in
        try BundleLoader(folder: dataFolder).load()
    }

    static func bundle() throws -> DataBundle { try loaded.get().0 }
    static func report() throws -> ImportReport { try loaded.get().1 }

    /// A copy of the data folder in a temporary directory, for tests that damage it.
    static func copyOfDataFolder() throws -> URL {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("brain-data-\(UUID().uuidString)")
        // File by file: FileManager.copyItem of a folder proved unreliable on Linux when tests run in parallel.
        let manager = FileManager.default
        for case let path as String in manager.enumerator(atPath: dataFolder.path) ?? FileManager.DirectoryEnumerator() {
            let source = dataFolder.appendingPathComponent(path), target = copy.appendingPathComponent(path)
            var isFolder: ObjCBool = false
            guard manager.fileExists(atPath: source.path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(contentsOf: source).write(to: target)
        }
        return copy
    }
}
