import Hummingbird
import BrainModel
import BrainUseCases

extension Paging {
    /// A list's `?page=&size=`; `legacySize` is an older parameter name for the size (`limit`), read when `size` is
    /// absent. A bad number is refused naming the parameter (a 400).
    init(_ query: Parameters, defaultSize: Int = 20, legacySize: String? = nil, maxSize: Int = Paging.maxSize) throws {
        try self.init(page: query.get("page"), size: query.get("size") ?? legacySize.flatMap { query.get($0) }, defaultSize: defaultSize, maxSize: maxSize)
    }
}

extension PageRenderer {
    /// A paged page: a bad `page` or `size` is the HTML error page with 400 (`page` answers other errors as 404).
    func paged(_ query: Parameters, _ build: (Paging) async throws -> Response) async throws -> Response {
        let paging: Paging
        do { paging = try Paging(query) } catch let refusal as Refusal { return errorPage(.badRequest, refusal.reason) }
        return try await page { try await build(paging) }
    }
}
