import Foundation
import BrainModel
import BrainStore

/// Words of the account pages in both languages.
struct Bilingual: Encodable, Sendable, Equatable {
    var zh: String
    var en: String
}

/// The `/signin` page (signin.mustache): the form, refilled with the login after a refusal, and why it was refused.
struct SignInView: PageView {
    struct Who: Encodable, Sendable {
        var login: String
        var name: String
        var role: Bilingual

        init(_ person: Person) { (login, name, role) = (person.id, person.displayName, Bilingual(zh: person.role.nameZh, en: person.role.nameEn)) }
    }

    var person: Who?
    var login = ""
    var next = "/"
    var error: Bilingual?

    init(person: Who? = nil, login: String = "", next: String = "/") { (self.person, self.login, self.next) = (person, login, next) }

    /// The same words for an unknown login and a wrong password: the page does not tell which logins exist. A lock's
    /// minutes count from `now` on the clock the lock-out itself uses (`SecurityConfiguration.now`), to the store's
    /// `lockedUntil`.
    static func message(_ reason: SignInRefusal, lockedUntil: Int?, now: Int) -> Bilingual {
        switch reason {
        case .unknownLogin, .wrongPassword: return Bilingual(zh: "登录名或密码不正确", en: "Wrong login or password")
        case .disabled: return Bilingual(zh: "该账户已停用，请联系本机构管理员", en: "This account is disabled: ask your organisation's administrator")
        case .rateLimited: return Bilingual(zh: "尝试过于频繁，请几分钟后再试", en: "Too many attempts: try again in a few minutes")
        case .locked:
            let minutes = lockedUntil.map { max(1, ($0 - now + 59) / 60) }
            return Bilingual(zh: "密码错误次数过多，账户已锁定" + (minutes.map { "，请 \($0) 分钟后再试" } ?? ""),
                             en: "Too many wrong passwords: the account is locked" + (minutes.map { " for \($0) more minutes" } ?? ""))
        }
    }
}

/// The `/admin` page (admin.mustache): the organisations the caller manages with their people, and the forms.
struct AdminView: FormPageView {
    struct Option: Encodable, Sendable { var value: String; var zh: String; var en: String; var selected: Bool }
    struct PersonRow: Encodable, Sendable {
        var login: String
        var name: String
        var role: Bilingual
        var roles: [Option]
        var disabled: Bool
        var isSelf: Bool
    }
    struct OrganisationRow: Encodable, Sendable {
        var id: String
        var name: String
        var kind: Bilingual
        var region: String?
        var people: [PersonRow]
    }

    var csrfToken: String
    var isOperator: Bool
    var organisations: [OrganisationRow]
    var kinds: [Option]
    var roles: [Option]
    var error: Bilingual?
    /// A new organisation's token, shown once.
    var notice: Bilingual?

    init(caller: Caller, organisations: [Organisation], people: [Person]) {
        csrfToken = caller.csrfToken ?? ""
        isOperator = caller.isOperator
        self.organisations = organisations.map { organisation in
            OrganisationRow(id: organisation.id, name: organisation.name,
                            kind: Bilingual(zh: organisation.kind.nameZh, en: organisation.kind.nameEn), region: organisation.regionCode,
                            people: people.filter { $0.organisationId == organisation.id }.map { person in
                                PersonRow(login: person.id, name: person.displayName, role: Bilingual(zh: person.role.nameZh, en: person.role.nameEn),
                                          roles: Self.roleOptions(selected: person.role), disabled: person.disabled,
                                          isSelf: person.id == caller.person?.id)
                            })
        }
        kinds = OrganisationKind.creatableOnline.map { Option(value: $0.rawValue, zh: $0.nameZh, en: $0.nameEn, selected: $0 == .bureau) }
        roles = Self.roleOptions(selected: .viewer)
    }

    static func roleOptions(selected: Role) -> [Option] {
        Role.allCases.map { Option(value: $0.rawValue, zh: $0.nameZh, en: $0.nameEn, selected: $0 == selected) }
    }
}
