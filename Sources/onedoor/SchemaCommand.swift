import ArgumentParser
import OneDoorKit

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema of a source file, for editors that check YAML as you type.",
        discussion: "See docs/editors.md for how to use it in VS Code and JetBrains IDEs.")

    @Argument(help: "Which file: service, catalogue, categories, teams or support-models.")
    var kind: SourceSchemas.Kind

    func run() {
        print(SourceSchemas.schema(kind).serialized())
    }
}

