import Foundation
import BrainModel
import Hummingbird

/// Prints a page of this server to PDF with headless Chromium (`--print-to-pdf`), so the PDF is the page itself,
/// charts included. One print at a time, 90 s at most. Without Chromium the route says how to install it and that the
/// page's Print button (the browser's "Save as PDF") gives the same report.
actor PDFPrinter {
    let browser: String?
    let baseURL: String
    private var busy = false

    init(browser: String?, baseURL: String) {
        self.browser = browser
        self.baseURL = baseURL
    }

    static func findBrowser() -> String? {
        let candidates = [ProcessInfo.processInfo.environment["BRAIN_CHROMIUM"], "/usr/bin/chromium", "/usr/bin/chromium-browser",
                          "/usr/bin/google-chrome"].compactMap { $0 }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    func response(path: String, filename: String) async throws -> Response {
        guard let browser else {
            return JSONResponse.error(.serviceUnavailable, Reason("api.pdf-unavailable"))
        }
        guard !busy else { return JSONResponse.error(.tooManyRequests, Reason("api.pdf-busy")) }
        busy = true
        defer { busy = false }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("brain-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let output = work.appendingPathComponent("page.pdf")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        // A4 less app.css's 12 mm @page margins, at 96 dpi (703 × 1032 px), so charts are drawn at the width they are printed at.
        process.arguments = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
                             "--no-pdf-header-footer", "--window-size=703,1032", "--virtual-time-budget=10000",
                             "--user-data-dir=\(work.appendingPathComponent("profile").path)", "--print-to-pdf=\(output.path)",
                             baseURL + path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let status = try await Self.run(process, timeout: 90)
        guard status == 0, let data = try? Data(contentsOf: output), data.starts(with: Array("%PDF".utf8)) else {
            return JSONResponse.error(.internalServerError, Reason("api.pdf-failed", ["status": "\(status)"]))
        }
        var response = JSONResponse.response(.ok, data: data, contentType: "application/pdf")
        response.headers[.contentDisposition] = ContentDisposition.attachment(filename)
        return response
    }

    /// Runs the process to its end, terminating it after `timeout` seconds; returns its exit status.
    static func run(_ process: Process, timeout: Double) async throws -> Int32 {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Int32, any Error>) in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch { process.terminationHandler = nil; continuation.resume(throwing: error); return }
            DispatchQueue.global().asyncAfter(deadline: .now() + timeout) { if process.isRunning { process.terminate() } }
        }
    }
}
