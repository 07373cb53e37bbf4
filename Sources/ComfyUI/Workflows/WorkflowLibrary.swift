import Foundation

/// Every workflow template found in a list of folders; a later folder's template replaces an earlier one's.
package struct WorkflowLibrary: Sendable {
    package var templates: [String: WorkflowTemplate]
    /// Files that could not be loaded, each with its reason; the others still load.
    package var errors: [WorkflowError]

    package init(templates: [String: WorkflowTemplate] = [:], errors: [WorkflowError] = []) {
        self.templates = templates
        self.errors = errors
    }

    /// Loads every `*.json` in `directories` (missing folders are skipped).
    package static func load(directories: [URL]) -> WorkflowLibrary {
        var library = WorkflowLibrary()
        for directory in directories {
            let files =
                (try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil))
                ?? []
            for file in files.filter({ $0.pathExtension == "json" }).sorted(by: { $0.path < $1.path }) {
                do {
                    let template = try WorkflowTemplate.load(from: file)
                    library.templates[template.name] = template
                } catch {
                    library.errors.append(error)
                }
            }
        }
        return library
    }

    /// Names, sorted.
    package var names: [String] { templates.keys.sorted() }
}
