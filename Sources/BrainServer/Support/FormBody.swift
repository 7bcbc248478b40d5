import Foundation
import Hummingbird
import BrainModel

/// A form post's fields as one `Decodable` struct, decoded by Hummingbird's `URLEncodedFormDecoder` (as `RouteQuery`
/// decodes query strings) instead of split on & and = by hand. Every field is optional: a missing one is the page's
/// own refusal (the same words as before), never a decoding failure.
protocol PostedForm: Decodable, Sendable {
    /// The session's CSRF token, which every form of a signed-in page carries.
    var csrf: String? { get }
}

/// A form that carries nothing but its CSRF token (sign-out, rotate, remove, revoke, delete).
struct CSRFForm: PostedForm { var csrf: String? }

extension Request {
    /// The body as `Form`, at most `MarketAccess.maxBody` bytes (more: NIOTooManyBytesError, a 413 from ErrorPages).
    /// A body the form syntax cannot read (bad percent encoding, a name given twice, brackets that do not nest) or a
    /// field of the wrong shape is the API's 400 saying so: untrusted bytes never reach a trap.
    func form<Form: Decodable>(_ type: Form.Type) async throws -> Form {
        var request = self
        let body = try await request.collectBody(upTo: MarketAccess.maxBody)
        do {
            return try URLEncodedFormDecoder().decode(Form.self, from: String(buffer: body))
        } catch let error as DecodingError {
            throw AppError.badRequest(Reason("api.form-field", ["field": Self.parameter(of: error) ?? "?"]))
        } catch let error as URLEncodedFormError {
            throw AppError.badRequest(error.reason)
        }
    }

    /// Every field by name, for the writes whose fields are the parser's (demands, leads, curations, watches).
    func formFields() async throws -> [String: String] { try await form([String: String].self) }
}

extension URLEncodedFormError {
    /// What the form syntax could not read, in the reader's language, with the offending key or value as data.
    var reason: Reason {
        let problem: (zh: String, en: String) = switch code {
        case .duplicateKeys: ("参数名重复", "a name given twice")
        case .failedToPercentDecode: ("百分号编码有误", "bad percent encoding")
        case .corruptKeyValue, .invalidArrayIndex: ("参数名的括号不成对或下标无效", "brackets that do not nest or a bad index")
        case .addingToInvalidType, .notSupported: ("参数结构不受支持", "a structure forms do not support")
        default: ("格式有误", "malformed")
        }
        return Reason("api.form-unreadable", ["problem": problem.zh, "problem.en": problem.en, "value": String(value.prefix(80))])
    }
}
