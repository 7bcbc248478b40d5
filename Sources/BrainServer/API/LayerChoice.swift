import Hummingbird
import BrainModel

/// `?layers=listed,nmpa-2019`: the layers a page or its JSON counts (default the listed firms alone). A caller may
/// count the listed layer, the operator's layers (bundled registers, admin imports), published imports and its own
/// organisation's imports (ImportLayer.isVisible); another organisation's private import is refused exactly as an
/// unknown layer is, so its existence does not leak.
enum LayerChoice {
    struct Option: Codable, Sendable, Equatable {
        var id: String
        var firms: Int
        var chosen: Bool
    }

    static let maxLayers = 16

    /// The layers `caller` may count in `bundle`, each with its firms.
    static func available(_ bundle: DataBundle, caller: Caller) -> [String: Int] {
        let counts = bundle.layerCounts
        var result = [Layer.listed: counts[Layer.listed] ?? 0]
        for entry in bundle.importLayers where entry.isVisible(to: caller.firmViewer) {
            // Market files are imports too, but create no firms: only layers with firms (or a named register) are offered.
            if counts[entry.layer] != nil || !entry.layer.hasPrefix("import:") { result[entry.layer] = counts[entry.layer] ?? 0 }
        }
        return result
    }

    static func parse(_ text: String?, bundle: DataBundle, caller: Caller) throws -> LayerSet {
        guard let text, !text.isEmpty else { return .listed }
        let ids = text.split(separator: ",", omittingEmptySubsequences: true).map { $0.trimmingCharacters(in: .whitespaces) }
        guard !ids.isEmpty, ids.count <= maxLayers else { throw AppError.badRequest(Reason("api.layers-count", ["max": "\(maxLayers)"])) }
        let allowed = available(bundle, caller: caller)
        for id in ids where !Layer.isWellFormed(id) || allowed[id] == nil {
            throw AppError.badRequest(Reason("api.unknown-layer", ["layer": String(id.prefix(40)), "choices": LayerSet(allowed.keys).description]))
        }
        return LayerSet(ids)
    }

    /// The options for the page's control.
    static func options(_ bundle: DataBundle, caller: Caller, chosen: LayerSet) -> [Option] {
        let allowed = available(bundle, caller: caller)
        return LayerSet(allowed.keys).ids.map { Option(id: $0, firms: allowed[$0] ?? 0, chosen: chosen.contains($0)) }
    }
}
