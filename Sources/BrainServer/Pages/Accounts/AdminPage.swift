import Foundation
import Hummingbird
import HTTPTypes
import BrainModel
import BrainStore
import BrainUseCases

/// `/admin` (issue 19): the people of an organisation for its admin, every organisation for the operator. The
/// operator creates organisations; an admin adds people with a first password, changes their role and disables
/// them, only in their own organisation (another's people answer 404, as if absent). Every form carries the session's
/// CSRF token; every change is written to the audit trail with the person before and after.
struct AdminPage: Sendable {
    let access: MarketAccess
    let renderer: PageRenderer
    var form: FormPage { FormPage(access: access, renderer: renderer, path: "/admin", template: "admin", nav: "admin", roleRefusal: "api.needs-admin-role") }

    func register(on router: Router<BasicRequestContext>) {
        router.get("/admin") { request, _ in
            let caller = try await access.caller(request)
            if let refusal = refusal(caller) { return refusal }
            return try await page(caller)
        }
        router.post("/admin/organisations") { request, _ in
            try await write(request) { caller, form in
                guard caller.isOperator else { throw AdminRefusal.forbidden }
                // An operator organisation is made only at the terminal: its admins would administer everyone.
                let kind = OrganisationKind(rawValue: form.kind ?? "") ?? .bureau
                guard OrganisationKind.creatableOnline.contains(kind) else {
                    throw AdminRefusal.message(Bilingual(zh: "平台机构只能在命令行创建（brain org add --kind platform）",
                                                         en: "A platform organisation is made only on the command line (brain org add --kind platform)"))
                }
                let region = (form.region ?? "").trimmingCharacters(in: .whitespaces)
                let id = (form.id ?? "").trimmingCharacters(in: .whitespaces), name = (form.name ?? "").trimmingCharacters(in: .whitespaces)
                guard !name.isEmpty, name.count <= 200 else {
                    throw AdminRefusal.message(Bilingual(zh: "请填写机构名称（不超过 200 字）", en: "Give the organisation a name (at most 200 characters)"))
                }
                let created = try await access.store.createOrganisation(id: id, name: name, kind: kind, regionCode: region.isEmpty ? nil : region) {
                    caller.auditEntry("organisation.create", target: "organisation", id, after: AuditTrail.json($0))
                }
                return Bilingual(zh: "已创建机构 \(id)。其 API 令牌只显示这一次：\(created.token)",
                                 en: "Organisation \(id) created. Its API token is shown only now: \(created.token)")
            }
        }
        router.post("/admin/people") { request, _ in
            try await write(request) { caller, form in
                let organisation = form.organisation ?? caller.organisation?.id ?? ""
                guard caller.mayManagePeople(of: organisation) else { throw AdminRefusal.notFound }
                let login = (form.login ?? "").trimmingCharacters(in: .whitespaces).lowercased()
                let role = Role(rawValue: form.role ?? "") ?? .viewer
                let name = (form.name ?? "").trimmingCharacters(in: .whitespaces)
                let person = try await access.store.createPerson(
                    Person(id: login, organisationId: organisation, displayName: name.isEmpty ? login : name, role: role, createdAt: ""),
                    password: form.password ?? "") { Self.entry(caller, "person.create", $0, after: $0) }
                return Bilingual(zh: "已添加 \(person.displayName)（\(login)）", en: "Added \(person.displayName) (\(login))")
            }
        }
        router.post("/admin/people/:login/role") { request, context in
            try await write(request) { caller, form in
                let login = try await managed(caller, context)
                guard let role = Role(rawValue: form.role ?? "") else { throw AdminRefusal.message(Bilingual(zh: "未知角色", en: "Unknown role")) }
                _ = try await access.store.setRole(login, role: role) { Self.entry(caller, "person.role", $0.after, before: $0.before, after: $0.after) }
                return Bilingual(zh: "\(login) 的角色改为\(role.nameZh)", en: "\(login) is now \(role.nameEn)")
            }
        }
        router.post("/admin/people/:login/disable") { request, context in
            try await write(request) { caller, form in
                let login = try await managed(caller, context)
                let disabled = MarketAccess.flag(form.disabled) ?? true
                _ = try await access.store.setDisabled(login, disabled: disabled) {
                    Self.entry(caller, disabled ? "person.disable" : "person.enable", $0.after, before: $0.before, after: $0.after)
                }
                return disabled ? Bilingual(zh: "已停用 \(login)", en: "Disabled \(login)") : Bilingual(zh: "已启用 \(login)", en: "Enabled \(login)")
            }
        }
    }

