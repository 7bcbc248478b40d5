/// The chain nodes that are services other firms buy (CRO, CMO/CDMO, reagents and consumables, pharmaceutical
/// equipment, scientific instruments, testing and diagnostics), with their sub-nodes: what offers and service
/// demands name.
public enum ServiceNodes {
    public static let names: [String: (zh: String, en: String)] = [
        "cro": ("CRO 研发外包", "contract research"), "cdmo": ("CMO/CDMO 合同生产", "contract manufacturing"),
        "reagents-consumables": ("试剂与耗材", "reagents and consumables"), "pharma-equipment": ("制药装备", "pharmaceutical equipment"),
        "scientific-instruments": ("科学仪器", "scientific instruments"), "diagnostic-services": ("检测与诊断服务", "testing and diagnostics"),
    ]

    public static func contains(_ node: ChainNode) -> Bool {
        names[node.id] != nil || node.parentId.map { names[$0] != nil } == true
    }
}
