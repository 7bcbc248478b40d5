/// How an address was read (`ResolvedAddress.notes`, `brain normalize address`): names are the places' own, in Chinese
/// in both languages; `by` (what settled a shared name) is given in both languages by the resolver.
extension ReasonCatalogue {
    static let address: [String: ReasonTemplate] = [
        "address.former-name": .init(zh: "{former}现为{current}", en: "{former} is now {current}"),
        "address.former-name-street": .init(zh: "{former}的{street}现属{current}", en: "{street} of {former} is now in {current}"),
        "address.town-in": .init(zh: "{town}位于{unit}", en: "{town} lies in {unit}"),
        "address.shared-name": .init(zh: "{name}为{count}个区县共用的名称，{by}指明{city}",
                                     en: "{name} is the name of {count} counties or districts; {by} names {city}"),
    ]
}
