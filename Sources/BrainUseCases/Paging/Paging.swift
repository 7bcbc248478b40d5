import Foundation
import BrainModel

/// `?page=` (from 1) and `?size=` (1–100, default 20) of a paged list (search's firms, a chain node's firms), and the
/// pager a page shows under it: "第 N / M 页", the total, and previous/next links that keep the other parameters.
/// A page past the end is an empty page, not an error; a number that is not one is refused naming the parameter.
public struct Paging: Sendable, Equatable {
    public static let maxSize = 100
    /// Far beyond any list the store holds; keeps `offset` from overflowing on `page=9999999999999`.
    public static let maxPage = 100_000

    public var page: Int
    public var size: Int

    public init(page: Int = 1, size: Int = 20) {
        self.page = page
        self.size = size
    }

    /// The page and size as a person typed them (nil: not given); `maxSize` is the largest page a list allows (the
    /// 招商 list and its export allow more than the default).
    public init(page pageText: String?, size sizeText: String?, defaultSize: Int = 20, maxSize: Int = Paging.maxSize) throws {
        guard let size = Int(sizeText ?? "\(defaultSize)"), (1...maxSize).contains(size) else {
            throw Refusal.badRequest(Reason("api.size", ["max": "\(maxSize)"]))
        }
        guard let page = Int(pageText ?? "1"), (1...Self.maxPage).contains(page) else { throw Refusal.badRequest(Reason("api.page")) }
        self.init(page: page, size: size)
    }

    public var offset: Int { (page - 1) * size }

    public func pages(total: Int) -> Int { max(1, (total + size - 1) / size) }

    /// This page's slice of a list already in order.
    public func slice<T>(_ items: [T]) -> [T] {
        guard offset < items.count else { return [] }
        return Array(items[offset..<min(items.count, offset + size)])
    }

    /// What the JSON answers carry beside the items.
    public struct Info: Codable, Sendable, Equatable {
        public var page: Int
        public var size: Int
        public var pages: Int
        public var total: Int
    }

    public func info(total: Int) -> Info { Info(page: page, size: size, pages: pages(total: total), total: total) }

    /// The template's `pager`: page, pages, total and the neighbours' links (absent at either end), each link the same
    /// path and parameters with another page. `keep` are the parameters to carry, in order (nil values left out).
    public func pager(total: Int, path: String, keep: [(String, String?)]) -> Pager {
        let pages = pages(total: total)
        func link(_ page: Int) -> String {
            var items = keep.compactMap { name, value in value.map { URLQueryItem(name: name, value: $0) } }
            if size != 20 { items.append(URLQueryItem(name: "size", value: "\(size)")) }
            items.append(URLQueryItem(name: "page", value: "\(page)"))
            var components = URLComponents()
            components.path = path
            components.queryItems = items
            // URLComponents leaves "+" as is; a query's "+" would read back as a space.
            components.percentEncodedQuery = components.percentEncodedQuery?.replacingOccurrences(of: "+", with: "%2B")
            return components.string ?? path
        }
        return Pager(page: page, pages: pages, total: total, prev: page > 1 ? link(min(page - 1, pages)) : nil,
                     next: page < pages ? link(page + 1) : nil)
    }

    /// What `pager.mustache` reads.
    public struct Pager: Encodable, Sendable {
        public var page: Int
        public var pages: Int
        public var total: Int
        public var prev: String?
        public var next: String?
    }
}
