import Foundation
import BrainModel

/// The taxonomy is also kept whole in `meta`, so tiers and the file's own metadata survive a round trip.
enum TaxonomyCodec {
    static func encode(_ taxonomy: ChainTaxonomy) throws -> String {
        String(decoding: try JSONEncoder().encode(taxonomy), as: UTF8.self)
    }

    static func decode(_ text: String) throws -> ChainTaxonomy {
        try JSONDecoder().decode(ChainTaxonomy.self, from: Data(text.utf8))
    }
}
