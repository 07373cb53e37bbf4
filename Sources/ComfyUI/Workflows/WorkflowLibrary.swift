import Foundation

/// The workflow templates found in one or more folders, by name.
///
/// A template in a later folder replaces one of the
/// same name from an earlier folder (the shipped `workflows/` first, the user's folders after it).
///
/// A file that does not load does not stop the others: its error is kept in `loadErrors` (and an earlier template
/// of the same name stays in use).
package struct WorkflowLibrary: Sendable {
    /// Templates by name.
    package private(set) var templates: [String: WorkflowTemplate]
    /// Why files or folders could not be loaded, in folder then file order.
    package private(set) var loadErrors: [WorkflowError]

    package init(templates: [WorkflowTemplate] = []) {
        self.templates = Dictionary(templates.map { ($0.name, $0) }, uniquingKeysWith: { _, last in last })
        self.loadErrors = []
    }

    /// Loads every `*.json` file in each folder, in order.
    package init(directories: [URL]) {
        self.init()
        for directory in directories {
            load(directory)
        }
    }

    /// The template names, sorted.
    package var names: [String] {
        templates.keys.sorted()
    }

    /// The template called `name`, or an error listing the known names.
    package func template(named name: String) throws(WorkflowError) -> WorkflowTemplate {
        guard let template = templates[name] else { throw .unknownWorkflow(name: name, known: names) }
        return template
    }

    private mutating func load(_ directory: URL) {
        let files: [URL]
        do {
            files = try FileManager.default.contentsOfDirectory(
                at: directory,
                includingPropertiesForKeys: nil,
                options: [.skipsHiddenFiles]
            )
        } catch {
            loadErrors.append(.unreadableDirectory(path: directory.path, reason: error.localizedDescription))
            return
        }
        let templateFiles = files.filter { $0.pathExtension == "json" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        for file in templateFiles {
            do {
                let template = try WorkflowTemplate(contentsOf: file)
                templates[template.name] = template
            } catch {
                loadErrors.append(error)
            }
        }
    }
}
