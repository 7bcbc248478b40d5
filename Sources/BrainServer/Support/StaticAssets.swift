import Foundation
import Hummingbird

/// Files served as they are: ECharts (fetched at setup into web/vendor) and the simplified map geometry (data/geo).
/// Read once at start-up; they are small and never change while the server runs.
struct StaticAssets: Sendable {
    let files: [String: (data: Data, contentType: String)]

    init(echarts: URL, geoFolder: URL, log: (String) -> Void) {
        var files: [String: (Data, String)] = [:]
        if let data = try? Data(contentsOf: echarts) {
            files["/assets/echarts.min.js"] = (data, "application/javascript; charset=utf-8")
        } else {
            log("ECharts not found at \(echarts.path): run scripts/fetch-web-assets; charts will not draw")
        }
        for level in ["province", "city", "district"] {
            let url = geoFolder.appendingPathComponent("\(level).json")
            if let data = try? Data(contentsOf: url) {
                files["/geo/\(level).json"] = (data, "application/json; charset=utf-8")
            } else {
                log("map geometry not found at \(url.path)")
            }
        }
        // The application's own scripts and stylesheet, bundled with the templates.
        if let assets = Bundle.module.url(forResource: "Assets", withExtension: nil),
           let names = try? FileManager.default.contentsOfDirectory(atPath: assets.path) {
            for name in names {
                let type = name.hasSuffix(".css") ? "text/css; charset=utf-8" : "application/javascript; charset=utf-8"
                if let data = try? Data(contentsOf: assets.appendingPathComponent(name)) { files["/assets/\(name)"] = (data, type) }
            }
        } else {
            log("the application's assets are missing from the BrainServer bundle")
        }
        self.files = files
    }

    func register(on router: Router<BasicRequestContext>) {
        for (path, file) in files {
            router.get(RouterPath(path)) { _, _ in
                var response = JSONResponse.response(.ok, data: file.data, contentType: file.contentType)
                response.headers[.cacheControl] = "public, max-age=3600"
                return response
            }
        }
    }
}