    /// Signed out: to the sign-in form and back; signed in without the right: 403.
    func refusal(_ caller: Caller) -> Response? {
        form.refusal(caller, unless: caller.isOperator || (caller.person != nil && caller.may(.managePeople)))
    }

    /// The login in the path, if the caller may manage that person; 404 otherwise (another organisation's people are
    /// not disclosed), and no changing one's own role or access (an organisation must keep an admin).
    func managed(_ caller: Caller, _ context: BasicRequestContext) async throws -> String {
        let login = context.parameters.get("login") ?? ""
        guard let person = try await access.store.person(login), caller.mayManagePeople(of: person.organisationId) else { throw AdminRefusal.notFound }
        guard person.id != caller.person?.id else {
            throw AdminRefusal.message(Bilingual(zh: "不能修改自己的角色或停用自己", en: "You cannot change your own role or disable yourself"))
        }
        return login
    }

    /// A form post: the caller with the session's CSRF token and the right, then the change, then the page again
    /// with what happened or why not.
    func write(_ request: Request, _ change: (Caller, AdminForm) async throws -> Bilingual) async throws -> Response {
        try await form.post(request, AdminForm.self, for: .managePeople) { caller, posted in
            if let refusal = refusal(caller) { return refusal }
            do {
                return try await page(caller, notice: try await change(caller, posted))
            } catch AdminRefusal.notFound {
                return renderer.errorPage(.notFound, Reason("api.no-person-of-yours"))
            } catch AdminRefusal.forbidden {
                return renderer.errorPage(.forbidden, Reason("api.operator-only"))
            } catch AdminRefusal.message(let message) {
                return try await page(caller, error: message, status: .badRequest)
            } catch let error as AccountStoreError {
                return try await page(caller, error: Bilingual(zh: error.zh, en: error.en), status: .badRequest)
            } catch let error as MarketStoreError {
                return try await page(caller, error: Bilingual(zh: "机构有误：\(error.description)", en: error.description), status: .badRequest)
            }
        }
    }

    func page(_ caller: Caller, notice: Bilingual? = nil, error: Bilingual? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        let store = access.store
        let organisations = caller.isOperator ? try await store.organisations() : caller.organisation.map { [$0] } ?? []
        let people = caller.isOperator ? try await store.people(organisation: nil) : try await store.people(organisation: caller.organisation?.id)
        return try form.render(AdminView(caller: caller, organisations: organisations, people: people), notice: notice, error: error, status: status)
    }

    static func entry(_ caller: Caller, _ action: String, _ person: Person, before: Person? = nil, after: Person?) -> AuditEntry {
        // The act concerns the person's organisation, so its admins see it in their trail (the operator's too).
        caller.auditEntry(action, target: "person", person.id, before: before.flatMap { AuditTrail.json($0) },
                          after: after.flatMap { AuditTrail.json($0) }, of: person.organisationId)
    }
}

/// `/admin`'s forms: a new organisation (kind, region, id, name), a new person (organisation, login, role, name,
/// password), a person's role, and disabling or enabling them.
struct AdminForm: PostedForm { var csrf, kind, region, id, name, organisation, login, role, password, disabled: String? }

enum AdminRefusal: Error {
    case notFound, forbidden
    case message(Bilingual)
}
