internal import Foundation

/// The fast reader of plain YAML compared with Yams, for the fuzzer: `PlainYAML` must read exactly
/// what Yams reads, or leave the text to Yams.
public enum YAMLCrossCheck {
    /// False when `PlainYAML` reads the YAML of `bytes` (the front matter of a service file when
    /// `isServiceFile`, else a whole YAML file) into anything but what Yams reads.
    public static func agrees(_ bytes: [UInt8], isServiceFile: Bool) -> Bool {
        guard case let .success(source) = SourceText.decode(Data(bytes), path: "probe") else { return true }
        var yaml = source.text
        if isServiceFile {
            guard case let .success(frontMatter) = FrontMatter.split(source) else { return true }
            yaml = frontMatter.yaml
        }
        guard let plain = PlainYAML.parse(yaml, file: "probe", lineOffset: 0) else { return true }
        guard case let .success(yams?) = SourceNode.parseWithYams(yaml, file: "probe") else { return false }
        return plain == yams
    }
}
