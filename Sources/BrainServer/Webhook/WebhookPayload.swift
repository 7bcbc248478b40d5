import Foundation
import Crypto
import BrainModel

/// The JSON an organisation's webhook receives with alerts raised for it (`importId` when they all came from one
/// import, else null; each alert's own import is `alerts[].importId`), and its signature:
/// `X-Brain-Signature: sha256=<hex HMAC-SHA256 of the exact body with the organisation's secret>`.
struct WebhookPayload: Encodable {
    struct Text: Encodable { var zh: String; var en: String }
    struct AlertItem: Encodable {
        var id: Int64
        var importId: Int
        var watchKind: String
        var watchTarget: String
        /// Set when the watch is one person's own.
        var personId: String?
        var code: String
        var enterpriseId: String
        var provinceCode: String?
        var cityCode: String?
        var districtCode: String?
        var nodeIds: [String]
        var reason: Reason
        var text: Text
    }

    var delivery: String
    var organisation: String
    var importId: Int?
    var sentAt: String
    var alerts: [AlertItem]

    init(delivery: String, organisation: String, importId: Int?, sentAt: String, alerts: [Alert], names: [String: String]) {
        (self.delivery, self.organisation, self.importId, self.sentAt) = (delivery, organisation, importId, sentAt)
        self.alerts = alerts.map { alert in
            let change = alert.change, reason = RegionNames.reason(change, names)
            return AlertItem(id: alert.id, importId: change.importId, watchKind: alert.watchKind.rawValue, watchTarget: alert.watchTarget, personId: alert.personId,
                             code: change.code.rawValue, enterpriseId: change.enterpriseId, provinceCode: change.provinceCode,
                             cityCode: change.cityCode, districtCode: change.districtCode, nodeIds: change.nodeIds, reason: reason,
                             text: Text(zh: ReasonText.render(reason, in: .zh), en: ReasonText.render(reason, in: .en)))
        }
    }

    func body() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// The header value a receiver recomputes with the shared secret to know the body is ours and unchanged.
    static func signature(_ body: Data, secret: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: Data(secret.utf8)))
        return "sha256=" + mac.map { String(format: "%02x", $0) }.joined()
    }
}
