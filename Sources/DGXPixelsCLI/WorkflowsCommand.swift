import ArgumentParser
import ComfyUI
import Foundation
import SpriteEngine

/// `dgx-pixels workflows list|show|import`: the ComfyUI workflow templates.
struct WorkflowsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workflows",
        abstract: "List, show or import ComfyUI workflow templates.",
        subcommands: [List.self, Show.self, Import.self],
        defaultSubcommand: List.self
    )

    static func library(_ configuration: Configuration) -> WorkflowLibrary {
        WorkflowLibrary(
            directories: WorkflowLocator.directories(configured: configuration.comfyUI.workflowDirectories)
        )
    }

    /// `workflows list`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the templates and their parameters.")

        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let (configuration, _) = try global.bootstrap()
            let library = WorkflowsCommand.library(configuration)
            for name in library.names {
                guard let template = library.templates[name] else { continue }
                let marker = name == configuration.comfyUI.workflow ? " (default)" : ""
                Console.out("\(name)\(marker): \(template.description)")
                Console.out("    parameters: \(template.parameters.map(\.name).joined(separator: ", "))")
            }
            for error in library.loadErrors { Console.error("not loaded: \(error.withAdvice)") }
            if !library.loadErrors.isEmpty { throw ExitCode.failure }
        }
    }

    /// `workflows show NAME`.
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one template's parameters and graph.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "Template name (see `workflows list`).") var name: String

        func run() async throws {
            let (configuration, _) = try global.bootstrap()
            let library = WorkflowsCommand.library(configuration)
            guard let template = library.templates[name] else {
                Console.error("no workflow template named '\(name)'; known: \(library.names.joined(separator: ", "))")
                throw ExitCode.failure
            }
            Console.out("\(template.name) (\(template.fileName)): \(template.description)")
            for parameter in template.parameters {
                var line = "  \(parameter.name): \(parameter.kind.rawValue)"
                if let value = parameter.defaultValue { line += " = \(value.prettyPrinted())" }
                if parameter.minimum != nil || parameter.maximum != nil { line += "  [\(parameter.rangeText)]" }
                if let summary = parameter.summary { line += "  — \(summary)" }
                Console.out(line)
            }
            Console.out(
                "nodes: "
                    + template.nodes.keys.sorted(by: HistoryEntry.nodeOrder).map { id in
                        "\(id) \(template.nodes[id]?["class_type"]?.stringValue ?? "?")"
                    }.joined(separator: ", ")
            )
        }
    }

    /// `workflows import FILE`.
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Turn a ComfyUI \"Save (API)\" export into a template.",
            discussion: """
                Replaces the values of the standard nodes (KSampler, the positive and negative CLIPTextEncode, \
                EmptyLatentImage, CheckpointLoaderSimple, LoraLoader, SaveImage) by placeholders whose defaults are \
                the exported values. Example: dgx-pixels workflows import my_workflow_api.json -o workflows/mine.json
                """
        )

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The exported API-format JSON file.") var file: String
        @Option(name: .shortAndLong, help: "Where to write the template (default: stdout).") var output: String?

        func run() async throws {
            _ = try global.bootstrap()
            let input = URL(fileURLWithPath: GlobalOptions.absolute(file))
            let export: JSONValue
            do {
                export = try JSONValue(parsing: try Data(contentsOf: input))
            } catch {
                Console.error("cannot read \(input.path) as JSON: \(error.localizedDescription)")
                throw ExitCode.failure
            }
            let name =
                output.map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent }
                ?? input.deletingPathExtension().lastPathComponent
            let template: JSONValue
            do {
                template = try WorkflowImporter().template(from: export, fileName: name + ".json")
            } catch {
                Console.error(error.description)
                throw ExitCode.failure
            }
            let text = template.prettyPrinted() + "\n"
            guard let output else {
                Console.out(text.trimmingCharacters(in: .newlines))
                return
            }
            let target = URL(fileURLWithPath: GlobalOptions.absolute(output))
            do {
                try Data(text.utf8).write(to: target, options: .atomic)
            } catch {
                Console.error("cannot write \(target.path): \(error.localizedDescription)")
                throw ExitCode.failure
            }
            Console.out("wrote \(target.path)")
        }
    }
}
