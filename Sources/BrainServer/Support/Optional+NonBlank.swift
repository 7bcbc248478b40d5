import Foundation

extension Optional where Wrapped == String {
    /// The text trimmed, nil when absent or blank (a form's empty field means "not given").
    var nonBlank: String? {
        guard let trimmed = self?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
        return trimmed
    }
}
