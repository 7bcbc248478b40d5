/// Issue 15's layers: each firm's layer (bundled firms are `listed`; a firm an import created is in that import's
/// layer) and an import's own layer name when it has one (`nmpa-2019`); the same statements on both backends.
enum LayerSchema {
    static func statements(text: String) -> [String] {
        [
            "ALTER TABLE enterprises ADD COLUMN layer \(text) NOT NULL DEFAULT 'listed'",
            "ALTER TABLE imports ADD COLUMN layer \(text)",
            "UPDATE enterprises SET layer = source WHERE source LIKE 'import:%'",
            "CREATE INDEX enterprises_on_layer ON enterprises (layer)",
        ]
    }
}
